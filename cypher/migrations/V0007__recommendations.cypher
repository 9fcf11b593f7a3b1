// Recommendations: (author)-[:WROTE]->(:Recommendation)-[:FOR]->(subject).
// While a recommendation is open or visible it holds pair = author|subject, so an author has
// at most one per person at a time (a declined one drops its pair and frees the slot).
CREATE CONSTRAINT recommendation_id_unique IF NOT EXISTS
FOR (r:Recommendation) REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT recommendation_pair_unique IF NOT EXISTS
FOR (r:Recommendation) REQUIRE r.pair IS UNIQUE;

// Endorsements: (endorser)-[:ENDORSED {skill, key}]->(person), one per skill per endorser.
CREATE CONSTRAINT endorsement_key_unique IF NOT EXISTS
FOR ()-[e:ENDORSED]-() REQUIRE e.key IS UNIQUE;

// People: a unique id, and the indexes search and the profile filters use.
CREATE CONSTRAINT person_id_unique IF NOT EXISTS
FOR (p:Person) REQUIRE p.id IS UNIQUE;

CREATE INDEX person_location IF NOT EXISTS FOR (p:Person) ON (p.location);

CREATE INDEX person_industry IF NOT EXISTS FOR (p:Person) ON (p.industry);

CREATE INDEX person_profession IF NOT EXISTS FOR (p:Person) ON (p.profession);

// Name search is a case-insensitive substring match on name_lower.
CREATE TEXT INDEX person_name_lower IF NOT EXISTS FOR (p:Person) ON (p.name_lower);

// Bearer tokens are stored as a SHA-256 hash; the hash finds the token.
CREATE CONSTRAINT token_hash_unique IF NOT EXISTS
FOR (t:Token) REQUIRE t.hash IS UNIQUE;

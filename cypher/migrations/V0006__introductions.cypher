// Introductions: (requester)-[:REQUESTED_INTRO]->(:Introduction)<-[:BROKERS]-(broker),
// (:Introduction)-[:TO]->(target); follow-ups hang off them through HAS_FOLLOW_UP.
// Ids are random uuid4 strings: unique, and not guessable by people who are not parties.
CREATE CONSTRAINT introduction_id_unique IF NOT EXISTS
FOR (i:Introduction) REQUIRE i.id IS UNIQUE;

// While an introduction is open (requested/introduced) it holds open_pair = the two ids it
// would connect, ascending, joined by '|' (the CONNECTED_TO.pair of the future connection);
// closing it removes the property. So there is at most one open introduction per pair of
// people, even when two are created at the same moment.
CREATE CONSTRAINT introduction_open_pair_unique IF NOT EXISTS
FOR (i:Introduction) REQUIRE i.open_pair IS UNIQUE;

CREATE CONSTRAINT follow_up_id_unique IF NOT EXISTS
FOR (f:FollowUp) REQUIRE f.id IS UNIQUE;

// Listing starts from the person, so it needs no index; this one serves operators and
// analysts looking for stale open introductions (state + last action).
CREATE INDEX introduction_state_updated IF NOT EXISTS
FOR (i:Introduction) ON (i.state, i.updated_at);

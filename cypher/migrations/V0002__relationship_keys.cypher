// One CONNECTED_TO per pair, one REQUESTED per ordered pair, even under races: every such
// relationship carries a key (see backend/keys.py) and the key is unique.
// CONNECTED_TO.pair = the two ids in ascending order joined by '|'; REQUESTED.pair = from|to.
CREATE CONSTRAINT connected_pair_unique IF NOT EXISTS
FOR ()-[r:CONNECTED_TO]-() REQUIRE r.pair IS UNIQUE;

CREATE CONSTRAINT requested_pair_unique IF NOT EXISTS
FOR ()-[r:REQUESTED]-() REQUIRE r.pair IS UNIQUE;

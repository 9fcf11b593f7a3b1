// Per-address counters of the request limits (backend/address_limits.py): one
// (:AddressCounter {key, count, expires_at}) per limit and client address, shared by every
// worker and server; the key is unique so that concurrent first hits make one counter.
CREATE CONSTRAINT address_counter_key IF NOT EXISTS
FOR (c:AddressCounter) REQUIRE c.key IS UNIQUE;

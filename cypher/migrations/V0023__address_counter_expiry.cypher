// The delivery worker's sweep deletes the per-address counters whose window has ended
// (cypher/queries/limits/prune): a range index finds them without reading every counter,
// however many addresses a flood of bad tokens came from.
CREATE RANGE INDEX address_counter_expires_at IF NOT EXISTS
FOR (c:AddressCounter) ON (c.expires_at);

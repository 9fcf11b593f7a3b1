// Suggestions look for people who share your location and your (or a complementary)
// profession: a composite index answers that with one seek per profession.
CREATE INDEX person_location_profession IF NOT EXISTS
FOR (p:Person) ON (p.location, p.profession);

// Search without a name lists people in name order: a range index on name_lower gives that
// order (the text index of V0001 answers CONTAINS but keeps no order).
CREATE INDEX person_name_lower_range IF NOT EXISTS FOR (p:Person) ON (p.name_lower);

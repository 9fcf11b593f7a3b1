// Network views (see backend/network/views.py): per person, at most one
// (:NetworkView {person_id, part}) for each part: 'ranked' (2nd connections and suggestions,
// the 2-hop work) and 'counts' (1st/2nd/3rd counts, the 3-hop work), each computed when read.
CREATE CONSTRAINT network_view_unique IF NOT EXISTS
FOR (v:NetworkView) REQUIRE (v.person_id, v.part) IS UNIQUE;

// Network views (see backend/network/views.py): per person, at most one
// (:NetworkView {person_id, part}) for each part: 'second' (2nd connections), 'suggestions'
// and 'counts' (1st/2nd/3rd counts), each computed when it is read.
CREATE CONSTRAINT network_view_unique IF NOT EXISTS
FOR (v:NetworkView) REQUIRE (v.person_id, v.part) IS UNIQUE;

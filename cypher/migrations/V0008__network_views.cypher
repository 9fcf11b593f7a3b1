// Network views: one (:NetworkView {person_id, ...}) per person whose discovery answers are
// precomputed (see backend/network/views.py). At most one view per person.
CREATE CONSTRAINT network_view_person_unique IF NOT EXISTS
FOR (v:NetworkView) REQUIRE v.person_id IS UNIQUE;

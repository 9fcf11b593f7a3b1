// name: views.status
// version: 1
// mode: read
// params: now (datetime), due_before (datetime)
// returns: one row per part of the views ('counts', 'second', 'suggestions'; none without views):
//   part, views (computed ones), bytes (their payload, total and largest), oldest and newest
//   computed_at, median_age_s, due (computed before due_before: refreshed on their next read),
//   outdated (their person changed their own network since: served live until recomputed), orphans
//   (their person is gone), refreshing (an unexpired lease), max_compute_ms.
// example params (cypher-shell / Browser): :params {now: datetime(), due_before: datetime() - duration('PT5M')}
MATCH (v:NetworkView)
OPTIONAL MATCH (me:Person {id: v.person_id})
WITH v, me, v.computed_at IS NOT NULL AS computed
RETURN v.part AS part,
       count(CASE WHEN computed THEN v END) AS views,
       coalesce(sum(v.bytes), 0) AS bytes,
       coalesce(max(v.bytes), 0) AS max_bytes,
       min(v.computed_at) AS oldest,
       max(v.computed_at) AS newest,
       percentileDisc(CASE WHEN computed
                      THEN duration.inSeconds(v.computed_at, $now).seconds END, 0.5) AS median_age_s,
       count(CASE WHEN computed AND v.computed_at < $due_before THEN v END) AS due,
       count(CASE WHEN computed AND v.version <> coalesce(me.network_version, 0) THEN v END) AS outdated,
       count(CASE WHEN me IS NULL THEN v END) AS orphans,
       count(CASE WHEN v.lease_until >= $now THEN v END) AS refreshing,
       max(v.compute_ms) AS max_compute_ms
ORDER BY part

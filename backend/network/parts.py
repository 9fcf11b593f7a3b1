"""The discovery parts a network view keeps, each declared once: its live query, its page query
(from the view), its sort key and its delta (the query that gives a candidate's exact entry).
The service reads through them, the refresher computes them, the maintenance (deltas.py)
keeps them exact; see docs/views.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from backend.app_services import now
from backend.months import month_of
from backend.pagination import Order

MUTUAL_SAMPLE_SIZE = 3
# Suggestions also consider this many people who share your location and your (or a
# complementary) profession, so that someone without connections yet gets suggestions.
SUGGESTION_POOL_SIZE = 200
# Profile fields that suggestions score (network.suggestions): changing one is a change to
# one's own network.
PROFILE_SCORED = frozenset({"location", "industry", "profession", "skills"})
# Score points; a mutual is worth MUTUAL / ln(their number of connections) (Adamic-Adar).
SCORE_WEIGHTS = {
    "mutual": 1000,
    "location": 150,
    "industry": 100,
    "profession": 150,
    "complementary": 200,
    "skill": 50,
    "recommended": 500,
    "colleague": 2000,  # per organization, at full strength (see TIES)
    "classmate": 1000,
    # Listed in either one's imported LinkedIn export (docs/import-linkedin.md): above any sum
    # of the others (the mutuals' part stays under 1443 points x 30,000 mutuals).
    "linkedin": 100_000_000,
}
# Worked or studied together: an organization's points are
#   weight * min(months together, months) * group / (months * max(size, group))
# (integer division), size = its positions (or education entries), ever. Time together says
# more up to five years; in a group of up to 50 people everyone knows everyone, past that a
# colleague is one of size / 50. Past max_size people an organization says nothing by itself
# (at most 50 points, one shared skill) and would bring thousands of candidates: left out.
# The formula's reasons are in docs/discovery.md.
TIES = {"months": 60, "group": 50, "max_size": 2000}


@dataclass(frozen=True)
class Part:
    name: str
    live_query: tuple[str, int]  # network.*: the answer computed live (the whole part, by the
    # refresher)
    page_query: tuple[str, int]  # views.*: the answer read from the stored part
    sort_key: str | None  # the live rows' column a ranked part is sorted by (desc, then id)
    order: Order | None  # its cursors: the live and page queries' parameters after the key
    entries_query: tuple[str, int] | None  # views.*_entries: exact entries (the delta)
    # What the live query and the entries query take besides the person, cursor and limit.
    fixed_params: tuple[tuple[str, object], ...] = ()
    # Whether they also take now_month (year * 12 + month - 1, by the app's clock): how long
    # a current position has lasted so far.
    takes_month: bool = False

    def key(self, row: dict) -> tuple:
        """A ranked row's sort key, as its order's cursor holds it."""
        return row[self.sort_key], row["id"]

    @property
    def ranked(self) -> bool:
        """A list kept by deltas (2nd connections, suggestions), not a single answer."""
        return self.entries_query is not None

    def params(self) -> dict:
        params = dict(self.fixed_params)
        if self.takes_month:
            params["now_month"] = month_of(now())
        return params


SECOND = Part(
    name="second",
    live_query=("network.second_degree", 2),
    page_query=("views.second_degree_page", 3),
    sort_key="mutual_count",
    # Most mutual connections first: (mutual count, id).
    order=Order("mutuals", ("after_count", "after_id"), (int, str), (None, None)),
    entries_query=("views.second_entries", 1),
    fixed_params=(("sample_size", MUTUAL_SAMPLE_SIZE),),
)
SUGGESTIONS = Part(
    name="suggestions",
    live_query=("network.suggestions", 4),
    page_query=("views.suggestions_page", 4),
    sort_key="score",
    # Best first: (integer score points, id).
    order=Order("score", ("after_score", "after_id"), (int, str), (None, None)),
    entries_query=("views.suggestion_entries", 4),
    fixed_params=(
        ("weights", SCORE_WEIGHTS),
        ("pool_size", SUGGESTION_POOL_SIZE),
        ("sample_size", MUTUAL_SAMPLE_SIZE),
        ("ties", TIES),
    ),
    takes_month=True,
)
# 3 hops: an own connection made or removed shifts the counts exactly, from the other person's
# side (counts_delta.py); other changes are recomputed.
COUNTS = Part(
    name="counts",
    live_query=("network.network_counts", 1),
    page_query=("views.network_counts", 1),
    sort_key=None,
    order=None,
    entries_query=None,
)

PARTS = {part.name: part for part in (SECOND, SUGGESTIONS, COUNTS)}
RANKED = tuple(part for part in PARTS.values() if part.ranked)

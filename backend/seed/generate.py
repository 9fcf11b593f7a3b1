"""A reproducible synthetic professional network: power-law degrees, hubs, clustering.

The model, in three vectorised steps (numpy; the same seed gives the same graph):

1. **Communities.** People live in communities of 10-400 (a city's people in one field);
   each has a location and a core profession; its members take that profession, one of
   its complements (reference data), or another of the industry, so that communities mix
   complementary professions the way workplaces do.
2. **Chung-Lu with communities.** Each person draws an expected degree from a power law
   (exponent 2.5, capped at LinkedIn's 30,000), which makes hubs: at 100,000 people and
   average degree 40 dozens of people pass 1,700 connections. Part of a person's degree is
   spent inside the community (dense, so clustered), the rest anywhere, by weight.
3. **Triadic closure.** A fifth of the edges join two connections of the same person: friends
   of friends tend to know each other.
4. **Careers** (``backend/seed/generate_careers.py``): companies of heavy-tailed sizes and
   schools, 1-6 positions a person with realistic tenures, education; a person's headline
   names their last employer.

Edges are kept once, as sorted int64 keys ``lo * n + hi`` (8 bytes each; 160 MB for
20,000,000), and people as small index arrays; rows are built lazily while loading, so
1,000,000 people fit comfortably. Pending requests go between friends of friends.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from backend.db import Database
from backend.pair_keys import connection_key
from backend.seed import attributes as words
from backend.seed import generate_careers
from backend.seed.dataset import Dataset, person_row, request_row

AS_OF = date(2026, 1, 1)  # generated dates end here, so a seed always gives the same graph
FIRST_DAY = date(2008, 1, 1)
EXPONENT = 2.5
MAX_DEGREE = 30_000
LOCAL_SHARE = 0.6
CLOSURE_SHARE = 0.2
REQUEST_RATE = 0.02  # pending requests per person
_DAYS = [(FIRST_DAY + timedelta(days=d)).isoformat() for d in range((AS_OF - FIRST_DAY).days + 1)]


@dataclass(frozen=True)
class Profession:
    name: str
    industry: str
    complements: tuple[str, ...]


def read_professions(db: Database) -> list[Profession]:
    """The reference professions (migration V0003), in name order."""
    rows = db.read("seed.professions", 1)
    if not rows:
        raise RuntimeError("no Profession reference data in the graph: run `mutuals migrate` first")
    return [Profession(r["name"], r["industry"], tuple(sorted(r["complements"]))) for r in rows]


class Network:
    """The generated graph as compact arrays; :meth:`dataset` streams it as rows."""

    def __init__(
        self,
        people: int,
        avg_degree: float,
        seed: int,
        professions: list[Profession],
        id_prefix: str = "g",
        request_rate: float = REQUEST_RATE,
        companies: int | None = None,
        named: dict[str, dict[int, str]] | None = None,
    ):
        """``companies``: how many (default one per 20 people); ``named``: names for some
        organizations by kind and size rank (generate_careers.generate)."""
        if people < 2 or avg_degree <= 0 or avg_degree >= people - 1:
            raise ValueError("need at least 2 people and 0 < avg_degree < people - 1")
        self.n = people
        self.prefix = id_prefix
        self.professions = professions
        self.rng = np.random.default_rng(seed)
        self._communities()
        self._attributes()
        self.careers = generate_careers.generate(seed, people, AS_OF, companies, named)
        target = round(people * avg_degree / 2)
        self.keys = self._edges(target)
        self.requests = self._requests(round(people * request_rate))

    # -- structure ---------------------------------------------------------------------

    def _communities(self) -> None:
        rng, n = self.rng, self.n
        sizes = np.clip(rng.lognormal(np.log(60), 0.8, size=n // 10 + 2), 10, 400).astype(np.int64)
        sizes = sizes[: np.searchsorted(np.cumsum(sizes), n) + 1]
        sizes[-1] -= sizes.sum() - n
        if sizes[-1] <= 0:
            sizes = sizes[:-1]
        self.community = np.repeat(np.arange(len(sizes)), sizes)
        self.start = np.concatenate(([0], np.cumsum(sizes)[:-1]))
        self.end = np.cumsum(sizes)

    def _attributes(self) -> None:
        rng, n, comm = self.rng, self.n, self.community
        k = len(self.start)
        names = [p.name for p in self.professions]
        index = {name: i for i, name in enumerate(names)}
        industries = sorted({p.industry for p in self.professions})
        by_industry = [
            [i for i, p in enumerate(self.professions) if p.industry == ind] for ind in industries
        ]
        industry_of = np.array([industries.index(p.industry) for p in self.professions])
        complements = [
            [index[c] for c in p.complements if c in index] or [i]
            for i, p in enumerate(self.professions)
        ]

        loc_weights = np.array([w for _, w in words.LOCATIONS], dtype=float)
        community_location = rng.choice(len(loc_weights), size=k, p=loc_weights / loc_weights.sum())
        core = rng.integers(0, len(names), size=k)[comm]

        roll = rng.random(n)
        pick = rng.random(n)
        comp = _pick_from(complements, core, pick)
        same = _pick_from(by_industry, industry_of[core], pick)
        anyone = rng.integers(0, len(names), size=n)
        profession = np.where(
            roll < 0.45, core, np.where(roll < 0.75, comp, np.where(roll < 0.9, same, anyone))
        )
        moved = rng.random(n) < 0.15
        location = np.where(
            moved,
            rng.choice(len(loc_weights), size=n, p=loc_weights / loc_weights.sum()),
            community_location[comm],
        )
        days = len(_DAYS) - 1
        self.attrs = {
            "first": rng.integers(0, len(words.FIRST_NAMES), size=n, dtype=np.int32),
            "last": rng.integers(0, len(words.LAST_NAMES), size=n, dtype=np.int32),
            "location": location.astype(np.int32),
            "profession": profession.astype(np.int32),
        }
        # Employers were drawn here before careers named them (generate_careers.py); the draw
        # stays so that every seed keeps the network it gave.
        rng.integers(0, 3, size=n)
        self.attrs |= {
            "seniority": rng.integers(0, len(words.SENIORITY), size=n, dtype=np.int32),
            "headline": rng.integers(0, len(words.HEADLINE_TEMPLATES), size=n, dtype=np.int32),
            "summary": rng.integers(0, len(words.SUMMARY_TEMPLATES) + 1, size=n, dtype=np.int32),
            "school": rng.integers(0, len(words.SCHOOLS), size=n, dtype=np.int32),
            "skills": rng.integers(0, 1 << 30, size=n, dtype=np.int64),
            "private": rng.random(n) < 0.05,
            # More people joined recently than long ago.
            "created": (days * rng.random(n) ** 0.6).astype(np.int32),
        }

    def _edges(self, target: int) -> np.ndarray:
        rng, n = self.rng, self.n
        xmin = (EXPONENT - 2) / (EXPONENT - 1) * target * 2 / n
        weight = np.minimum(
            xmin * (1 - rng.random(n)) ** (-1 / (EXPONENT - 1)), min(MAX_DEGREE, n - 1)
        )
        self.weight = weight
        size = (self.end - self.start)[self.community]
        local = np.minimum(LOCAL_SHARE * weight, 0.5 * (size - 1))
        spread = weight - local
        first_pass = target - round(CLOSURE_SHARE * target)
        n_local = round(first_pass * local.sum() / weight.sum())
        keys = _unique_keys(
            n,
            *self._local_pairs(local, n_local),
            *_weighted_pairs(rng, spread, first_pass - n_local),
        )
        keys = _sorted_unique(np.concatenate((keys, self._closures(keys, target - len(keys)))))
        # Duplicates and self-pairs were dropped: top up with more of the same mixture.
        while len(keys) < target:
            missing = target - len(keys)
            keys = _sorted_unique(
                np.concatenate(
                    (
                        keys,
                        _unique_keys(
                            n, *_weighted_pairs(rng, weight, missing + missing // 10 + 10)
                        ),
                    )
                )
            )
        if len(keys) > target:
            keys = np.delete(keys, rng.choice(len(keys), size=len(keys) - target, replace=False))
        return keys

    def _local_pairs(self, local: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
        """Pairs inside one community, both ends drawn by their community weight."""
        rng = self.rng
        cumulative = np.cumsum(local)
        a = np.minimum(
            np.searchsorted(cumulative, rng.random(count) * cumulative[-1], side="right"),
            self.n - 1,
        )
        comm = self.community[a]
        low = np.where(self.start[comm] > 0, cumulative[self.start[comm] - 1], 0.0)
        high = cumulative[self.end[comm] - 1]
        b = np.searchsorted(cumulative, low + rng.random(count) * (high - low), side="right")
        b = np.clip(b, self.start[comm], self.end[comm] - 1)
        return a, b

    def _closures(self, keys: np.ndarray, count: int) -> np.ndarray:
        """Close ``count``-ish triangles: two connections of one person get connected."""
        if count <= 0:
            return keys[:0]
        offsets, neighbours = _adjacency(self.n, keys)
        x, y = _wedges(self.rng, offsets, neighbours, count + count // 5)
        return _unique_keys(self.n, x, y)

    def _requests(self, count: int) -> np.ndarray:
        """(sender, recipient) rows between friends of friends who are not connected."""
        if count <= 0:
            return np.zeros((0, 2), dtype=np.int64)
        offsets, neighbours = _adjacency(self.n, self.keys)
        x, y = _wedges(self.rng, offsets, neighbours, count * 2)
        pairs = _unique_keys(self.n, x, y)
        pairs = pairs[~_contains(self.keys, pairs)]
        pairs = pairs[np.sort(self.rng.permutation(len(pairs))[:count])]
        lo, hi = pairs // self.n, pairs % self.n
        flip = self.rng.random(len(pairs)) < 0.5
        return np.stack([np.where(flip, hi, lo), np.where(flip, lo, hi)], axis=1)

    # -- rows --------------------------------------------------------------------------

    def person_id(self, i: int) -> str:
        return f"{self.prefix}{i}"

    def degrees(self) -> np.ndarray:
        return np.bincount(
            np.concatenate((self.keys // self.n, self.keys % self.n)), minlength=self.n
        )

    def dataset(self) -> Dataset:
        careers = self.careers
        return Dataset(
            people=self._people,
            connections=self._connections,
            requests=self._request_rows,
            connection_csv=self._connection_csv,
            organizations=lambda: self._career_rows().organizations(f"{FIRST_DAY}T09:00:00Z"),
            positions=lambda: self._career_rows().positions(
                [words.SENIORITY[s] for s in self.attrs["seniority"].tolist()],
                self._created_at(),
            ),
            education=lambda: self._career_rows().education(self._created_at()),
            totals={
                "people": self.n,
                "connections": len(self.keys),
                "requests": len(self.requests),
                "organizations": len(careers.companies) + len(careers.schools),
                "positions": len(careers.position_person),
                "education": len(careers.education_person),
            },
            skipped=Counter(),
        )

    def _career_rows(self) -> generate_careers.CareerRows:
        professions = [self.professions[p] for p in self.attrs["profession"].tolist()]
        return generate_careers.CareerRows(
            self.careers,
            self.prefix,
            titles=[p.name for p in professions],
            fields=[
                words.FIELDS_OF_STUDY.get(p.industry, words.DEFAULT_FIELD_OF_STUDY)
                for p in professions
            ],
        )

    def _created_at(self) -> list[str]:
        return [f"{_DAYS[day]}T09:00:00Z" for day in self.attrs["created"].tolist()]

    def _people(self):
        a = {k: v.tolist() for k, v in self.attrs.items()}
        employer, school = self.careers.employer.tolist(), self.careers.school.tolist()
        for i in range(self.n):
            profession = self.professions[a["profession"][i]]
            industry = profession.industry
            skills_pool = words.SKILLS.get(profession.name, words.GENERIC_SKILLS)
            skills = _skills(skills_pool, a["skills"][i])
            company = self.careers.companies[employer[i]]
            location = words.LOCATIONS[a["location"][i]][0]
            fill = {
                "profession": profession.name,
                "company": company,
                "industry": industry,
                "seniority": words.SENIORITY[a["seniority"][i]],
                "skill": skills[0],
                "skill2": skills[-1],
                "city": location.split(",")[0],
                "years": 2 + a["skills"][i] % 20,
            }
            summary = (
                words.SUMMARY_TEMPLATES[a["summary"][i]].format(**fill)
                if a["summary"][i] < len(words.SUMMARY_TEMPLATES)
                else None
            )
            name = f"{words.FIRST_NAMES[a['first'][i]]} {words.LAST_NAMES[a['last'][i]]}"
            yield person_row(
                self.person_id(i),
                {
                    "name": name,
                    "headline": words.HEADLINE_TEMPLATES[a["headline"][i]].format(**fill),
                    "location": location,
                    "industry": industry,
                    "profession": profession.name,
                    "skills": skills,
                    "summary": summary,
                    "training": self.careers.schools[school[i]]
                    if school[i] >= 0
                    else words.SCHOOLS[a["school"][i]],
                    "connections_visibility": "private" if a["private"][i] else "connections",
                    "intro_opt_out": False,
                },
                created_at=f"{_DAYS[a['created'][i]]}T09:00:00Z",
            )

    def _connection_chunks(self, chunk: int):
        """(lo, hi, day index, minute of the day) arrays of the connections, a chunk at a time."""
        n, created = self.n, self.attrs["created"]
        for start in range(0, len(self.keys), chunk):
            keys = self.keys[start : start + chunk]
            lo, hi = keys // n, keys % n
            # Connected some time after the later of the two joined, before AS_OF.
            joined = np.maximum(created[lo], created[hi])
            since = joined + (_fraction(keys) * (len(_DAYS) - 1 - joined)).astype(np.int64)
            # People joined at 09:00; connecting on that same day happens later that day.
            minutes = 540 + (_fraction(keys * 31 + 7) * 900).astype(np.int64)
            yield lo, hi, since, minutes

    def _connections(self, chunk: int = 100_000):
        for lo, hi, since, minutes in self._connection_chunks(chunk):
            for x, y, day, minute in zip(
                lo.tolist(), hi.tolist(), since.tolist(), minutes.tolist(), strict=True
            ):
                a, b = f"{self.prefix}{x}", f"{self.prefix}{y}"
                yield {
                    "a": a,
                    "b": b,
                    "pair": connection_key(a, b),
                    "since": f"{_DAYS[day]}T{minute // 60:02d}:{minute % 60:02d}:00Z",
                }

    def _connection_csv(self, chunk: int = 200_000):
        """The connections of :meth:`_connections` as CSV text (a,b,pair,since lines), a chunk
        at a time: what the bulk load writes for the offline importer, built by numpy's string
        functions several times faster than row by row."""
        ids = np.array([self.person_id(i) for i in range(self.n)])
        rank = np.argsort(np.argsort(ids))  # connection keys order ids as text
        days = np.array(_DAYS)
        clock = np.array([f"T{m // 60:02d}:{m % 60:02d}:00Z\n" for m in range(24 * 60)])
        add = np.strings.add
        for lo, hi, since, minutes in self._connection_chunks(chunk):
            swap = rank[lo] > rank[hi]
            a, b = ids[lo], ids[hi]
            line = add(add(a, ","), add(b, ","))
            line = add(line, add(add(np.where(swap, b, a), "|"), np.where(swap, a, b)))
            line = add(add(line, ","), add(days[since], clock[minutes]))
            yield "".join(line.tolist())

    def _request_rows(self):
        first = self.attrs["first"]
        for k, (sender, recipient) in enumerate(self.requests.tolist()):
            profession = self.professions[int(self.attrs["profession"][sender])]
            note = words.REQUEST_NOTES[k % len(words.REQUEST_NOTES)].format(
                first=words.FIRST_NAMES[int(first[recipient])],
                industry=profession.industry,
                skill=words.SKILLS.get(profession.name, words.GENERIC_SKILLS)[0],
            )
            day = len(_DAYS) - 1 - (k * 7919) % 60
            yield request_row(
                self.person_id(sender),
                self.person_id(recipient),
                f"{_DAYS[day]}T{8 + k % 10:02d}:30:00Z",
                note,
            )


# -- vectorised helpers -------------------------------------------------------------------


def _pick_from(groups: list[list[int]], which: np.ndarray, pick: np.ndarray) -> np.ndarray:
    """For each row, element ``floor(pick * len)`` of ``groups[which]``."""
    width = max(len(g) for g in groups)
    table = np.array([g + [g[0]] * (width - len(g)) for g in groups])
    lengths = np.array([len(g) for g in groups])
    return table[which, (pick * lengths[which]).astype(np.int64)]


def _weighted_pairs(rng: np.random.Generator, weight: np.ndarray, count: int):
    cumulative = np.cumsum(weight)
    n = len(weight)
    a = np.searchsorted(cumulative, rng.random(count) * cumulative[-1], side="right")
    b = np.searchsorted(cumulative, rng.random(count) * cumulative[-1], side="right")
    return np.minimum(a, n - 1), np.minimum(b, n - 1)


def _unique_keys(n: int, *ends: np.ndarray) -> np.ndarray:
    """Sorted unique ``lo * n + hi`` keys of the pairs (a0, b0, a1, b1, ...), no self-pairs."""
    a = np.concatenate(ends[0::2]).astype(np.int64)
    b = np.concatenate(ends[1::2]).astype(np.int64)
    keep = a != b
    a, b = a[keep], b[keep]
    return _sorted_unique(np.minimum(a, b) * n + np.maximum(a, b))


def _sorted_unique(keys: np.ndarray) -> np.ndarray:
    # np.unique hashes in numpy 2.x, several times slower than a sort for 10^7 int64 keys.
    keys = np.sort(keys)
    return keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys


def _adjacency(n: int, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """CSR adjacency (offsets, neighbours) of the undirected edges in ``keys``."""
    lo, hi = keys // n, keys % n
    src = np.concatenate((lo, hi))
    dst = np.concatenate((hi, lo)).astype(np.int32)
    order = np.argsort(src, kind="stable")
    offsets = np.concatenate(([0], np.cumsum(np.bincount(src, minlength=n))))
    return offsets, dst[order]


def _wedges(rng: np.random.Generator, offsets: np.ndarray, neighbours: np.ndarray, count: int):
    """``count`` random wedges x - v - y: v uniform among people with 2+ connections."""
    degree = np.diff(offsets)
    centres = np.flatnonzero(degree >= 2)
    if len(centres) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    v = centres[rng.integers(0, len(centres), size=count)]
    d = degree[v]
    i = (rng.random(count) * d).astype(np.int64)
    j = (i + 1 + (rng.random(count) * (d - 1)).astype(np.int64)) % d
    return neighbours[offsets[v] + i], neighbours[offsets[v] + j]


def _contains(sorted_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
    at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return sorted_keys[at] == keys


def _fraction(keys: np.ndarray) -> np.ndarray:
    """A reproducible pseudo-random number in [0, 1) per key (a multiplicative hash)."""
    mixed = keys.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    return (mixed >> np.uint64(11)).astype(np.float64) / float(1 << 53)


def _skills(pool: tuple[str, ...], bits: int) -> list[str]:
    """3-5 distinct skills from the pool, chosen by the bits."""
    count = min(len(pool), 3 + bits % 3)
    chosen, order = [], list(pool)
    for _ in range(count):
        bits //= 7
        chosen.append(order.pop(bits % len(order)))
    return chosen

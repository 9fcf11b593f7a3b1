"""Careers for a generated network (``mutuals seed generate``): companies and schools,
positions and education, as compact arrays turned into rows while loading.

- **Organizations.** ``companies`` companies (default: one per 20 people) whose sizes are
  heavy-tailed: a company's share of all positions falls as rank^-0.8, so at 100,000 people
  the largest of 5,000 holds about 4% of them and the median a few dozen; ``schools`` (one per
  500 people, at most the few hundred names there are) drawn the same way.
- **Positions.** 1-6 a person; tenures lognormal (median 28 months, 3 to 120), 0-3 months
  between jobs, a career of at most 40 years; the last position is current (end null) for 85%
  of people, else it ended 1-24 months before ``AS_OF``. Titles are the person's profession:
  the last one with their seniority, the first of three or more "Junior".
- **Education.** 85% of people have a bachelor's (3-4 years, ending up to 6 months before
  their first job); a third of them a master's (1-2 years) between the two.

Everything is drawn from its own generator seeded from the network's seed, so adding careers
changed none of the people and connections a seed gave before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from backend.months import month_of
from backend.organizations import names
from backend.seed import attributes as words
from backend.seed.dataset import education_row, organization_row, position_row

SIZE_EXPONENT = 0.8  # an organization's share of positions ~ rank^-0.8
PEOPLE_PER_COMPANY = 20
PEOPLE_PER_SCHOOL = 500
CURRENT_SHARE = 0.85
MAX_CAREER = 480  # months
# What ends a company's name: the industries' endings but those that name a school.
_KINDS = sorted(
    {suffix for suffixes in words.COMPANY_SUFFIXES.values() for suffix in suffixes}
    - {"University", "Institute of Technology", "College", "School"}
    | set(words.DEFAULT_SUFFIXES)
)
_FIRST_WORDS = list(words.COMPANY_STEMS) + words.ORGANIZATION_WORDS
_PLACES = [location.split(",")[0].removesuffix(" Bay Area") for location, _ in words.LOCATIONS]
SCHOOL_NAMES = list(
    dict.fromkeys(
        [school for school in words.SCHOOLS if "University" in school or "School" in school]
        + [
            form.format(place=place, word=word)
            for form in words.SCHOOL_FORMS
            for place, word in (
                zip(_PLACES, _PLACES, strict=True)
                if "{place}" in form
                else zip(_FIRST_WORDS, _FIRST_WORDS, strict=True)
            )
        ]
    )
)


@dataclass
class Careers:
    companies: list[str]
    schools: list[str]
    # One entry per position, people in order, each person's oldest first; end -1 = current.
    position_person: np.ndarray
    position_company: np.ndarray
    position_start: np.ndarray
    position_end: np.ndarray
    position_title: np.ndarray  # 0: the profession, 1: with the seniority, 2: "Junior"
    # One entry per education entry, people in order; level 0 bachelor's, 1 master's.
    education_person: np.ndarray
    education_school: np.ndarray
    education_start: np.ndarray
    education_end: np.ndarray
    education_level: np.ndarray
    employer: np.ndarray  # per person: the company of their last position
    school: np.ndarray  # per person: the school of their last education entry, or -1


def generate(
    seed: int,
    people: int,
    as_of,
    companies: int | None = None,
    named: Mapping[str, Mapping[int, str]] | None = None,
) -> Careers:
    """``named``: names for some organizations by kind and size rank (0 the largest), e.g.
    the demo's {"company": {0: "Northwind Labs"}, "school": {0: "TU Berlin"}}."""
    rng = np.random.default_rng([seed, 1])
    named = named or {}
    companies = companies or max(1, people // PEOPLE_PER_COMPANY)
    schools = max(
        min(max(1, people // PEOPLE_PER_SCHOOL), len(SCHOOL_NAMES)),
        max(named.get("school", {-1: ""}), default=-1) + 1,
    )
    this_month = month_of(as_of)

    count = rng.integers(1, 7, size=people)
    person = np.repeat(np.arange(people), count)
    first = np.cumsum(count) - count
    rank = np.arange(len(person)) - first[person]
    last = rank == count[person] - 1
    length = np.clip(np.rint(rng.lognormal(np.log(28), 0.75, len(person))), 3, 120)
    gap = np.where(last, 0, rng.integers(0, 4, len(person)))
    # A long career is shrunk to MAX_CAREER, every job in proportion.
    career = np.bincount(person, weights=length + gap, minlength=people)
    scale = np.minimum(1.0, MAX_CAREER / career)[person]
    length = np.maximum(3, length * scale).astype(np.int64)
    gap = (gap * scale).astype(np.int64)
    span = length + gap
    current = rng.random(people) < CURRENT_SHARE
    ended = this_month - np.where(current, 0, rng.integers(1, 25, people))
    begin = ended - np.bincount(person, weights=span, minlength=people).astype(np.int64)
    before = np.cumsum(span) - span  # months of the positions before, over everyone
    start = begin[person] + before - before[first[person]]
    end = np.where(last & current[person], -1, start + length)
    title = np.where(last, 1, np.where((rank == 0) & (count[person] >= 3), 2, 0))
    company = rng.choice(companies, size=len(person), p=_sizes(companies))

    bachelor = rng.random(people) < 0.85
    master = bachelor & (rng.random(people) < 1 / 3)
    first_job = start[first]
    master_end = first_job - rng.integers(0, 7, people)
    master_start = master_end - rng.integers(12, 25, people)
    bachelor_end = np.where(master, master_start - rng.integers(0, 4, people), master_end)
    bachelor_start = bachelor_end - rng.integers(36, 49, people)
    drawn = rng.choice(schools, size=(people, 2), p=_sizes(schools))
    takes = np.stack([bachelor, master], axis=1)  # people x (bachelor's, master's)
    who, level = np.nonzero(takes)
    starts = np.stack([bachelor_start, master_start], axis=1)
    ends = np.stack([bachelor_end, master_end], axis=1)
    school = np.where(master, drawn[:, 1], np.where(bachelor, drawn[:, 0], -1))
    school_names = [SCHOOL_NAMES[i] for i in rng.permutation(len(SCHOOL_NAMES))]
    return Careers(
        companies=_company_names(rng, companies, named.get("company", {})),
        schools=_with_names(school_names[:schools], named.get("school", {})),
        position_person=person.astype(np.int32),
        position_company=company.astype(np.int32),
        position_start=start.astype(np.int32),
        position_end=end.astype(np.int32),
        position_title=title.astype(np.int8),
        education_person=who.astype(np.int32),
        education_school=drawn[who, level].astype(np.int32),
        education_start=starts[who, level].astype(np.int32),
        education_end=ends[who, level].astype(np.int32),
        education_level=level.astype(np.int8),
        employer=company[first + count - 1].astype(np.int32),
        school=school.astype(np.int32),
    )


def _sizes(count: int) -> np.ndarray:
    weights = np.arange(1, count + 1, dtype=float) ** -SIZE_EXPONENT
    return weights / weights.sum()


def _with_names(generated: list[str], named: Mapping[int, str]) -> list[str]:
    return [named.get(rank, name) for rank, name in enumerate(generated)]


def _company_names(rng: np.random.Generator, count: int, named: Mapping[int, str]) -> list[str]:
    """``count`` company names, distinct once normalised ("Nova Orbit Labs", "Cedar Bank"),
    ``named`` at their ranks."""
    chosen, seen = [], {names.name_key(name) for name in named.values()}
    for i in range(count):
        for _ in range(10):
            parts = [_FIRST_WORDS[rng.integers(len(_FIRST_WORDS))]]
            second = words.ORGANIZATION_WORDS[rng.integers(len(words.ORGANIZATION_WORDS))]
            if rng.random() < 0.7 and second != parts[0]:
                parts.append(second)
            name = " ".join([*parts, _KINDS[rng.integers(len(_KINDS))]])
            if names.name_key(name) not in seen:
                break
        else:
            name = f"{name} {i}"
        seen.add(names.name_key(name))
        chosen.append(name)
    return _with_names(chosen, named)


class CareerRows:
    """The rows of a generated network's careers; ids ``<prefix>o<n>`` (companies),
    ``<prefix>s<n>`` (schools), ``<prefix>w<n>`` (positions), ``<prefix>e<n>`` (education)."""

    def __init__(self, careers: Careers, prefix: str, titles: list[str], fields: list[str]):
        """``titles``/``fields``: per person, their profession and what they studied."""
        self.careers = careers
        self.prefix = prefix
        self.titles = titles
        self.fields = fields

    def company_id(self, i: int) -> str:
        return f"{self.prefix}o{i}"

    def school_id(self, i: int) -> str:
        return f"{self.prefix}s{i}"

    def organizations(self, created_at: str):
        for i, name in enumerate(self.careers.companies):
            yield organization_row(self.company_id(i), "company", name, created_at=created_at)
        for i, name in enumerate(self.careers.schools):
            yield organization_row(self.school_id(i), "school", name, created_at=created_at)

    def positions(self, seniority: list[str], created_at: list[str]):
        c = self.careers
        for k, (person, company, start, end, title) in enumerate(
            zip(
                c.position_person.tolist(),
                c.position_company.tolist(),
                c.position_start.tolist(),
                c.position_end.tolist(),
                c.position_title.tolist(),
                strict=True,
            )
        ):
            prefix = ("", seniority[person], "Junior ")[title]
            yield position_row(
                f"{self.prefix}w{k}",
                f"{self.prefix}{person}",
                self.company_id(company),
                {
                    "title": prefix + self.titles[person],
                    "start": start,
                    "end": None if end < 0 else end,
                },
                created_at=created_at[person],
            )

    def education(self, created_at: list[str]):
        c = self.careers
        for k, (person, school, start, end, level) in enumerate(
            zip(
                c.education_person.tolist(),
                c.education_school.tolist(),
                c.education_start.tolist(),
                c.education_end.tolist(),
                c.education_level.tolist(),
                strict=True,
            )
        ):
            degrees = words.MASTERS if level else words.BACHELORS
            yield education_row(
                f"{self.prefix}e{k}",
                f"{self.prefix}{person}",
                self.school_id(school),
                {
                    "degree": degrees[(person + k) % len(degrees)],
                    "field": self.fields[person],
                    "start": start,
                    "end": end,
                },
                created_at=created_at[person],
            )

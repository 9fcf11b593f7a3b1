"""The demo's careers (``mutuals seed demo``): where the showcase people work and studied, and
the companies the coach's clients target.

The story: Maya Okafor (``demo-coach``) coaches three clients who each keep a board of target
companies and share it with her. Ana, a senior engineer at Northwind Labs, wants a smaller
company: Brightline AI (founded by Ben, her former manager at Northwind: 1st degree), Lumen
Health (Grace works there: 2nd degree through Maya) and Kestrel Robotics (only generated
people: 2nd and 3rd degree). Grace, a data scientist at Lumen Health, targets Northwind Labs
and Meridian Cloud; Chloe, a product designer at Meridian Cloud, targets Brightline AI and
Lumen Health. Ana and Hugo worked together at Meridian Cloud (2018-2021), Ben and Ana at
Northwind Labs (2021), Chloe and Hugo were classmates at HEC Paris, Ana and Ben studied at TU
Berlin: the colleague and classmate reasons have something to show.

The large companies are the generated network's largest (:data:`NAMED`: the generated people
work there too), the showcase people's own small firms and two schools are written here.
Every id and date is fixed; the targets are added once, through the targets service (its
rules), back-dated, and Maya reads Ana's board once, so that Ana's read log shows it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backend.app_services import backdated
from backend.months import parse
from backend.seed.dataset import Dataset, education_row, organization_row, position_row
from backend.targets import service as targets
from backend.targets import sharing

GENERATED_PREFIX = "demo-p"  # the generated network's ids (backend/seed/demo.py)
# Names of the generated network's organizations, by size rank (0 the largest).
NAMED = {
    "company": {
        0: "Northwind Labs",
        1: "Meridian Cloud",
        2: "Lumen Health",
        3: "Kestrel Robotics",
        6: "Juniper Talent",
        25: "Summit Ventures",
        70: "Brightline AI",
    },
    "school": {0: "Technische Universität Berlin", 1: "London School of Economics", 2: "HEC Paris"},
}
_CREATED = "2016-01-04T09:00:00Z"
# id, kind, name, domain: the showcase people's own firms and schools beyond the generated
OWN = (
    ("demo-org-okafor-careers", "company", "Okafor Careers", "okafor-careers.example"),
    ("demo-org-haddad-legal", "company", "Haddad Legal", None),
    ("demo-org-pereira-accounting", "company", "Pereira Accounting", None),
    ("demo-org-stanford", "school", "Stanford University", "stanford.edu"),
    ("demo-org-kth", "school", "KTH Royal Institute of Technology", "kth.se"),
)


def organization_id(kind: str, name: str) -> str:
    """The id of a named generated organization, or of one of :data:`OWN`."""
    rank = next((r for r, n in NAMED.get(kind, {}).items() if n == name), None)
    if rank is not None:
        return f"{GENERATED_PREFIX}{'o' if kind == 'company' else 's'}{rank}"
    return next(i for i, k, n, _ in OWN if k == kind and n == name)


# person, company, title, start, end (None: current)
POSITIONS = (
    ("demo-coach", "Juniper Talent", "Technical Recruiter", "2010-09", "2015-02"),
    ("demo-coach", "Okafor Careers", "Founder & Career Coach", "2015-03", None),
    ("demo-ana", "Meridian Cloud", "Software Engineer", "2017-09", "2021-02"),
    ("demo-ana", "Northwind Labs", "Senior Software Engineer", "2021-03", None),
    ("demo-ben", "Northwind Labs", "Engineering Manager", "2016-05", "2021-12"),
    ("demo-ben", "Brightline AI", "Founder & CEO", "2022-01", None),
    ("demo-chloe", "Meridian Cloud", "Product Designer", "2019-04", None),
    ("demo-dev", "Lumen Health", "Head of Strategy", "2013-06", "2017-12"),
    ("demo-dev", "Summit Ventures", "Partner", "2018-01", None),
    ("demo-emma", "Juniper Talent", "Technical Recruiter", "2019-02", None),
    ("demo-farid", "Haddad Legal", "Founder, Startup Lawyer", "2020-01", None),
    ("demo-grace", "Lumen Health", "Data Scientist", "2020-07", None),
    ("demo-hugo", "Meridian Cloud", "Product Manager", "2018-03", None),
    ("demo-ines", "Northwind Labs", "Finance Manager", "2014-02", "2018-12"),
    ("demo-ines", "Pereira Accounting", "Founder", "2019-01", None),
)
# person, school, degree, field, start, end
EDUCATION = (
    (
        "demo-coach",
        "London School of Economics",
        "MSc",
        "Organisational Psychology",
        "2008-10",
        "2009-09",
    ),
    ("demo-ana", "Technische Universität Berlin", "MSc", "Computer Science", "2015-10", "2017-08"),
    ("demo-ben", "Technische Universität Berlin", "BSc", "Computer Science", "2009-10", "2013-07"),
    ("demo-chloe", "HEC Paris", "MSc", "Innovation & Design", "2016-09", "2018-06"),
    ("demo-dev", "London School of Economics", "MSc", "Finance", "2011-09", "2012-09"),
    (
        "demo-emma",
        "KTH Royal Institute of Technology",
        "BSc",
        "Industrial Engineering",
        "2012-08",
        "2015-06",
    ),
    ("demo-farid", "London School of Economics", "LLM", "Corporate Law", "2012-09", "2013-08"),
    ("demo-grace", "Stanford University", "MS", "Statistics", "2018-09", "2020-06"),
    ("demo-hugo", "HEC Paris", "MBA", "Business Administration", "2016-09", "2018-06"),
)
# the coach's clients: seeker, [(company, notes)]
TARGETS = (
    (
        "demo-ana",
        (
            ("Brightline AI", "Ben's team is hiring its first platform engineers."),
            ("Lumen Health", "Ask Maya for an introduction to Grace."),
            ("Kestrel Robotics", None),
        ),
    ),
    ("demo-grace", (("Northwind Labs", None), ("Meridian Cloud", "Their ML platform team."))),
    (
        "demo-chloe",
        (("Brightline AI", "Would they want a first designer?"), ("Lumen Health", None)),
    ),
)
COACH = "demo-coach"
_TARGETS_AT = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def dataset() -> Dataset:
    """The showcase's organizations (the firms beyond the generated), positions, education."""
    organizations = [
        organization_row(i, kind, name, domain=domain, created_at=_CREATED)
        for i, kind, name, domain in OWN
    ]
    positions = [
        position_row(
            f"demo-pos-{person.removeprefix('demo-')}-{k}",
            person,
            organization_id("company", company),
            {"title": title, "start": parse(start), "end": parse(end) if end else None},
            created_at=_CREATED,
        )
        for k, (person, company, title, start, end) in enumerate(POSITIONS)
    ]
    education = [
        education_row(
            f"demo-edu-{person.removeprefix('demo-')}-{k}",
            person,
            organization_id("school", school),
            {"degree": degree, "field": field, "start": parse(start), "end": parse(end)},
            created_at=_CREATED,
        )
        for k, (person, school, degree, field, start, end) in enumerate(EDUCATION)
    ]
    return Dataset(
        people=lambda: (),
        connections=lambda: (),
        organizations=lambda: organizations,
        positions=lambda: positions,
        education=lambda: education,
        totals={
            "organizations": len(organizations),
            "positions": len(positions),
            "education": len(education),
        },
    )


def add_targets() -> dict[str, int]:
    """The clients' boards, shared with the coach, and the coach's read of Ana's (once: an
    empty dict when they are there); how many targets each client got."""
    if sharing.shares(TARGETS[0][0])["items"]:
        return {}
    made = {}
    for k, (seeker, companies) in enumerate(TARGETS):
        for j, (company, notes) in enumerate(companies):
            with backdated(_TARGETS_AT + timedelta(days=k, minutes=j)):
                targets.add(
                    seeker, organization={"id": organization_id("company", company)}, notes=notes
                )
        with backdated(_TARGETS_AT + timedelta(days=k, hours=1)):
            sharing.share(seeker, COACH)
        made[seeker] = len(companies)
    with backdated(_TARGETS_AT + timedelta(days=len(TARGETS))):
        sharing.read(COACH, TARGETS[0][0])
    return made

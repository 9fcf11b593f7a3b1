"""``mutuals seed demo``: a small, deterministic demo network for ``make run``.

2,000 people in all: 1,990 generated with realistic profiles (ids ``demo-p0`` ... ``demo-p1989``,
fixed seed) plus ten hand-written ones with stable ids for the README and for trying the API
(tokens come from ``POST /v1/admin/people/{id}/tokens``). ``demo-coach``, a career coach, is
connected to 1,750 people. Pending requests wait for ``demo-ana`` (incoming and outgoing).
Careers tell a story (backend/seed/demo_careers.py): the coach's clients and the companies
they target.

Running it again changes nothing (every write MERGEs; every value, dates included, is fixed).

Extension point: :data:`STEPS`. A step is ``def step(ctx: DemoContext) -> None`` that writes
its part idempotently (stable ids, MERGE) and says what it did through ``ctx.echo``; later
areas append theirs (e.g. introductions in several states between the showcase people).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from backend.db import Database
from backend.intros.demo import seed_demo_intros
from backend.recommendations.demo import seed_demo_recommendations
from backend.seed import demo_careers
from backend.seed.dataset import Dataset, connection_row, person_row, request_row
from backend.seed.generate import AS_OF, Network, Profession, read_professions
from backend.seed.loader import Loader, LoadSummary

SEED = 20_260_101
GENERATED = 1_990
AVG_DEGREE = 10
COACH_CONNECTIONS = 1_750
PREFIX = "demo-p"

# id, name, headline, location, profession, skills
SHOWCASE = (
    (
        "demo-coach",
        "Maya Okafor",
        "Career Coach · helped 1,700+ people into their next role",
        "London, United Kingdom",
        "Career Coach",
        ["Career Development", "Interview Preparation", "Networking"],
    ),
    (
        "demo-ana",
        "Ana Costa",
        "Senior Software Engineer at Northwind Labs",
        "Berlin, Germany",
        "Software Engineer",
        ["Python", "Distributed Systems", "Kubernetes"],
    ),
    (
        "demo-ben",
        "Ben Adeyemi",
        "Founder at Brightline AI · hiring engineers",
        "Berlin, Germany",
        "Founder",
        ["Fundraising", "Go-to-Market", "Hiring"],
    ),
    (
        "demo-chloe",
        "Chloe Laurent",
        "Product Designer · design systems",
        "Paris, France",
        "Product Designer",
        ["Figma", "Design Systems", "Accessibility"],
    ),
    (
        "demo-dev",
        "Dev Patel",
        "Partner at Summit Ventures",
        "London, United Kingdom",
        "Venture Capitalist",
        ["Due Diligence", "Portfolio Management", "Fundraising"],
    ),
    (
        "demo-emma",
        "Emma Lindqvist",
        "Technical Recruiter at Juniper Talent",
        "Stockholm, Sweden",
        "Recruiter",
        ["Technical Recruiting", "Sourcing", "Interviewing"],
    ),
    (
        "demo-farid",
        "Farid Haddad",
        "Startup lawyer · venture financing",
        "Berlin, Germany",
        "Corporate Lawyer",
        ["Venture Financing", "Contract Law", "M&A"],
    ),
    (
        "demo-grace",
        "Grace Kim",
        "Data Scientist at Lumen Health",
        "San Francisco Bay Area, United States",
        "Data Scientist",
        ["Machine Learning", "Statistics", "Python"],
    ),
    (
        "demo-hugo",
        "Hugo Moreau",
        "Product Manager at Meridian Cloud",
        "Paris, France",
        "Product Manager",
        ["Product Strategy", "User Research", "Roadmapping"],
    ),
    (
        "demo-ines",
        "Ines Pereira",
        "Accountant for early-stage startups",
        "Lisbon, Portugal",
        "Accountant",
        ["Accounting", "Tax", "IFRS"],
    ),
)
SHOWCASE_CONNECTIONS = (
    ("demo-ana", "demo-ben"),
    ("demo-ana", "demo-chloe"),
    ("demo-ana", "demo-coach"),
    ("demo-ben", "demo-dev"),
    ("demo-ben", "demo-farid"),
    ("demo-ben", "demo-coach"),
    ("demo-ben", "demo-ines"),
    ("demo-chloe", "demo-hugo"),
    ("demo-chloe", "demo-coach"),
    ("demo-dev", "demo-emma"),
    ("demo-emma", "demo-coach"),
    ("demo-farid", "demo-coach"),
    ("demo-grace", "demo-coach"),
    ("demo-hugo", "demo-dev"),
    ("demo-ines", "demo-farid"),
)
# sender, recipient, note, state
SHOWCASE_REQUESTS = (
    (
        "demo-hugo",
        "demo-ana",
        "Hi Ana, Chloe says you are the person to ask about Kubernetes.",
        "pending",
    ),
    ("demo-grace", "demo-ana", "", "pending"),
    ("demo-ana", "demo-dev", "Hi Dev, Ben mentioned you invest in developer tools.", "pending"),
    ("demo-emma", "demo-ben", "Hi Ben, I hear Brightline is hiring engineers.", "pending"),
    ("demo-ines", "demo-chloe", "", "ignored"),
)


@dataclass
class DemoContext:
    db: Database
    loader: Loader
    professions: list[Profession]
    echo: Callable[[str], None]
    summaries: list[LoadSummary] = field(default_factory=list)

    def load(self, what: str, dataset: Dataset) -> LoadSummary:
        summary = self.loader.load(dataset)
        self.summaries.append(summary)
        self.echo(f"demo {what}: {summary.line()}")
        return summary


def generated_network(ctx: DemoContext) -> None:
    network = Network(
        GENERATED,
        AVG_DEGREE,
        SEED,
        ctx.professions,
        id_prefix=PREFIX,
        named=demo_careers.NAMED,
    )
    ctx.load("network", network.dataset())


def showcase(ctx: DemoContext) -> None:
    rng = np.random.default_rng(SEED)
    people = [
        person_row(
            pid,
            {
                "name": name,
                "headline": headline,
                "location": location,
                "profession": profession,
                "skills": skills,
                "industry": _industry(ctx.professions, profession),
                "summary": f"{headline}. Happy to help people in my network.",
                "connections_visibility": "connections",
                "intro_opt_out": False,
            },
            created_at=f"2016-0{1 + k % 9}-1{k % 10}T09:00:00Z",
        )
        for k, (pid, name, headline, location, profession, skills) in enumerate(SHOWCASE)
    ]
    coachees = np.sort(rng.choice(GENERATED, size=COACH_CONNECTIONS, replace=False)).tolist()
    connections = [
        connection_row(a, b, f"2019-0{1 + k % 9}-15T12:00:00Z")
        for k, (a, b) in enumerate(SHOWCASE_CONNECTIONS)
    ]
    connections += [
        connection_row(
            "demo-coach", f"{PREFIX}{i}", f"20{17 + k % 8}-{1 + k % 12:02d}-0{1 + k % 9}T10:00:00Z"
        )
        for k, i in enumerate(coachees)
    ]
    for k, (pid, *_rest) in enumerate(SHOWCASE[1:]):
        # Each showcase person also knows 20 generated people, so their 2nd degree is rich.
        for i in rng.choice(GENERATED, size=20, replace=False).tolist():
            connections.append(
                connection_row(pid, f"{PREFIX}{i}", f"2021-{1 + k:02d}-1{i % 10}T10:00:00Z")
            )
    requests = [
        request_row(s, r, f"{AS_OF.replace(day=1 + k)}T09:30:00Z", note, state)
        for k, (s, r, note, state) in enumerate(SHOWCASE_REQUESTS)
    ]
    ctx.load(
        "showcase",
        Dataset(
            people=lambda: people,
            connections=lambda: connections,
            requests=lambda: requests,
            totals={
                "people": len(people),
                "connections": len(connections),
                "requests": len(requests),
            },
        ),
    )


def _industry(professions: list[Profession], name: str) -> str | None:
    return next((p.industry for p in professions if p.name == name), None)


def introductions(ctx: DemoContext) -> None:
    """Introductions in several states among the showcase people, made once: they go through
    the introduction rules, which would add new ones on a second run."""
    showcase_ids = [pid for pid, *_ in SHOWCASE]
    if ctx.db.read("intros.count_among", 1, person_ids=showcase_ids)[0]["introductions"]:
        ctx.echo("demo introductions: already there")
        return
    made = seed_demo_intros(showcase_ids)
    ctx.echo("demo introductions: " + ", ".join(f"{n} {state}" for state, n in made.items()))


def recommendations(ctx: DemoContext) -> None:
    made = seed_demo_recommendations(ctx.db)
    ctx.echo(
        f"demo recommendations: {made['recommendations']}, endorsements: {made['endorsements']}"
    )


def careers(ctx: DemoContext) -> None:
    """Where the showcase people work and studied (backend/seed/demo_careers.py)."""
    ctx.load("careers", demo_careers.dataset())


def targets(ctx: DemoContext) -> None:
    """The coach's clients' target boards, shared with her (made once, like introductions)."""
    made = demo_careers.add_targets()
    ctx.echo(
        "demo targets: "
        + (", ".join(f"{seeker} {n}" for seeker, n in made.items()) or "already there")
        + f" (boards shared with {demo_careers.COACH})"
    )


# The extension point: steps run in order; append yours.
STEPS: list[Callable[[DemoContext], None]] = [
    generated_network,
    showcase,
    introductions,
    recommendations,
    careers,
    targets,
]


def run(db: Database, loader: Loader, echo: Callable[[str], None] = print) -> DemoContext:
    ctx = DemoContext(db=db, loader=loader, professions=read_professions(db), echo=echo)
    for step in STEPS:
        step(ctx)
    echo("demo people to try (tokens: POST /v1/admin/people/{id}/tokens):")
    for pid, name, headline, *_ in SHOWCASE:
        echo(f"  {pid:<11} {name} - {headline}")
    return ctx

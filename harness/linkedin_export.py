"""Realistic LinkedIn data exports, made up: what the tests and the benchmarks import (no real
person's data is in the repository).

Every quirk the real files have over the years is a parameter: the preamble of
``Connections.csv`` (``Notes:``, a quoted sentence about email visibility and a blank line;
the short form without ``Notes:``; none), a UTF-8 byte-order mark, CRLF line ends, fields
quoted for commas and line breaks, non-ASCII names, the old layout without ``URL``, rows of
bare commas at the end, dates as LinkedIn writes them (``15 Mar 2024``, ``Mar 2019``).

    contacts = fake_contacts(30_000, seed=7)
    data = connections_csv(contacts, preamble="notes", bom=True)
    archive = export_zip({"Connections.csv": data, "Profile.csv": profile_csv(...)})
"""

from __future__ import annotations

import csv
import io
import random
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta

from backend.imports.linkedin import CONNECTIONS, EDUCATION, POSITIONS, PROFILE

NOTE = (
    "When exporting your connection data, you may notice that some of the email addresses "
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    "https://www.linkedin.com/help/linkedin/answer/261"
)
# The preambles seen over the years: three lines, two lines, none.
PREAMBLES = {"notes": ["Notes:", NOTE, ""], "short": [NOTE, ""], "none": []}
OLD_CONNECTION_COLUMNS = [c for c in CONNECTIONS.columns if c != "URL"]

FIRST_NAMES = (
    "Ana Ben Chloé Dev Emma Farid Grace Hugo Inès José Zoë Łukasz Søren Ørjan Mei 李 Ngozi "
    "Siobhán Björn Ayşe Dmitri Aarav Yuki Chiara Mateo Fatima Noah Olga Raúl Tomás Kenji"
).split()
LAST_NAMES = (
    "Costa Okafor Müller O'Brien Nguyễn García Kowalski Åberg Dubois Rossi Smith Tanaka "
    "Novák Öztürk Fernández Ivanova Chen 王 Abebe Kaur Johansson Mbeki Silva Schmidt"
).split()
COMPANIES = (
    "Acme, Inc.",
    "Northwind Labs",
    "Globex GmbH",
    "Initech",
    "Umbrella Corp.",
    'Hooli "Moonshots"',
    "Société Générale",
    "Stark Industries, LLC",
    "Wayne Enterprises",
    "Freelance",
)
TITLES = (
    "Software Engineer",
    "Product Manager",
    "Recruiter",
    "Founder & CEO",
    "Data Scientist",
    "Head of Sales, EMEA",
    "Designer\nIllustrator",
    "Ingénieure logiciel",
)
SCHOOLS = ("TU Berlin", "Universidade de Lisboa", "École Polytechnique", "MIT")
_MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass(frozen=True)
class FakeContact:
    first_name: str
    last_name: str
    url: str | None
    email: str | None
    company: str | None
    position: str | None
    connected_on: date

    @property
    def slug(self) -> str | None:
        return self.url.rstrip("/").rsplit("/", 1)[-1] if self.url else None


def profile_url(slug: str) -> str:
    return f"https://www.linkedin.com/in/{slug}"


def fake_contacts(count: int, seed: int, *, slug_prefix: str = "") -> list[FakeContact]:
    """``count`` contacts with unique profile slugs (``<slug_prefix>ana-costa-<n>``), an
    email for about one in ten (most people hide theirs), dates over ten years."""
    rng = random.Random(seed)
    contacts = []
    for n in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        slug = f"{slug_prefix}{_ascii(first)}-{_ascii(last)}-{n:x}"
        contacts.append(
            FakeContact(
                first_name=first,
                last_name=last,
                url=profile_url(slug),
                email=f"{slug}@example.com" if rng.random() < 0.1 else None,
                company=rng.choice(COMPANIES) if rng.random() < 0.9 else None,
                position=rng.choice(TITLES) if rng.random() < 0.9 else None,
                connected_on=date(2015, 1, 1) + timedelta(days=rng.randrange(3650)),
            )
        )
    return contacts


def _ascii(name: str) -> str:
    text = "".join(c for c in name.lower() if c.isascii() and c.isalnum())
    return text or "x"


def day(value: date) -> str:
    """As Connections.csv writes it: ``15 Mar 2024``."""
    return f"{value.day:02d} {_MONTH_NAMES[value.month - 1]} {value.year}"


def month(value: date | None) -> str:
    """As Positions.csv writes it: ``Mar 2019``."""
    return f"{_MONTH_NAMES[value.month - 1]} {value.year}" if value else ""


def connections_csv(
    contacts: list[FakeContact],
    *,
    preamble: str = "notes",
    layout: str = "current",
    bom: bool = False,
    crlf: bool = True,
    trailing_empty: int = 0,
) -> bytes:
    """A Connections.csv: ``layout`` "current" (with URL) or "old" (without)."""
    columns = CONNECTIONS.columns if layout == "current" else OLD_CONNECTION_COLUMNS
    rows = [
        {
            "First Name": c.first_name,
            "Last Name": c.last_name,
            "URL": c.url or "",
            "Email Address": c.email or "",
            "Company": c.company or "",
            "Position": c.position or "",
            "Connected On": day(c.connected_on),
        }
        for c in contacts
    ]
    return _csv(columns, rows, PREAMBLES[preamble], bom, crlf, trailing_empty)


def positions_csv(positions: list[dict], **quirks) -> bytes:
    """Rows of ``{company, title, description, location, start, end}`` (dates or None)."""
    rows = [
        {
            "Company Name": p["company"],
            "Title": p["title"],
            "Description": p.get("description") or "",
            "Location": p.get("location") or "",
            "Started On": month(p["start"]),
            "Finished On": month(p.get("end")),
        }
        for p in positions
    ]
    return _csv(POSITIONS.columns, rows, [], **_file_quirks(quirks))


def education_csv(entries: list[dict], **quirks) -> bytes:
    """Rows of ``{school, degree, start, end}`` (years as numbers, or None)."""
    rows = [
        {
            "School Name": e["school"],
            "Start Date": str(e.get("start") or ""),
            "End Date": str(e.get("end") or ""),
            "Notes": "",
            "Degree Name": e.get("degree") or "",
            "Activities": "",
        }
        for e in entries
    ]
    return _csv(EDUCATION.columns, rows, [], **_file_quirks(quirks))


def profile_csv(profile: dict, **quirks) -> bytes:
    """One row: ``{first_name, last_name, headline, summary, industry, location}``."""
    row = {
        "First Name": profile.get("first_name", ""),
        "Last Name": profile.get("last_name", ""),
        "Headline": profile.get("headline", ""),
        "Summary": profile.get("summary", ""),
        "Industry": profile.get("industry", ""),
        "Geo Location": profile.get("location", ""),
        "Websites": profile.get("websites", ""),
    }
    return _csv(PROFILE.columns, [row], [], **_file_quirks(quirks))


def _file_quirks(quirks: dict) -> dict:
    return {
        "bom": quirks.get("bom", False),
        "crlf": quirks.get("crlf", True),
        "trailing_empty": quirks.get("trailing_empty", 0),
    }


def _csv(columns, rows, preamble, bom, crlf, trailing_empty) -> bytes:
    out = io.StringIO(newline="")
    end = "\r\n" if crlf else "\n"
    for line in preamble:
        out.write((f'"{line}"' if " " in line else line) + end)
    writer = csv.DictWriter(out, columns, lineterminator=end, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    out.write(("," * (len(columns) - 1) + end) * trailing_empty)
    return ("\ufeff" if bom else "").encode() + out.getvalue().encode()


def export_zip(files: dict[str, bytes], *, folder: str = "") -> bytes:
    """A zip of ``{name: content}`` as LinkedIn delivers it (``folder``: inside a folder)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(f"{folder}{name}", content)
    return buffer.getvalue()

"""Benchmark: importing LinkedIn exports into the generated 100k network, end to end.

    .venv/bin/mutuals seed generate --people 100000 --avg-degree 40 --seed 7 --bulk
    flock /work/team/bench.lock .venv/bin/python -m bench linkedin
    .venv/bin/python -m bench linkedin --baseline /tmp/before  # git archive <commit> | tar -x -C /tmp/before

1. **The API** (target: 2 s): a new member, ``lb-importer``, with a LinkedIn URL, posts a
   generated Connections.csv of ``--rows`` rows (every quirk: preamble, BOM, CRLF, quoted
   commas and line breaks, non-ASCII names, bare-comma rows at the end) to ``POST
   /v1/me/imports`` under gunicorn; measured from the request to the report. ``--matched``
   rows name generated people who have a LinkedIn profile; ``--mutual`` of those had imported
   the importer before (their contact was waiting, so they are connected now); the rest of
   the rows name nobody here. Then the same file again (adds nothing). Then, beside them, the
   floor of this data model: the same file's 30,000 contacts created by
   ``imports.create_contacts`` alone over raw Bolt, in the import's transactions.
2. **The CLI** (target: 60 s): a group of ``--members`` members (``lb-m0`` ...), one export
   each of ``--member-rows`` rows (``GROUP_LINKS`` rows naming other members, most listings
   mutual; 10 naming generated people; the rest nobody), with members.csv giving their URLs,
   loaded by ``mutuals seed import DIR --format linkedin`` in a subprocess.

Each figure is one run (the import writes: a second run is the re-import, measured too). The
load average before and after goes with the figures (bench/RESULTS.md). Every run starts by
deleting what the previous one made (ids ``lb-``, the profiles given to generated people), in
batches. ``--baseline DIR`` runs each step on another checkout too (``git archive`` of an older
commit into DIR): the baseline first, then this checkout, each from the same reset state, in
one run (the ratio is the figure that counts).
"""

from __future__ import annotations

import os
import random
import shlex
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import click
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend import create_app  # noqa: E402
from backend.db import Database, run  # noqa: E402
from backend.imports import linkedin, service  # noqa: E402
from backend.tokens import new_token  # noqa: E402
from bench.intros import gunicorn, machine, neo4j_setup  # noqa: E402
from bench.support.ready import ready_neo4j  # noqa: E402
from harness.linkedin_export import (  # noqa: E402
    FakeContact,
    connections_csv,
    fake_contacts,
    profile_csv,
    profile_url,
)
from harness.queries import bench_registry  # noqa: E402

PREFIX = "lb-"
IMPORTER = f"{PREFIX}importer"
WARMUP = f"{PREFIX}warmup"
GROUP_LINKS = 20  # rows of a member's export naming other members
GROUP_MUTUAL = 0.8  # of those listings, the share the other member lists back
GROUP_KNOWN = 10  # rows naming generated people with a profile


def load_average() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def named(slug: str, seed: int) -> FakeContact:
    """A row naming the person whose LinkedIn profile is ``slug``."""
    rng = random.Random(seed)
    return FakeContact(
        "Gen",
        f"Erated {seed}",
        profile_url(slug),
        None,
        "Acme, Inc.",
        "Engineer",
        date(2015, 1, 1) + timedelta(days=rng.randrange(3650)),
    )


def give_profiles(db: Database, ids: list[str]) -> None:
    rows = [{"id": i, "key": f"in/{i}-bench", "url": profile_url(f"{i}-bench")} for i in ids]
    db.write("imports.bench_set_profiles", 1, rows=rows)


def reset(db: Database) -> None:
    """Delete what a previous run made, in batches (an auto-commit query)."""
    with db.session() as session:
        run(session, db.query("imports.bench_reset", 2), prefix=PREFIX)


def api_import(
    db: Database, settings, rows: int, matched: int, mutual: int, root: Path = ROOT
) -> list[str]:
    """The 30,000-row import through the API of the code in ``root``; the report lines."""
    people = [f"g{n}" for n in range(0, matched * 20, 20)]  # spread over the degrees
    give_profiles(db, people)
    db.write(
        "imports.bench_listed_by",
        1,
        owner_ids=people[:mutual],
        url_key=f"in/{IMPORTER}",
        url=profile_url(IMPORTER),
    )
    tokens = {who: _member(db, who) for who in (IMPORTER, WARMUP)}
    contacts = [named(f"{p}-bench", n) for n, p in enumerate(people)]
    contacts += fake_contacts(rows - matched, seed=7, slug_prefix="nobody-")
    random.Random(7).shuffle(contacts)
    data = connections_csv(contacts, preamble="notes", bom=True, crlf=True, trailing_empty=3)
    lines = [f"Connections.csv: {rows:,} rows, {len(data) / 2**20:.1f} MB"]
    headers = {"Authorization": f"Bearer {tokens[IMPORTER]}"}
    with gunicorn(settings, workers=2, threads=4, root=root) as base:
        # A warm-up: another member's small import plans every statement first.
        for who in (WARMUP, IMPORTER):
            _until_answered(
                "PUT",
                f"{base}/v1/me/identity",
                tokens[who],
                json={"linkedin_url": profile_url(who), "emails": []},
            )
        warmup = [named(f"{p}-bench", n) for n, p in enumerate(people[-50:])]
        warmup += fake_contacts(50, seed=1, slug_prefix="warmup-")
        _until_answered(
            "POST",
            f"{base}/v1/me/imports",
            tokens[WARMUP],
            files={"file": ("Connections.csv", connections_csv(warmup))},
        )
        took = {}
        for attempt in ("first import", "the same file again"):
            load_before = load_average()
            began = time.perf_counter()
            answer = requests.post(
                f"{base}/v1/me/imports",
                files={"file": ("Connections.csv", data)},
                headers=headers,
                timeout=600,
            )
            seconds = time.perf_counter() - began
            took[attempt] = seconds
            if not answer.ok:
                raise click.ClickException(
                    f"{answer.status_code} after {seconds:.1f} s: {answer.text}"
                )
            report = answer.json()
            lines.append(
                f"API{_side(root)}, {attempt}: {seconds:.2f} s end to end (load {load_before} -> "
                f"{load_average()}); {report['summary']} rows read {report['rows_read']:,}, "
                f"matched {report['matched_members']:,}, unmatched {report['unmatched']:,}"
            )
            click.echo(lines[-1])
    if root == ROOT:
        lines.append(create_floor(db, data, took["first import"]))
        click.echo(lines[-1])
    return lines


def create_floor(db: Database, data: bytes, api_seconds: float) -> str:
    """The same file's contacts created by ``imports.create_contacts`` alone over raw Bolt, in
    the import's transactions of ``BATCH`` (for a person of their own, matching nobody): what
    the import costs at least in this data model, beside what it costs end to end."""
    owner = f"{PREFIX}floor"
    _member(db, owner)
    app = create_app()  # the rows' keys hash addresses with the app's secret
    try:
        with app.app_context():
            export = linkedin.read_files([("Connections.csv", data)])
            rows, _ = service.contact_rows(owner, export.connections)
    finally:
        app.extensions["mutuals"].close()
    rows = [{**row, "id": uuid.uuid4().hex, "member_id": None} for row in rows]
    query, at = db.query("imports.create_contacts", 2), datetime.now(UTC)
    began = time.perf_counter()
    for start in range(0, len(rows), service.BATCH):
        batch = rows[start : start + service.BATCH]
        db.write_tx(lambda tx, batch=batch: run(tx, query, person_id=owner, rows=batch, now=at))
    seconds = time.perf_counter() - began
    return (
        f"raw Bolt, imports.create_contacts alone ({len(rows):,} contacts, "
        f"{service.BATCH:,} a transaction): {seconds:.2f} s; the API's first import "
        f"{api_seconds:.2f} s = {api_seconds / seconds:.2f}x that"
    )


def _member(db: Database, person_id: str) -> str:
    """A new person with a token; the token."""
    token, token_hash = new_token()
    row = {"id": person_id, "props": {"name": person_id}, "on_create": {}, "created_at": None}
    db.write("seed.merge_people", 1, rows=[row])
    db.write(
        "auth.create_token", 1, person_id=person_id, token_hash=token_hash, now=datetime.now(UTC)
    )
    return token


def _until_answered(method: str, url: str, token: str, **kwargs) -> None:
    """A setup call, sent again while the loaded server answers 503 (Retry-After)."""
    for _ in range(10):
        answer = requests.request(
            method, url, headers={"Authorization": f"Bearer {token}"}, timeout=600, **kwargs
        )
        if answer.status_code != 503:
            answer.raise_for_status()
            return
        click.echo(f"setup {method} {url}: 503 {answer.text[:200]}", err=True)
        time.sleep(float(answer.headers.get("Retry-After", 1)))
    answer.raise_for_status()


def write_group(folder: Path, members: int, member_rows: int, generated: list[str]) -> None:
    """One export folder per member, and members.csv."""
    rng = random.Random(11)
    ids = [f"{PREFIX}m{n}" for n in range(members)]
    listings: dict[str, set[str]] = {i: set() for i in ids}
    for me in ids:
        others = [i for i in ids if i != me]
        for other in rng.sample(others, min(len(others), GROUP_LINKS // 2)):
            listings[me].add(other)
            if rng.random() < GROUP_MUTUAL:
                listings[other].add(me)
    (folder / "members.csv").write_text(
        "id,linkedin_url,emails\n" + "".join(f"{i},{profile_url(i)},\n" for i in ids)
    )
    for n, me in enumerate(ids):
        export = folder / me
        export.mkdir()
        (export / "Profile.csv").write_bytes(
            profile_csv({"first_name": "Member", "last_name": str(n), "headline": "Coachee"})
        )
        rows = [named(other, n * 1000 + k) for k, other in enumerate(sorted(listings[me]))]
        rows += [
            named(f"{g}-bench", n + k) for k, g in enumerate(rng.sample(generated, GROUP_KNOWN))
        ]
        rows += fake_contacts(member_rows - len(rows), seed=n, slug_prefix=f"m{n}-")
        (export / "Connections.csv").write_bytes(connections_csv(rows, bom=n % 2 == 0))


def _side(root: Path) -> str:
    return "" if root == ROOT else f" (baseline {root})"


def cli_import(db: Database, members: int, member_rows: int, root: Path = ROOT) -> str:
    """The group through the CLI of the code in ``root``, once (its idempotence is
    tests/test_linkedin_group.py's)."""
    generated = [f"g{n}" for n in range(1, 40_000, 40)]
    give_profiles(db, generated)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_group(folder, members, member_rows, generated)
        command = [
            str(ROOT / ".venv" / "bin" / "mutuals"),
            *("seed", "import", str(folder), "--format", "linkedin", "--no-progress"),
        ]
        load_before = load_average()
        began = time.perf_counter()
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            check=False,
            cwd=root,
            env=dict(os.environ, PYTHONPATH=str(root)),
        )
        seconds = time.perf_counter() - began
    if done.returncode:
        raise click.ClickException(done.stderr[-2000:])
    line = (
        f"CLI{_side(root)}: {seconds:.1f} s end to end (load {load_before} -> {load_average()}); "
        + done.stdout.strip().splitlines()[-1]
    )
    click.echo(line)
    return line


@click.command()
@click.option("--rows", default=30_000, show_default=True)
@click.option("--matched", default=3_000, show_default=True)
@click.option("--mutual", default=300, show_default=True)
@click.option("--members", default=200, show_default=True)
@click.option("--member-rows", default=1_000, show_default=True)
@click.option("--only", type=click.Choice(["api", "cli"]), default=None)
@click.option(
    "--baseline",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="another checkout (git archive of an older commit): each step runs on it first, "
    "then on this one, from the same reset state",
)
def main(rows, matched, mutual, members, member_rows, only, baseline):
    settings = ready_neo4j()
    db = Database(settings)
    db.queries = bench_registry()
    try:
        people = db.read("intros.bench_graph_size", 1)[0]["people"]
        if people < 1000:
            raise click.ClickException(
                "generate the network first: mutuals seed generate --people 100000 "
                "--avg-degree 40 --seed 7 --bulk"
            )
        click.echo(f"{machine()}; {neo4j_setup(db)}; {people:,} people; load {load_average()}")
        click.echo("command: " + shlex.join(["python", "-m", "bench", "linkedin", *sys.argv[1:]]))
        roots = [baseline, ROOT] if baseline else [ROOT]
        if only in (None, "api"):
            for root in roots:
                reset(db)
                api_import(db, settings, rows, matched, mutual, root)
        if only in (None, "cli"):
            for root in roots:
                reset(db)
                cli_import(db, members, member_rows, root)
    finally:
        db.close()


if __name__ == "__main__":
    main()

"""``mutuals seed generate|import ... --bulk``: an empty local database loaded at disk speed.

Neo4j's offline importer (``neo4j-admin database import full``, ``org.neo4j.cli.AdminTool`` in
the server jars) writes the store files directly, an order of magnitude faster than MERGE in
transactions, but only with the server stopped and only into an empty database. So:

1. refuse unless the graph is the local server's (``NEO4J_URI`` unset) and holds nothing
   besides reference data and migration records;
2. write the importer's CSV files (``backend/seed/bulk_files.py``: every derived property);
3. stop Neo4j, import (replacing the empty database), start Neo4j;
4. apply the migrations (constraints, indexes, reference data), give organizations the empty
   aliases list the importer cannot write, and wait until every index is online, so the API serves the graph it would have after the online import.

A failed import leaves an empty, migrated database, as it found it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections import Counter, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from tqdm import tqdm

from backend import migrations
from backend.config import Settings
from backend.db import Database
from backend.local_neo4j import ADMIN_TOOL, LocalNeo4j
from backend.seed.bulk_files import ImportFiles, write_import_files
from backend.seed.dataset import Dataset
from backend.seed.loader import CAREERS

_STAGE = re.compile(r"^\((\d)/(\d)\) (.+?) \d{4}-")
_PERCENT = re.compile(r"\s(\d{1,3})% ")
DEFAULT_DATABASE = "neo4j"


class BulkError(RuntimeError):
    """Why the bulk load refused or failed, in one line (nothing was written)."""


@dataclass
class BulkSummary:
    counts: Counter
    skipped: Counter
    seconds: dict[str, float] = field(default_factory=dict)  # phase -> seconds

    @property
    def total(self) -> float:
        return sum(self.seconds.values())

    def line(self) -> str:
        skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{n:,} {why}" for why, n in sorted(self.skipped.items()))
        phases = ", ".join(f"{phase} {s:.1f} s" for phase, s in self.seconds.items())
        rate = self.counts["connections"] / self.total if self.total else 0.0
        careers = "".join(
            f"{phase} {self.counts[phase]:,}, "
            for phase in CAREERS
            if any(self.counts[p] for p in CAREERS)
        )
        return (
            f"people {self.counts['people']:,}, connections {self.counts['connections']:,}, "
            f"requests {self.counts['requests']:,}, {careers}"
            f"skipped {skipped:,}{f' ({reasons})' if reasons else ''}; "
            f"{phases}; {rate:,.0f} connections/s end to end, {self.total:.1f} s"
        )


def local_server(settings: Settings) -> LocalNeo4j:
    if not settings.uses_local_neo4j:
        raise BulkError(
            f"--bulk rewrites the local Neo4j's files offline, but NEO4J_URI points at "
            f"{settings.neo4j_uri}: use the online import there (drop --bulk)"
        )
    return LocalNeo4j(settings.local)


def prepare_empty(db: Database, local: LocalNeo4j, echo=print) -> None:
    """Start the local server (if needed), migrate it, and refuse when it holds data."""
    local.start(echo=echo)
    if db.settings.neo4j_password is None:  # a first start has just generated it
        db.close()
        db.settings = replace(db.settings, neo4j_password=local.settings.password())
    with db.session() as session:
        migrations.migrate(session)
    if db.read("seed.has_data", 1)[0]["found"]:
        raise BulkError(
            "the graph is not empty: --bulk only loads an empty database (the offline "
            "importer replaces it); drop --bulk to add to it with the online import"
        )


def load(
    db: Database,
    local: LocalNeo4j,
    dataset: Dataset,
    progress: bool | None = None,
    seconds_before: dict[str, float] | None = None,
    echo=print,
) -> BulkSummary:
    """Load ``dataset`` into the empty local database (see :func:`prepare_empty`).
    ``seconds_before``: phases already spent (e.g. generating), for the end-to-end rate."""
    folder = local.home / "import" / "bulk"
    shutil.rmtree(folder, ignore_errors=True)
    seconds = dict(seconds_before or {})
    database = db.settings.neo4j_database or DEFAULT_DATABASE
    try:
        began = time.perf_counter()
        db.close()  # its connections die with the server; a new driver connects after
        # Neo4j takes seconds to shut down (a checkpoint): meanwhile the files are written.
        with ThreadPoolExecutor(max_workers=1) as pool:
            stopping = pool.submit(local.stop, echo=echo)
            try:
                files = write_import_files(dataset, folder, progress)
            finally:
                stopping.result()
            seconds["files"] = time.perf_counter() - began
        began = time.perf_counter()
        try:
            _run_importer(local, files, database, progress)
        except BaseException:
            _restore_empty(db, local, database, echo)
            raise
        seconds["import"] = time.perf_counter() - began

        began = time.perf_counter()
        local.start(echo=echo)
        seconds["start"] = time.perf_counter() - began

        began = time.perf_counter()
        with db.session() as session:
            migrations.migrate(session)
        db.write("seed.bulk_empty_aliases", 1)
        _await_indexes(db, progress)
        seconds["indexes"] = time.perf_counter() - began
    except BaseException:
        if not local.pid():  # e.g. the files could not be written: serve the empty graph
            local.start(echo=echo)
        raise
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return BulkSummary(files.counts, files.skipped, seconds)


def _run_importer(local: LocalNeo4j, files: ImportFiles, database: str, progress) -> None:
    java = local.java()
    local.write_config()
    command = [
        java,
        f"-Xmx{local.settings.heap}",
        "-cp",
        str(local.lib / "*"),
        ADMIN_TOOL,
        "database",
        "import",
        "full",
        database,  # before the file lists, which take every argument that follows
        "--overwrite-destination=true",
        f"--report-file={files.people.parent / 'import.report'}",
        *files.arguments(),
    ]
    env = dict(os.environ, NEO4J_HOME=str(local.home), NEO4J_CONF=str(local.conf_dir))
    tail: deque[str] = deque(maxlen=30)
    with (
        tqdm(
            total=400,
            desc="import     ",
            unit="%",
            bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed} {postfix}",
            disable=None if progress is None else not progress,
        ) as bar,
        subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            cwd=local.home,
        ) as process,
    ):
        stage = 0
        for line in process.stdout:
            tail.append(line.rstrip())
            if match := _STAGE.match(line):
                stage = int(match[1]) - 1
                bar.set_postfix_str(match[3])
            elif match := _PERCENT.search(line):
                bar.update(stage * 100 + int(match[1]) - bar.n)
        code = process.wait()
    if code != 0:
        raise BulkError(
            f"neo4j-admin database import failed (exit {code}); the database is empty "
            "again. Its last lines:\n" + "\n".join(tail)
        )


def _restore_empty(db: Database, local: LocalNeo4j, database: str, echo) -> None:
    """A failed import leaves unusable store files: remove them; Neo4j starts the default
    database empty, and the migrations give it its schema and reference data back."""
    for kind in ("databases", "transactions"):
        shutil.rmtree(local.data_dir / kind / database, ignore_errors=True)
    local.start(echo=echo)
    with db.session() as session:
        migrations.migrate(session)


def _await_indexes(db: Database, progress, poll: float = 0.5) -> None:
    with tqdm(
        total=100,
        desc="indexes    ",
        unit="%",
        bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed}",
        disable=None if progress is None else not progress,
    ) as bar:
        while True:
            indexes = db.read("seed.index_population", 1)
            failed = [i["name"] for i in indexes if i["state"] == "FAILED"]
            if failed:
                raise BulkError(f"index population failed: {', '.join(failed)}")
            done = sum(i["percent"] for i in indexes) / max(len(indexes), 1)
            bar.update(done - bar.n)
            if all(i["state"] == "ONLINE" for i in indexes):
                return
            time.sleep(poll)

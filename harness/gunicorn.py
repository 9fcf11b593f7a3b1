"""The API under gunicorn in a subprocess, with its master and worker pids at hand."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from backend.config import PROJECT_ROOT

# The command line of the Dockerfile, compose and `make run`: `gunicorn -c gunicorn.conf.py app:app`.
GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def free_port() -> int:
    """A port nothing listens on now, for a server the tests or the benchmarks start."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """``with Gunicorn(port, NEO4J_URI=..., ...) as server:`` serves ``server.base`` until the
    block ends, started as production starts it; the variables of ``environ`` (default: this
    process's environment) plus the ones given."""

    def __init__(
        self,
        port: int,
        workers: int = 2,
        threads: int = 4,
        log: Path | None = None,
        environ: dict | None = None,
        **env,
    ):
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.env = dict(
            os.environ if environ is None else environ,
            MUTUALS_HOST="127.0.0.1",
            MUTUALS_PORT=str(port),
            MUTUALS_WORKERS=str(workers),
            MUTUALS_THREADS=str(threads),
            **env,
        )
        self.workers = workers
        self.log = log or Path(tempfile.mkstemp(prefix="mutuals-gunicorn-", suffix=".log")[1])
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Gunicorn:
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(
                [GUNICORN, "-c", "gunicorn.conf.py", "app:app"],
                cwd=PROJECT_ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            self.wait_until_serving(timeout=120)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def wait_until_serving(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if requests.get(self.base + "/healthz", timeout=2).ok and (
                    len(self.worker_pids()) == self.workers
                ):
                    return
            except requests.RequestException:  # not listening yet, or workers still booting
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start; see {self.log}:\n{self.tail()}")
            time.sleep(0.2)

    def worker_pids(self) -> set[int]:
        """The master's live children (gunicorn's workers)."""
        pids = set()
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:  # gone meanwhile
                continue
            if fields[1] == str(self.proc.pid) and fields[0] != "Z":
                pids.add(int(stat.parent.name))
        return pids

    def terminate(self) -> None:
        """SIGTERM to the master: a graceful stop."""
        self.proc.send_signal(signal.SIGTERM)

    def tail(self, lines: int = 30) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

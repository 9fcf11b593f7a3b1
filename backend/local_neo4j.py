"""The project's own Neo4j 5.26 Community server, assembled from Maven Central.

``pom.xml`` names the server artifacts; ``mvn dependency:copy-dependencies`` copies the jars
into ``<home>/lib`` and the server starts as the official launcher does
(``java ... -cp 'lib/*' org.neo4j.server.CommunityEntryPoint``). Everything lives under one
git-ignored folder: ``lib/ conf/ data/ logs/ run/`` and the generated ``password``.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from backend.config import PROJECT_ROOT, LocalNeo4jSettings

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
SUPPORTED_JAVA = (17, 21)
# What the 5.2x launcher passes on Java 17+, besides the heap.
JVM_OPTIONS = [
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
]


class LocalNeo4jError(RuntimeError):
    """Something the user must fix (install java, free a port, read the log)."""


def fetch_jars(pom: Path, lib: Path, what: str, marker: str) -> bool:
    """``mvn dependency:copy-dependencies`` of ``pom`` into ``lib``, once per pom content.
    Returns True when it copied."""
    stamp = lib / ".pom-checksum"
    wanted = hashlib.sha256(pom.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted and any(lib.glob(marker)):
        return False
    mvn = shutil.which("mvn")
    if not mvn:
        raise LocalNeo4jError(
            "mvn not found: install Maven (e.g. apt-get install maven)"
            + ("" if "shell" in what else " or set NEO4J_URI to an existing Neo4j")
        )
    if lib.exists():
        shutil.rmtree(lib)
    lib.mkdir(parents=True)
    proc = subprocess.run(
        [
            mvn,
            "-q",
            "-B",
            "-f",
            str(pom),
            "dependency:copy-dependencies",
            f"-DoutputDirectory={lib}",
        ],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise LocalNeo4jError(f"mvn could not fetch {what}:\n" + proc.stdout[-2000:])
    stamp.write_text(wanted)
    return True


def find_java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java or not Path(java).exists():
        raise LocalNeo4jError(
            "java not found: install JDK 17 or 21 (e.g. apt-get install "
            "openjdk-17-jdk-headless) or set NEO4J_URI to an existing Neo4j"
        )
    return java


class LocalNeo4j:
    def __init__(self, settings: LocalNeo4jSettings, pom: Path = PROJECT_ROOT / "pom.xml"):
        self.settings = settings
        self.home = settings.home
        self.pom = pom

    # -- paths ------------------------------------------------------------------------------
    lib = property(lambda self: self.home / "lib")
    conf_dir = property(lambda self: self.home / "conf")
    data_dir = property(lambda self: self.home / "data")
    logs_dir = property(lambda self: self.home / "logs")
    run_dir = property(lambda self: self.home / "run")
    pid_file = property(lambda self: self.run_dir / "neo4j.pid")
    console_log = property(lambda self: self.logs_dir / "console.log")

    # -- tools ------------------------------------------------------------------------------
    def java(self) -> str:
        return find_java()

    def java_major(self, java: str) -> int:
        out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
        match = re.search(r'version "(\d+)', out)
        return int(match[1]) if match else 0

    def ensure_jars(self) -> bool:
        """Copy the server jars from Maven Central (once). Returns True when it downloaded."""
        return fetch_jars(self.pom, self.lib, "the Neo4j server jars", marker="neo4j-server-*.jar")

    # -- configuration ----------------------------------------------------------------------
    def write_config(self) -> None:
        s = self.settings
        for folder in (
            self.conf_dir,
            self.data_dir,
            self.logs_dir,
            self.run_dir,
            self.home / "plugins",
            self.home / "import",
        ):
            folder.mkdir(parents=True, exist_ok=True)
        (self.conf_dir / "neo4j.conf").write_text(
            "\n".join(
                [
                    "# Written by `mutuals neo4j start`; edits are overwritten.",
                    "server.default_listen_address=127.0.0.1",
                    f"server.bolt.listen_address=127.0.0.1:{s.bolt_port}",
                    f"server.bolt.advertised_address=127.0.0.1:{s.bolt_port}",
                    f"server.http.listen_address=127.0.0.1:{s.http_port}",
                    f"server.http.advertised_address=127.0.0.1:{s.http_port}",
                    "server.https.enabled=false",
                    f"server.memory.heap.initial_size={s.heap}",
                    f"server.memory.heap.max_size={s.heap}",
                    f"server.memory.pagecache.size={s.pagecache}",
                    "dbms.security.auth_enabled=true",
                    "dbms.usage_report.enabled=false",
                    f"server.directories.data={self.data_dir}",
                    f"server.directories.logs={self.logs_dir}",
                    f"server.directories.run={self.run_dir}",
                    f"server.directories.plugins={self.home / 'plugins'}",
                    f"server.directories.import={self.home / 'import'}",
                    "",
                ]
            )
        )

    def ensure_password(self, java: str) -> str:
        """Generate the password before the first start (it only takes effect then)."""
        password = self.settings.password()
        if password and (self.data_dir / "dbms" / "auth.ini").exists():
            return password
        if any(self.data_dir.joinpath("databases").glob("*")):
            raise LocalNeo4jError(
                f"{self.data_dir} holds a database but no password: "
                "run `mutuals neo4j start --fresh` to wipe it"
            )
        # A leading '-' would read as an option of neo4j-admin.
        while not password or password.startswith("-"):
            password = secrets.token_urlsafe(24)
        env = dict(os.environ, NEO4J_HOME=str(self.home), NEO4J_CONF=str(self.conf_dir))
        proc = subprocess.run(
            [
                java,
                "-cp",
                str(self.lib / "*"),
                ADMIN_TOOL,
                "dbms",
                "set-initial-password",
                password,
            ],
            capture_output=True,
            text=True,
            env=env,
        )
        if proc.returncode != 0:
            raise LocalNeo4jError(
                "could not set the initial password:\n" + proc.stdout + proc.stderr
            )
        self.settings.password_file.write_text(password + "\n")
        self.settings.password_file.chmod(0o600)
        return password

    def ensure_admin_token(self) -> str:
        """The development admin token: generated once, kept beside the password (mode 600).
        Settings use it only for this local server and only when MUTUALS_ADMIN_TOKEN is unset."""
        token = self.settings.dev_admin_token()
        if token is None:
            self.home.mkdir(parents=True, exist_ok=True)
            token = "dev-" + secrets.token_urlsafe(24)
            self.settings.admin_token_file.write_text(token + "\n")
            self.settings.admin_token_file.chmod(0o600)
        return token

    # -- lifecycle --------------------------------------------------------------------------
    def pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        # An exited server whose parent is gone can linger as a zombie where nothing reaps it.
        stat = Path(f"/proc/{pid}/stat")
        if stat.exists() and stat.read_text().rsplit(")", 1)[-1].split()[0] == "Z":
            return None
        return pid

    def bolt_answers(self) -> bool:
        with socket.socket() as sock:
            sock.settimeout(0.5)
            return sock.connect_ex(("127.0.0.1", self.settings.bolt_port)) == 0

    def start(self, fresh: bool = False, timeout: float = 180.0, echo=print) -> str:
        if fresh:
            self.stop(echo=echo)
            for folder in (self.data_dir, self.logs_dir, self.run_dir):
                shutil.rmtree(folder, ignore_errors=True)
            self.settings.password_file.unlink(missing_ok=True)
        if self.pid():
            self.ensure_admin_token()
            self.wait_until_ready(timeout)
            return "already running"
        if self.bolt_answers():
            raise LocalNeo4jError(
                f"port {self.settings.bolt_port} is taken by another process: "
                "set MUTUALS_LOCAL_BOLT_PORT or NEO4J_URI"
            )
        java = self.java()
        major = self.java_major(java)
        if major not in SUPPORTED_JAVA:
            raise LocalNeo4jError(
                f"Neo4j 5.26 needs Java 17 or 21, {java} is {major}: set JAVA_HOME"
            )
        if self.ensure_jars():
            echo(f"fetched the Neo4j server jars into {self.lib}")
        self.write_config()
        self.ensure_password(java)
        self.ensure_admin_token()
        heap = self.settings.heap
        command = [
            java,
            f"-Xms{heap}",
            f"-Xmx{heap}",
            *JVM_OPTIONS,
            "-cp",
            str(self.lib / "*"),
            ENTRY_POINT,
            f"--home-dir={self.home}",
            f"--config-dir={self.conf_dir}",
        ]
        with open(self.console_log, "ab") as log:
            process = subprocess.Popen(
                command,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                cwd=self.home,
                start_new_session=True,
            )
        self.pid_file.write_text(str(process.pid))
        self.wait_until_ready(timeout, process)
        return "started"

    def wait_until_ready(self, timeout: float, process: subprocess.Popen | None = None) -> None:
        from neo4j import GraphDatabase
        from neo4j.exceptions import Neo4jError, ServiceUnavailable

        deadline = time.monotonic() + timeout
        auth = ("neo4j", self.settings.password() or "")
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                raise LocalNeo4jError(
                    f"Neo4j exited with code {process.returncode}; "
                    f"see {self.console_log}:\n{self.tail(20)}"
                )
            if self.bolt_answers():
                try:
                    with GraphDatabase.driver(self.settings.uri, auth=auth) as driver:
                        driver.verify_connectivity()
                        driver.execute_query("RETURN 1")
                    return
                except (ServiceUnavailable, Neo4jError, OSError):
                    pass
            time.sleep(0.5)
        raise LocalNeo4jError(
            f"Neo4j did not answer on {self.settings.uri} within {timeout:.0f}s; "
            f"see {self.console_log}"
        )

    def stop(self, timeout: float = 60.0, echo=print) -> str:
        pid = self.pid()
        ours = self.pid_file.exists()
        if not pid:
            self.pid_file.unlink(missing_ok=True)
            if ours:  # a server of ours just died: its last threads may still hold the port
                self.wait_until_port_free(timeout)
            return "not running"
        os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.pid():
            time.sleep(0.3)
        if self.pid():
            echo(f"Neo4j (pid {pid}) did not stop in {timeout:.0f}s; killing it")
            os.killpg(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        self.wait_until_port_free(timeout)
        return "stopped"

    def wait_until_port_free(self, timeout: float) -> None:
        """A JVM's main thread turns zombie before its other threads have exited and closed
        the sockets: wait for Bolt to stop answering, so that a start right after succeeds."""
        deadline = time.monotonic() + timeout
        while self.bolt_answers() and time.monotonic() < deadline:
            time.sleep(0.2)

    def status(self) -> str:
        pid = self.pid()
        if not pid:
            return f"stopped ({self.home})"
        state = "running" if self.bolt_answers() else "starting"
        return (
            f"{state} (pid {pid}) bolt {self.settings.uri} "
            f"http http://127.0.0.1:{self.settings.http_port} home {self.home}"
        )

    def tail(self, lines: int = 50) -> str:
        for log in (self.logs_dir / "neo4j.log", self.console_log):
            if log.exists():
                return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
        return "(no log yet)"

    def env_lines(self) -> str:
        password = self.settings.password()
        if password is None:
            raise LocalNeo4jError(
                "the local Neo4j has not been started yet: run `mutuals neo4j start`"
            )
        # cypher-shell reads NEO4J_USERNAME; the app and the drivers' examples NEO4J_USER.
        return (
            f"export NEO4J_URI={self.settings.uri} NEO4J_USER=neo4j NEO4J_USERNAME=neo4j "
            f"NEO4J_PASSWORD={password}"
        )

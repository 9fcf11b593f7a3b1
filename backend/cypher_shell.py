"""cypher-shell 5.26 for analysts: ``mutuals neo4j shell [cypher-shell args]``.

On first use ``mvn dependency:copy-dependencies`` copies ``org.neo4j:cypher-shell`` and its
jars (``tools/cypher-shell/pom.xml``) from Maven Central into
``<MUTUALS_LOCAL_NEO4J_DIR>/cypher-shell/lib``; it then runs as the official launcher runs it,
``java -cp 'lib/*' org.neo4j.shell.Main``, connected to the configured database: the local
Neo4j, or ``NEO4J_URI``/``NEO4J_USERNAME``/``NEO4J_PASSWORD``/``NEO4J_DATABASE``. The
connection goes through the environment variables cypher-shell reads, so the password never
shows in a process list; arguments given on the command line (``-a``, ``-u``, ``-d``...) win.
"""

from __future__ import annotations

import os
from pathlib import Path

from backend.config import PROJECT_ROOT, Settings
from backend.local_neo4j import fetch_jars, find_java

POM = PROJECT_ROOT / "tools" / "cypher-shell" / "pom.xml"
MAIN_CLASS = "org.neo4j.shell.Main"
# A short-lived client: a small collector and quick JIT start it faster.
JVM_OPTIONS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"]


class CypherShell:
    def __init__(self, settings: Settings, pom: Path = POM):
        self.settings = settings
        self.pom = pom
        self.lib = settings.local.home / "cypher-shell" / "lib"

    def ensure_jars(self) -> bool:
        """Fetch cypher-shell from Maven Central (once). True when it downloaded."""
        return fetch_jars(self.pom, self.lib, "cypher-shell", marker="cypher-shell-*.jar")

    def command(self, args: list[str] | tuple[str, ...] = ()) -> list[str]:
        return [find_java(), *JVM_OPTIONS, "-cp", str(self.lib / "*"), MAIN_CLASS, *args]

    def env(self, base: dict | None = None) -> dict[str, str]:
        """The environment cypher-shell connects from (NEO4J_URI, NEO4J_USERNAME, ...)."""
        env = dict(os.environ if base is None else base)
        s = self.settings
        env.update(
            NEO4J_URI=s.neo4j_uri,
            NEO4J_USERNAME=s.neo4j_user,
            NEO4J_PASSWORD=s.neo4j_password or "",
        )
        env.pop("NEO4J_ADDRESS", None)  # cypher-shell prefers it to NEO4J_URI
        if s.neo4j_database:
            env["NEO4J_DATABASE"] = s.neo4j_database
        else:
            env.pop("NEO4J_DATABASE", None)
        return env

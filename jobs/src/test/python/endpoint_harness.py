"""Helpers of the SQL endpoint tests: the launcher, the Spark jars, beeline, free ports.

The endpoint needs Spark's Thrift server and Hive jars, which Maven Central does not serve; they come with pyspark
(``.venv`` from ``scripts/setup-python.sh``) or a Spark distribution (``SPARK_HOME``). Without them the tests are
skipped with one ``SKIPPED:`` line, unless ``COMMPULSE_REQUIRE_ENDPOINT=1`` (CI), where they fail.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[4]
LAUNCHER = REPO / "commpulse"
JAR = REPO / "jobs" / "target" / "commpulse.jar"
MONTH = "2026-10"
PASSWORD = "Correct-Horse-Battery-7"
# The lake's month and the endpoint serve a few queries, over before the optimising compiler pays back.
TEST_JVM = {"COMMPULSE_JAVA_OPTS": "-Xmx2g", "COMMPULSE_JIT": "client"}


def spark_jars() -> Path | None:
    """The folder holding spark-hive-thriftserver and the Hive jars, where the launcher looks for it."""
    candidates = [
        os.environ.get("COMMPULSE_SPARK_JARS"),
        os.environ.get("SPARK_HOME") and os.path.join(os.environ["SPARK_HOME"], "jars"),
        *sorted(str(p) for p in REPO.glob(".venv/lib/python3*/site-packages/pyspark/jars")),
    ]
    for candidate in candidates:
        if candidate and list(Path(candidate).glob("spark-hive-thriftserver_*.jar")):
            return Path(candidate)
    return None


def require(condition: bool, missing: str) -> None:
    if condition:
        return
    if os.environ.get("COMMPULSE_REQUIRE_ENDPOINT") == "1":
        pytest.fail(f"{missing}; COMMPULSE_REQUIRE_ENDPOINT=1 requires it")
    print(f"SKIPPED: {missing}", file=sys.stderr)
    pytest.skip(missing)


def commpulse(*args: str, timeout: int = 1800) -> subprocess.CompletedProcess:
    """Runs the launcher on the already built jar; raises with its stderr when it fails."""
    require(JAR.is_file(), f"{JAR.relative_to(REPO)} is not built (mvn -B -q -DskipTests package)")
    env = {**os.environ, "COMMPULSE_SKIP_BUILD": "1", **TEST_JVM}
    done = subprocess.run([str(LAUNCHER), *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise AssertionError(f"./commpulse {' '.join(args[:2])} ... failed ({done.returncode}):\n{done.stderr[-4000:]}")
    return done


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


class Endpoint:
    def __init__(
        self, port: int, connect_port: int, password_file: Path, jars: Path, process: subprocess.Popen, log: list[str]
    ):
        self.port = port
        self.connect_port = connect_port
        self.password_file = password_file
        self.jars = jars
        self.process = process
        self.log = log

    def url(self, database: str = "gold") -> str:
        return f"jdbc:hive2://127.0.0.1:{self.port}/{database}"

    def connect_url(self, token: str = PASSWORD) -> str:
        # pyspark sends a token without TLS only to the host named localhost.
        return f"sc://localhost:{self.connect_port}/;token={token}"

    def beeline(self, sql: str, password_file: Path | None = None) -> subprocess.CompletedProcess:
        """Runs one statement with Hive's own JDBC client, beeline, from the Spark distribution's jars."""
        return subprocess.run(
            [
                "java",
                "-Xmx512m",
                "-Ddisable.quoting.for.sv=false",
                "-cp",
                f"{self.jars}/*",
                "org.apache.hive.beeline.BeeLine",
                "-u",
                self.url(),
                "-n",
                "analyst",
                "-w",
                str(password_file or self.password_file),
                "--outputformat=csv2",
                "--silent=true",
                "--showHeader=true",
                "-e",
                sql,
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )

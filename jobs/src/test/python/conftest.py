"""Fixtures of the SQL endpoint tests: a generated lake, and `./commpulse serve` over it on a free port.

The endpoint needs Spark's Thrift server and Hive jars, which Maven Central does not serve; they come with pyspark
(``.venv`` from ``scripts/setup-python.sh``) or a Spark distribution (``SPARK_HOME``). Without them the tests are
skipped with one ``SKIPPED:`` line, unless ``COMMPULSE_REQUIRE_ENDPOINT=1`` (CI), where they fail.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[4]
LAUNCHER = REPO / "commpulse"
JAR = REPO / "jobs" / "target" / "commpulse.jar"
MONTH = "2026-10"
PASSWORD = "Correct-Horse-Battery-7"


def spark_jars() -> Path | None:
    """The folder holding spark-hive-thriftserver and the Hive jars, where the launcher looks for it."""
    candidates = [os.environ.get("COMMPULSE_SPARK_JARS"),
                  os.environ.get("SPARK_HOME") and os.path.join(os.environ["SPARK_HOME"], "jars"),
                  *sorted(str(p) for p in REPO.glob(".venv/lib/python3*/site-packages/pyspark/jars"))]
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
    env = dict(os.environ, COMMPULSE_SKIP_BUILD="1")
    env.setdefault("COMMPULSE_JAVA_OPTS", "-Xmx2g")
    done = subprocess.run([str(LAUNCHER), *args], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=timeout)
    if done.returncode != 0:
        raise AssertionError(f"./commpulse {' '.join(args[:2])} ... failed ({done.returncode}):\n{done.stderr[-4000:]}")
    return done


@pytest.fixture(scope="session")
def jars() -> Path:
    folder = spark_jars()
    require(folder is not None, "Spark's Thrift server jars not found (run scripts/setup-python.sh, or set SPARK_HOME)")
    return folder


@pytest.fixture(scope="session")
def lake(tmp_path_factory, jars) -> Path:
    given = os.environ.get("COMMPULSE_TEST_LAKE")
    if given:
        return Path(given).resolve()
    work = tmp_path_factory.mktemp("endpoint")
    commpulse("generate", "--month", MONTH, "--scale", "0.01", "--seed", "7", "--out", str(work / "landing"))
    commpulse("run", "--month", MONTH, "--landing", str(work / "landing"), "--lake", str(work / "lake"),
              "--demo-key")
    return work / "lake"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


class Endpoint:
    def __init__(self, port: int, password_file: Path, jars: Path, process: subprocess.Popen, log: list[str]):
        self.port = port
        self.password_file = password_file
        self.jars = jars
        self.process = process
        self.log = log

    def url(self, database: str = "gold") -> str:
        return f"jdbc:hive2://127.0.0.1:{self.port}/{database}"

    def beeline(self, sql: str, password_file: Path | None = None) -> subprocess.CompletedProcess:
        """Runs one statement with Hive's own JDBC client, beeline, from the Spark distribution's jars."""
        return subprocess.run(
            ["java", "-Xmx512m", "-Ddisable.quoting.for.sv=false", "-cp", f"{self.jars}/*", "org.apache.hive.beeline.BeeLine",
             "-u", self.url(), "-n", "analyst", "-w", str(password_file or self.password_file),
             "--outputformat=csv2", "--silent=true", "--showHeader=true", "-e", sql],
            capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def endpoint(lake, jars, tmp_path_factory):
    """`./commpulse serve` on a free loopback port; stopped (SIGTERM), and its port checked closed, at the end."""
    require(JAR.is_file(), f"{JAR.relative_to(REPO)} is not built (mvn -B -q -DskipTests package)")
    work = tmp_path_factory.mktemp("serve")
    password_file = work / "password"
    password_file.write_text(PASSWORD + "\n")
    password_file.chmod(0o600)
    port = free_port()
    env = dict(os.environ, COMMPULSE_SKIP_BUILD="1", COMMPULSE_JAVA_OPTS="-Xmx2g", COMMPULSE_SPARK_JARS=str(jars))
    env.pop("COMMPULSE_SERVE_PASSWORD", None)
    process = subprocess.Popen(
        [str(LAUNCHER), "serve", "--lake", str(lake), "--metastore", str(work / "metastore"),
         "--port", str(port), "--password-file", str(password_file)],
        cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(process.stderr), daemon=True).start()
    ready = process.stdout.readline()
    try:
        if not ready.startswith("serving "):
            process.wait(timeout=30)
            raise AssertionError(f"serve did not start ({process.returncode}): {ready}\n{''.join(log)[-4000:]}")
        deadline = time.time() + 60
        while not port_open(port):
            assert time.time() < deadline, f"port {port} not open:\n{''.join(log)[-4000:]}"
            time.sleep(0.5)
        yield Endpoint(port, password_file, jars, process, log)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=30)
        assert not port_open(port), f"port {port} still open after serve stopped"

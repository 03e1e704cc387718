"""Shared fixtures of the notebook and open-format tests: one generated lake per test session.

The lake is built by the commpulse jar (``jobs/target/commpulse.jar``); the tests that need a lake skip,
saying so, when it has not been built (``mvn -B -q -DskipTests package``). Set ``COMMPULSE_TEST_LAKE`` to a lake that already holds a month
(e.g. one built by ``./commpulse run``) to skip building it.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
LAUNCHER = REPO / "commpulse"
JAR = REPO / "jobs" / "target" / "commpulse.jar"
MONTH = "2026-10"
# A notebook's Spark driver stops before the optimising compiler pays back, as the launcher's short commands
# do (COMMPULSE_JIT=client): the same settings (docs/performance.md).
SHORT_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m -XX:+UseSerialGC"


def commpulse(*args: str, timeout: int = 1800) -> subprocess.CompletedProcess:
    """Runs the launcher on the already built jar; raises with its stderr when it fails."""
    if not JAR.is_file():
        pytest.skip(f"{JAR.relative_to(REPO)} is not built; run `mvn -B -q -DskipTests package` first")
    env = dict(os.environ, COMMPULSE_SKIP_BUILD="1", COMMPULSE_JIT="client")
    env.setdefault("COMMPULSE_JAVA_OPTS", "-Xmx2g")
    done = subprocess.run([str(LAUNCHER), *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise AssertionError(f"./commpulse {' '.join(args[:2])} ... failed ({done.returncode}):\n{done.stderr[-4000:]}")
    return done


@pytest.fixture(autouse=True)
def short_lived_notebook_driver(monkeypatch):
    """A notebook's kernel starts its Spark driver with spark-submit, which takes these options."""
    monkeypatch.setenv("PYSPARK_SUBMIT_ARGS", f'--driver-java-options "{SHORT_JVM_OPTIONS}" pyspark-shell')


@pytest.fixture(scope="session")
def spark_sql(lake):
    """Runs ``./commpulse sql --format json`` on the test lake and returns the rows."""

    def run(statement: str) -> list[dict]:
        return json.loads(commpulse("sql", "--lake", str(lake), "--format", "json", statement).stdout)

    return run


@pytest.fixture(scope="session")
def lake(tmp_path_factory) -> Path:
    given = os.environ.get("COMMPULSE_TEST_LAKE")
    if given:
        path = Path(given).resolve()
        if not (path / "gold").is_dir():
            pytest.fail(f"COMMPULSE_TEST_LAKE={given} holds no gold tables")
        return path
    # One lake per pytest run, in a folder of the run that the endpoint tests (jobs/src/test/python) use too.
    work = tmp_path_factory.getbasetemp() / "generated-lake"
    if not (work / "built").is_file():
        work.mkdir(exist_ok=True)
        commpulse("generate", "--month", MONTH, "--scale", "0.01", "--seed", "7", "--out", str(work / "landing"))
        commpulse(
            "run", "--month", MONTH, "--landing", str(work / "landing"), "--lake", str(work / "lake"), "--demo-key"
        )
        (work / "built").touch()
    return work / "lake"

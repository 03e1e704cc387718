"""Fixtures for the DAG tests: the jobs jar, spark-submit, a migrated metadata DB, one generated month and
one real run of commpulse_monthly on a real scheduler, shared by the whole session (see dag_harness.py for
the environment)."""

from __future__ import annotations

import shutil
import subprocess
import time
from datetime import datetime
from pathlib import Path

import pytest

from dag_harness import (
    AIRFLOW_BIN,
    AIRFLOW_HOME,
    MONTH,
    REPO,
    RUN_TIMEOUT,
    SCALE,
    SEED,
    SPARK_SUBMIT,
    TEST_DRIVER_JAVA_OPTIONS,
    THIN_JAR,
    WORK,
    MonthlyRun,
    airflow_standalone,
    commpulse,
    workdir,
)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(WORK, ignore_errors=True)


@pytest.fixture
def scratch() -> Path:
    """Like tmp_path, but removed with the session's work folder."""
    return workdir("scratch")


@pytest.fixture(scope="session")
def airflow_home() -> Path:
    return AIRFLOW_HOME


@pytest.fixture(scope="session")
def jar() -> Path:
    """The thin jobs jar for spark-submit; end-to-end tests skip (only) when it has not been built."""
    if not THIN_JAR.is_file():
        pytest.skip(f"{THIN_JAR.relative_to(REPO)} is not built; run `mvn -B -q -DskipTests package` first")
    return THIN_JAR


@pytest.fixture(scope="session")
def spark_submit() -> Path:
    assert SPARK_SUBMIT.is_file(), f"{SPARK_SUBMIT} missing: pyspark is not installed in this venv"
    assert shutil.which("spark-submit") == str(SPARK_SUBMIT), "the venv's spark-submit must come first on PATH"
    return SPARK_SUBMIT


@pytest.fixture(scope="session")
def airflow_db(airflow_home: Path) -> Path:
    """A migrated SQLite metadata database in the private AIRFLOW_HOME."""
    done = subprocess.run([str(AIRFLOW_BIN), "db", "migrate"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"airflow db migrate failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return airflow_home / "airflow.db"


@pytest.fixture(scope="session")
def landing(jar: Path, spark_submit: Path) -> Path:
    """One generated month (2026-10, scale 0.01), shared by every end-to-end test; treat it as read-only."""
    out = workdir("landing")
    done = commpulse(jar, "generate", "--month", MONTH, "--scale", SCALE, "--seed", SEED, "--out", str(out))
    assert done.returncode == 0, f"generate failed:\n{done.stderr[-3000:]}"
    return out


@pytest.fixture(scope="session")
def spark_java_options(jar: Path, landing: Path) -> str:
    """The driver's Java options for every job of the session, with a class-data-sharing archive.

    Each task is a new JVM that loads the same Spark, Scala and Delta classes; an archive written by
    one job (`-XX:ArchiveClassesAtExit`) lets the others map them instead (`-XX:SharedArchiveFile`), as
    dags/README.md recommends for small machines through `commpulse_driver_java_options`.
    """
    archive = WORK / "commpulse-classes.jsa"
    done = commpulse(
        jar,
        "ingest",
        "--source",
        "roster",
        "--month",
        MONTH,
        "--landing",
        str(landing),
        "--lake",
        str(workdir("archive-lake")),
        java_options=f"{TEST_DRIVER_JAVA_OPTIONS} -XX:ArchiveClassesAtExit={archive}",
    )
    assert done.returncode == 0, f"ingest failed:\n{done.stderr[-3000:]}"
    assert archive.is_file(), f"the JVM wrote no class archive:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return f"{TEST_DRIVER_JAVA_OPTIONS} -XX:SharedArchiveFile={archive}"


@pytest.fixture(scope="session")
def monthly_run(landing, jar, spark_java_options) -> MonthlyRun:
    """One real run of commpulse_monthly for the generated month, once per session: triggered and awaited
    with the data team's client on `airflow standalone` (scheduler, DAG processor, API server), as in
    production. The server is stopped before the tests look at what the run left behind."""
    lake = workdir("lake")
    reports = workdir("reports")
    with airflow_standalone(landing, lake, reports, jar, spark_java_options) as server:
        started = time.monotonic()
        trigger = server.client(
            "--timeout", str(RUN_TIMEOUT), "trigger", "--month", MONTH, "--wait", timeout=RUN_TIMEOUT + 60
        )
        seconds = time.monotonic() - started
        assert trigger.returncode == 0, (
            f"{trigger.stdout}\n{trigger.stderr}\n--- airflow ---\n{server.log.read_text()[-3000:]}"
        )
        run_id = next(line.split()[3] for line in trigger.stdout.splitlines() if line.startswith("triggered "))
        client_runs = {
            "trigger": trigger,
            "status": server.client("status", "--run-id", run_id),
            "trigger again": server.client("trigger", "--month", MONTH),
        }
        run = server.get(f"/api/v2/dags/commpulse_monthly/dagRuns/{run_id}")
        instances = server.get(f"/api/v2/dags/commpulse_monthly/dagRuns/{run_id}/taskInstances")["task_instances"]
    return MonthlyRun(
        state=run["state"],
        logical_date=datetime.fromisoformat(run["logical_date"]),
        states={ti["task_id"]: ti["state"] for ti in instances},
        lake=lake,
        reports=reports,
        seconds=seconds,
        task_seconds={ti["task_id"]: ti["duration"] for ti in instances if ti.get("duration") is not None},
        tries={ti["task_id"]: ti["try_number"] for ti in instances},
        client_runs=client_runs,
        run_id=run_id,
    )

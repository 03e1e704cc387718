"""Fixtures for the DAG tests: a private AIRFLOW_HOME, the jobs jar, spark-submit, one generated month.

Airflow reads its configuration when it is first imported, so the environment is set up here, at import
time, before any test module imports airflow. Nothing touches ~/airflow or a running Airflow.
"""

from __future__ import annotations

import json
import time
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DAGS = REPO / "dags"
THIN_JAR = REPO / "jobs" / "target" / "commpulse-spark.jar"
VENV_BIN = Path(sys.executable).parent
SPARK_SUBMIT = VENV_BIN / "spark-submit"
AIRFLOW_BIN = VENV_BIN / "airflow"

# The month every end-to-end test works on, and the logical date of its commpulse_monthly run.
MONTH = "2026-10"
MONTH_LOGICAL_DATE = datetime(2026, 11, 1, tzinfo=timezone.utc)
SCALE = "0.01"
SEED = "7"

SPARK_CONNECTION = json.dumps({"conn_type": "spark", "host": "local[*]"})
# Jobs are short: the client compiler alone starts them sooner, the serial collector suits 2 cores.
TEST_DRIVER_JAVA_OPTIONS = "-Djava.awt.headless=true -Duser.timezone=UTC -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

# Everything the tests write (Airflow home and database, landing, lakes, reports, logs) lives under one
# folder that is removed when the session ends, whatever the outcome.
WORK = Path(tempfile.mkdtemp(prefix="commpulse-dag-tests-"))
AIRFLOW_HOME = WORK / "airflow-home"
AIRFLOW_HOME.mkdir()
os.environ.update({
    "AIRFLOW_HOME": str(AIRFLOW_HOME),
    "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS),
    "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{AIRFLOW_HOME}/airflow.db?timeout=120",
    "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "True",
    # Only the months a test triggers should run, never the catch-up since 2026-01.
    "AIRFLOW__COMMPULSE__CATCHUP": "False",
    "AIRFLOW_CONN_SPARK_DEFAULT": SPARK_CONNECTION,
    "AIRFLOW_VAR_COMMPULSE_SHUFFLE_PARTITIONS": "2",
    "AIRFLOW_VAR_COMMPULSE_DRIVER_MEMORY": "1g",
    "AIRFLOW_VAR_COMMPULSE_DRIVER_JAVA_OPTIONS": TEST_DRIVER_JAVA_OPTIONS,
    "AIRFLOW_VAR_COMMPULSE_SPARK_UI": "false",
    "COMMPULSE_PSEUDONYM_KEY": "commpulse-test-pseudonym-key",
    "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
})
# DAG files import their shared module from the DAGs folder, as Airflow's DAG processor allows.
if str(DAGS) not in sys.path:
    sys.path.insert(0, str(DAGS))


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(WORK, ignore_errors=True)


def workdir(name: str) -> Path:
    """A new, empty folder under the session's work folder."""
    return Path(tempfile.mkdtemp(prefix=name + "-", dir=WORK))


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


def commpulse(jar: Path, *args: str, java_options: str = TEST_DRIVER_JAVA_OPTIONS,
              timeout: float = 600) -> subprocess.CompletedProcess:
    """Runs one jar command through spark-submit, as the DAG tasks do."""
    cmd = [str(SPARK_SUBMIT), "--master", "local[2]", "--conf", "spark.ui.enabled=false",
           "--conf", f"spark.driver.extraJavaOptions={java_options}",
           "--class", "io.commpulse.cli.CommPulse", str(jar), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


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

    Each task is a new JVM that loads the same ~20,000 Spark, Scala and Delta classes; an archive written by
    one job (`-XX:ArchiveClassesAtExit`) lets the others map them instead (`-XX:SharedArchiveFile`), as
    dags/README.md recommends for small machines through `commpulse_driver_java_options`.
    """
    archive = WORK / "commpulse-classes.jsa"
    done = commpulse(jar, "ingest", "--source", "roster", "--month", MONTH, "--landing", str(landing),
                     "--lake", str(workdir("archive-lake")),
                     java_options=f"{TEST_DRIVER_JAVA_OPTIONS} -XX:ArchiveClassesAtExit={archive}")
    assert done.returncode == 0, f"ingest failed:\n{done.stderr[-3000:]}"
    assert archive.is_file(), f"the JVM wrote no class archive:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return f"{TEST_DRIVER_JAVA_OPTIONS} -XX:SharedArchiveFile={archive}"


def commpulse_variables(landing: Path, lake: Path, reports: Path, jar: Path,
                        java_options: str = TEST_DRIVER_JAVA_OPTIONS) -> dict[str, str]:
    """Environment variables that set the DAGs' Airflow Variables (AIRFLOW_VAR_<KEY>)."""
    return {
        "AIRFLOW_VAR_COMMPULSE_LANDING": str(landing),
        "AIRFLOW_VAR_COMMPULSE_LAKE": str(lake),
        "AIRFLOW_VAR_COMMPULSE_REPORTS": str(reports),
        "AIRFLOW_VAR_COMMPULSE_JAR": str(jar),
        "AIRFLOW_VAR_COMMPULSE_REPORT_LANG": "en",
        "AIRFLOW_VAR_COMMPULSE_DRIVER_JAVA_OPTIONS": java_options,
    }


def load_dag(dag_id: str):
    from airflow.dag_processing.dagbag import BundleDagBag

    bag = BundleDagBag(DAGS, bundle_path=DAGS, bundle_name="dags-folder")
    assert not bag.import_errors, bag.import_errors
    return bag.dags[dag_id]


def task_states(dag_run) -> dict[str, str]:
    from airflow.utils.session import create_session

    with create_session() as session:
        return {ti.task_id: str(getattr(ti.state, "value", ti.state))
                for ti in dag_run.get_task_instances(session=session)}


def delta_row_count(table: Path) -> int:
    from deltalake import DeltaTable

    return DeltaTable(str(table)).to_pyarrow_dataset().count_rows()


class MonthlyRun:
    """What a finished run left behind, as plain values (later tests may replace the run in the DB)."""

    def __init__(self, dag_run, states: dict[str, str], lake: Path, reports: Path, seconds: float) -> None:
        self.state = str(getattr(dag_run.state, "value", dag_run.state))
        self.logical_date = dag_run.logical_date
        self.states = states
        self.lake = lake
        self.reports = reports
        self.seconds = seconds


@pytest.fixture(scope="session")
def monthly_run(airflow_db, landing, jar, spark_java_options) -> MonthlyRun:
    """commpulse_monthly run for real with dag.test() for the generated month, once per session."""
    lake = workdir("lake")
    reports = workdir("reports")
    dag = load_dag("commpulse_monthly")
    # A failure here is a failure: no retries (the failure-path test exercises them), no five-minute waits.
    for task in dag.tasks:
        task.retries = 0
    with pytest.MonkeyPatch.context() as mp:
        for key, value in commpulse_variables(landing, lake, reports, jar, spark_java_options).items():
            mp.setenv(key, value)
        started = time.monotonic()
        dag_run = dag.test(logical_date=MONTH_LOGICAL_DATE)
        seconds = time.monotonic() - started
    return MonthlyRun(dag_run, task_states(dag_run), lake, reports, seconds)

"""Shared set-up of the DAG tests: a private AIRFLOW_HOME in one work folder, paths, and helpers.

Airflow reads its configuration when it is first imported, so the environment is set up here, at import
time (conftest.py imports this module first), before any test module imports airflow. Nothing touches
~/airflow or a running Airflow. The name is unique on purpose: notebooks/tests has a conftest.py of its
own, so test modules import from here, never `from conftest import`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path


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
os.environ.update(
    {
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
    }
)
# DAG files import their shared module from the DAGs folder, as Airflow's DAG processor allows.
if str(DAGS) not in sys.path:
    sys.path.insert(0, str(DAGS))


def workdir(name: str) -> Path:
    """A new, empty folder under the session's work folder."""
    return Path(tempfile.mkdtemp(prefix=name + "-", dir=WORK))


def commpulse(
    jar: Path, *args: str, java_options: str = TEST_DRIVER_JAVA_OPTIONS, timeout: float = 600
) -> subprocess.CompletedProcess:
    """Runs one jar command through spark-submit, as the DAG tasks do."""
    cmd = [
        str(SPARK_SUBMIT),
        "--master",
        "local[2]",
        "--conf",
        "spark.ui.enabled=false",
        "--conf",
        f"spark.driver.extraJavaOptions={java_options}",
        "--class",
        "io.commpulse.cli.CommPulse",
        str(jar),
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def commpulse_variables(
    landing: Path, lake: Path, reports: Path, jar: Path, java_options: str = TEST_DRIVER_JAVA_OPTIONS
) -> dict[str, str]:
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
        return {
            ti.task_id: str(getattr(ti.state, "value", ti.state)) for ti in dag_run.get_task_instances(session=session)
        }


def task_seconds(dag_run) -> dict[str, float]:
    """How long each task instance ran, in seconds (what a task adds to the run)."""
    from airflow.utils.session import create_session

    with create_session() as session:
        return {
            ti.task_id: (ti.end_date - ti.start_date).total_seconds()
            for ti in dag_run.get_task_instances(session=session)
            if ti.start_date and ti.end_date
        }


def delta_row_count(table: Path) -> int:
    from deltalake import DeltaTable

    return DeltaTable(str(table)).to_pyarrow_dataset().count_rows()


class MonthlyRun:
    """What a finished run left behind, as plain values (later tests may replace the run in the DB)."""

    def __init__(
        self,
        dag_run,
        states: dict[str, str],
        lake: Path,
        reports: Path,
        seconds: float,
        task_seconds: dict[str, float] | None = None,
    ) -> None:
        self.state = str(getattr(dag_run.state, "value", dag_run.state))
        self.logical_date = dag_run.logical_date
        self.states = states
        self.lake = lake
        self.reports = reports
        self.seconds = seconds
        self.task_seconds = task_seconds or {}

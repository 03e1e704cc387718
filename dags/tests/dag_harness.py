"""Shared set-up of the DAG tests: a private AIRFLOW_HOME in one work folder, paths, and helpers.

Airflow reads its configuration when it is first imported, so the environment is set up here, at import
time (conftest.py imports this module first), before any test module imports airflow. Nothing touches
~/airflow or a running Airflow. The name is unique on purpose: notebooks/tests has a conftest.py of its
own, so test modules import from here, never `from conftest import`.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
DAGS = REPO / "dags"
THIN_JAR = REPO / "jobs" / "target" / "commpulse-spark.jar"
VENV_BIN = Path(sys.executable).parent
SPARK_SUBMIT = VENV_BIN / "spark-submit"
AIRFLOW_BIN = VENV_BIN / "airflow"
CLIENT = DAGS / "commpulse_client.py"
STARTUP_TIMEOUT = 240
RUN_TIMEOUT = 1800

# The month every end-to-end test works on, and the logical date of its commpulse_monthly run.
MONTH = "2026-10"
MONTH_LOGICAL_DATE = datetime(2026, 11, 1, tzinfo=timezone.utc)
SCALE = "0.01"
SEED = "7"

SPARK_CONNECTION = json.dumps({"conn_type": "spark", "host": "local[*]"})
# Jobs are short: the client compiler alone starts them sooner, the serial collector suits 2 cores. That compiler
# alone gets a 48 MiB code cache by default, which a larger task fills.
TEST_DRIVER_JAVA_OPTIONS = (
    "-Djava.awt.headless=true -Duser.timezone=UTC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m"
    " -XX:+UseSerialGC"
)

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


def delta_row_count(table: Path) -> int:
    from deltalake import DeltaTable

    return DeltaTable(str(table)).to_pyarrow_dataset().count_rows()


class MonthlyRun:
    """What a finished run left behind, as plain values (the server that ran it is gone by then)."""

    def __init__(
        self,
        state: str,
        logical_date: datetime,
        states: dict[str, str],
        lake: Path,
        reports: Path,
        seconds: float,
        task_seconds: dict[str, float],
        tries: dict[str, int],
        client_runs: dict[str, subprocess.CompletedProcess],
        run_id: str,
    ) -> None:
        self.state = state
        self.logical_date = logical_date
        self.states = states
        self.lake = lake
        self.reports = reports
        self.seconds = seconds
        self.task_seconds = task_seconds
        self.tries = tries
        # The data team's client as it was used on the run: "trigger" (with --wait), "status", "trigger again".
        self.client_runs = client_runs
        self.run_id = run_id


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    """Stops airflow standalone and everything it started (its own process group)."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def wait_until(check, timeout: float, what: str, process: subprocess.Popen, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"airflow standalone exited ({process.returncode}) while waiting for {what}:\n"
                + log.read_text()[-4000:]
            )
        try:
            result = check()
            if result:
                return result
        except (requests.RequestException, ValueError, KeyError, OSError):
            pass
        time.sleep(2)
    pytest.fail(f"timed out after {timeout} s waiting for {what}:\n" + log.read_text()[-4000:])


def client(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """The data team's client (dags/commpulse_client.py), polling every 3 s."""
    return subprocess.run(
        [sys.executable, str(CLIENT), "--poll", "3", *args], env=env, capture_output=True, text=True, timeout=timeout
    )


class StandaloneServer:
    """A running `airflow standalone`: its URL, the client's environment, its log and an API reader."""

    def __init__(self, url: str, client_env: dict[str, str], log: Path, password: str) -> None:
        self.url = url
        self.client_env = client_env
        self.log = log
        self.password = password

    def client(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return client(self.client_env, *args, timeout=timeout)

    def get(self, path: str) -> dict:
        token = requests.post(
            f"{self.url}/auth/token", json={"username": "admin", "password": self.password}, timeout=10
        ).json()["access_token"]
        response = requests.get(f"{self.url}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=30)
        response.raise_for_status()
        return response.json()


@contextmanager
def airflow_standalone(landing: Path, lake: Path, reports: Path, jar: Path, java_options: str):
    """`airflow standalone` (API server, scheduler, DAG processor, triggerer) in its own AIRFLOW_HOME, with
    the commpulse Variables pointing at the given folders; stopped on exit."""
    home = workdir("standalone-home")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ)
    env.update(commpulse_variables(landing, lake, reports, jar, java_options))
    env.update(
        {
            "AIRFLOW_HOME": str(home),
            # SQLite serialises writers: wait for the lock instead of failing on a busy 2-core machine.
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home}/airflow.db?timeout=120",
            "AIRFLOW__API__HOST": "127.0.0.1",
            "AIRFLOW__API__PORT": str(port),
            "AIRFLOW__API__BASE_URL": url,
            "AIRFLOW__API__WORKERS": "1",
            # Two tasks at a time on two cores: the ingests run side by side as in production, into a new
            # lake, sharing its bronze.quarantine and ops.ingest_audit (the tests check none needed a retry).
            "AIRFLOW__CORE__PARALLELISM": "2",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{url}/execution/",
            "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "2",
            # Only the triggered run: with catch-up off, unpausing still creates the run of the latest month,
            # which is the test's month whenever the clock is in the month after it.
            "AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE": "False",
            "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "30",
            # The DAG files do not change during the test: parse them once, not every 30 s next to the jobs.
            "AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL": "3600",
        }
    )
    log = home / "standalone.log"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [str(AIRFLOW_BIN), "standalone"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:

        def healthy():
            health = requests.get(f"{url}/api/v2/monitor/health", timeout=5).json()
            return health["metadatabase"]["status"] == "healthy" and health["scheduler"]["status"] == "healthy"

        wait_until(healthy, STARTUP_TIMEOUT, "a healthy API server and scheduler", process, log)
        passwords = home / "simple_auth_manager_passwords.json.generated"
        wait_until(passwords.is_file, 60, "the generated admin password", process, log)
        password = json.loads(passwords.read_text())["admin"]
        client_env = {**os.environ, "AIRFLOW_HOME": str(home), "COMMPULSE_AIRFLOW_URL": url}
        client_env.pop("COMMPULSE_AIRFLOW_PASSWORD", None)
        server = StandaloneServer(url, client_env, log, password)
        wait_until(
            lambda: server.get("/api/v2/dags/commpulse_monthly"),
            STARTUP_TIMEOUT,
            "commpulse_monthly to be parsed",
            process,
            log,
        )
        yield server
    finally:
        stop(process)

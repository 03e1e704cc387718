"""The data-team client against a real `airflow standalone` on loopback: trigger a month, wait, succeed."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from dag_harness import DAGS, MONTH, VENV_BIN, commpulse_variables, workdir

CLIENT = DAGS / "commpulse_client.py"
STARTUP_TIMEOUT = 240
RUN_TIMEOUT = 1800


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


@pytest.fixture(scope="module")
def airflow_server(landing, jar, spark_java_options):
    """`airflow standalone` (API server, scheduler, DAG processor, triggerer) in its own AIRFLOW_HOME."""
    home = workdir("standalone-home")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ)
    env.update(commpulse_variables(landing, workdir("client-lake"), workdir("client-reports"), jar, spark_java_options))
    env.update(
        {
            "AIRFLOW_HOME": str(home),
            # SQLite serialises writers: wait for the lock instead of failing on a busy 2-core machine.
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home}/airflow.db?timeout=120",
            "AIRFLOW__API__HOST": "127.0.0.1",
            "AIRFLOW__API__PORT": str(port),
            "AIRFLOW__API__BASE_URL": url,
            "AIRFLOW__API__WORKERS": "1",
            # One task at a time: ingests of two sources running together into a new lake race to create
            # bronze.quarantine and ops.ingest_audit; the loser fails (ProtocolChangedException) and only
            # succeeds on its retry five minutes later. dag.test() runs tasks one at a time as well.
            "AIRFLOW__CORE__PARALLELISM": "1",
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
            [str(VENV_BIN / "airflow"), "standalone"],
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

        def dag_parsed():
            token = requests.post(
                f"{url}/auth/token", json={"username": "admin", "password": password}, timeout=5
            ).json()["access_token"]
            response = requests.get(
                f"{url}/api/v2/dags/commpulse_monthly", headers={"Authorization": f"Bearer {token}"}, timeout=5
            )
            return response.status_code == 200

        wait_until(dag_parsed, STARTUP_TIMEOUT, "commpulse_monthly to be parsed", process, log)
        client_env = {**os.environ, "AIRFLOW_HOME": str(home), "COMMPULSE_AIRFLOW_URL": url}
        client_env.pop("COMMPULSE_AIRFLOW_PASSWORD", None)
        yield url, client_env, log
    finally:
        stop(process)


def client(env, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(CLIENT), "--poll", "3", *args], env=env, capture_output=True, text=True, timeout=timeout
    )


def test_trigger_month_and_wait_for_success(airflow_server):
    url, env, log = airflow_server
    done = client(env, "--timeout", str(RUN_TIMEOUT), "trigger", "--month", MONTH, "--wait", timeout=RUN_TIMEOUT + 60)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}\n--- airflow ---\n{log.read_text()[-3000:]}"
    out = done.stdout
    assert f"for {MONTH} (logical date 2026-11-01)" in out
    for task in ["ingest.tickets", "ingest.roster", "silver", "gold", "quality_gate", "report"]:
        assert f"  {task}" in out and "success" in out, task
    assert out.rstrip().splitlines()[-1].endswith(": success")

    run_id = next(line.split()[3] for line in out.splitlines() if line.startswith("triggered "))
    status = client(env, "status", "--run-id", run_id)
    assert status.returncode == 0 and f"run {run_id}: success" in status.stdout

    again = client(env, "trigger", "--month", MONTH)
    assert again.returncode == 2
    assert f"already has run {run_id} for {MONTH}" in again.stderr
    assert "--rerun" in again.stderr


def test_bad_month_is_refused_before_contacting_airflow():
    done = client(dict(os.environ, COMMPULSE_AIRFLOW_URL="http://127.0.0.1:9"), "trigger", "--month", "2026-13")
    assert done.returncode == 2
    assert "'2026-13' is not a month; use YYYY-MM" in done.stderr


def test_unreachable_server_is_one_clear_line():
    done = client(
        dict(os.environ, COMMPULSE_AIRFLOW_URL="http://127.0.0.1:9", COMMPULSE_AIRFLOW_PASSWORD="x"),
        "status",
        "--run-id",
        "nothing",
    )
    assert done.returncode == 2
    assert done.stderr.strip() == "error: cannot reach Airflow at http://127.0.0.1:9: ConnectionError"

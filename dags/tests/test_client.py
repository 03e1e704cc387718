"""The data-team client against a real `airflow standalone` on loopback: trigger a month, wait, succeed.

The month's run is the session's one real run of commpulse_monthly (conftest.py's monthly_run), which the
client triggered and awaited; the tests here read what the client printed then."""

from __future__ import annotations

import os

from dag_harness import MONTH, client


def test_trigger_month_and_wait_for_success(monthly_run):
    done = monthly_run.client_runs["trigger"]
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
    out = done.stdout
    assert f"for {MONTH} (logical date 2026-11-01)" in out
    for task in ["ingest.tickets", "ingest.roster", "silver", "gold", "quality_gate", "report"]:
        assert f"  {task}" in out and "success" in out, task
    assert out.rstrip().splitlines()[-1].endswith(": success")

    run_id = monthly_run.run_id
    status = monthly_run.client_runs["status"]
    assert status.returncode == 0 and f"run {run_id}: success" in status.stdout

    again = monthly_run.client_runs["trigger again"]
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

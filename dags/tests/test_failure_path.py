"""A missing landing folder fails the ingest task and the run with the job's own message; once the folder is
there, rerunning the same run succeeds and leaves no duplicate rows."""

from __future__ import annotations

import shutil
from datetime import timedelta

import pytest

from dag_harness import MONTH, MONTH_LOGICAL_DATE, commpulse_variables, delta_row_count, load_dag, task_states

# Only ingest.tickets runs for real; every other task is marked successful by dag.test() so the test stays
# short. Downstream tasks still depend on the ingest, so its failure fails the run.
ONLY_TICKETS = r"(?!ingest\.tickets$).*"


def ticket_rows(lake):
    from deltalake import DeltaTable

    table = DeltaTable(str(lake / "bronze" / "tickets")).to_pandas(columns=["ticket_id", "updated_at", "month"])
    return table[table["month"] == MONTH]


@pytest.fixture
def broken_landing(landing, scratch):
    """The generated landing without tickets/2026-10 (every other source linked in)."""
    broken = scratch / "landing-without-tickets"
    broken.mkdir()
    for source in landing.iterdir():
        if source.name != "tickets":
            (broken / source.name).symlink_to(source, target_is_directory=True)
    return broken


def test_missing_landing_fails_clearly_and_rerun_does_not_duplicate(
    airflow_db, monthly_run, landing, broken_landing, jar, spark_java_options, scratch, capfd, monkeypatch
):
    lake = scratch / "lake"
    shutil.copytree(monthly_run.lake, lake, symlinks=True)
    reports = scratch / "reports"
    tickets_before = ticket_rows(lake)
    assert len(tickets_before) > 0, "the monthly run should have ingested tickets"

    dag = load_dag("commpulse_monthly")
    for task in dag.tasks:
        task.retry_delay = timedelta(seconds=1)  # keep the DAG's retries, not its waits
        task.max_retry_delay = timedelta(seconds=2)

    for key, value in commpulse_variables(broken_landing, lake, reports, jar, spark_java_options).items():
        monkeypatch.setenv(key, value)
    capfd.readouterr()
    failed_run = dag.test(logical_date=MONTH_LOGICAL_DATE, mark_success_pattern=ONLY_TICKETS)
    log = capfd.readouterr()
    states = task_states(failed_run)

    assert failed_run.state == "failed"
    assert states["ingest.tickets"] == "failed"
    assert states["silver"] == "upstream_failed"
    assert states["restate_previous"] == "upstream_failed"
    assert states["restate_next"] == "upstream_failed"
    assert states["report"] == "upstream_failed"
    assert states["maintain"] == "upstream_failed"
    message = f"error: landing folder not found: {broken_landing}/tickets/{MONTH}"
    assert message in log.out + log.err, "the task log should carry the job's one-line message"
    assert (log.out + log.err).count(message) >= 3, "the ingest should have been tried 1 + 2 retries times"
    assert len(ticket_rows(lake)) == len(tickets_before), "a failed ingest must leave bronze untouched"

    # Fix the input, run the same month again.
    monkeypatch.setenv("AIRFLOW_VAR_COMMPULSE_LANDING", str(landing))
    rerun = dag.test(logical_date=MONTH_LOGICAL_DATE, mark_success_pattern=ONLY_TICKETS)
    capfd.readouterr()
    assert rerun.logical_date == failed_run.logical_date == MONTH_LOGICAL_DATE
    assert task_states(rerun)["ingest.tickets"] == "success"
    assert rerun.state == "success"

    tickets_after = ticket_rows(lake)
    assert len(tickets_after) == len(tickets_before), "re-ingesting the month must replace it, not append"
    assert not tickets_after.duplicated(["ticket_id", "updated_at"]).any()
    for source in ["roster", "comm_log"]:
        assert delta_row_count(lake / "bronze" / source) == delta_row_count(monthly_run.lake / "bronze" / source)

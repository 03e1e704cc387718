"""commpulse_monthly on a real Airflow (SQLite metadata DB) with spark-submit and the built jar."""

from __future__ import annotations

from pathlib import Path

from dag_harness import MONTH, MONTH_LOGICAL_DATE, delta_row_count
from deltalake import DeltaTable

GOLD_TABLES = [
    "satisfaction",
    "coverage",
    "response_sla",
    "social_response",
    "mistransmission",
    "hotspots",
    "kpi_scorecard",
    "department_scorecard",
    "automation_candidates",
    "followup_coverage",
    "feedback_loop",
]


def test_monthly_run_succeeds(monthly_run):
    assert monthly_run.logical_date == MONTH_LOGICAL_DATE
    failed = {task: state for task, state in monthly_run.states.items() if state != "success"}
    assert failed == {}, f"tasks not successful: {failed}"
    # The ingests ran side by side into a new lake; a retry would have waited five minutes.
    retried = {task: tries for task, tries in monthly_run.tries.items() if tries != 1}
    assert retried == {}, f"tasks that needed a retry: {retried}"
    # Ten ingests (one per landing source), silver, the two restatements, gold, the quality gate, the report
    # and the upkeep.
    assert len(monthly_run.states) == 17
    assert {"restate_previous", "restate_next", "maintain"} <= set(monthly_run.states)
    assert monthly_run.state == "success"


def test_month_landed_in_bronze(monthly_run):
    for source in ["roster", "tickets", "comm_log", "survey_responses"]:
        assert delta_row_count(monthly_run.lake / "bronze" / source) > 0, source


def test_gold_tables_exist(monthly_run):
    missing = [t for t in GOLD_TABLES if not (monthly_run.lake / "gold" / t / "_delta_log").is_dir()]
    assert missing == [], f"gold tables missing from {monthly_run.lake / 'gold'}"
    assert delta_row_count(monthly_run.lake / "gold" / "kpi_scorecard") > 0


def test_report_written(monthly_run):
    out = monthly_run.reports / MONTH
    files = {p.name for p in Path(out).rglob("*") if p.is_file()}
    assert {"report.pdf", "report.html", "manifest.json"} <= files, f"report files in {out}: {sorted(files)}"


def test_upkeep_compacted_the_month_without_changing_rows(monthly_run):
    """maintain, the run's last task, left one file in the month's partition of every table and kept every row."""
    print(f"\nrun {monthly_run.seconds:.0f} s; tasks: {sorted(monthly_run.task_seconds.items())}")
    tables = sorted(p.parent for p in monthly_run.lake.glob("*/*/_delta_log"))
    assert len(tables) > 30, tables
    compacted = []
    for table in tables:
        delta = DeltaTable(str(table))
        files = delta.file_uris()
        if delta.metadata().partition_columns == ["month"]:
            files = [f for f in files if f"/month={MONTH}/" in f]
        assert len(files) <= 1, f"{table}: {len(files)} files left after upkeep"
        optimize = [h for h in delta.history(5) if h["operation"] == "OPTIMIZE"]
        if optimize:
            compacted.append(table.parent.name + "." + table.name)
            version = optimize[0]["version"]
            before = DeltaTable(str(table), version=version - 1).to_pyarrow_table()
            after = DeltaTable(str(table), version=version).to_pyarrow_table()
            keys = [(name, "ascending") for name in after.column_names]
            assert before.sort_by(keys) == after.sort_by(keys), f"{table}: OPTIMIZE changed the rows"
    # The ingests write a few files per partition (one per Spark task): bronze is compacted at least.
    assert "bronze.tickets" in compacted, compacted

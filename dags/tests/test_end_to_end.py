"""commpulse_monthly on a real Airflow (SQLite metadata DB) with spark-submit and the built jar."""

from __future__ import annotations

from pathlib import Path

from dag_harness import MONTH, MONTH_LOGICAL_DATE, delta_row_count

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
    # Ten ingests (one per landing source), silver, the two restatements, gold, the quality gate and the report.
    assert len(monthly_run.states) == 16
    assert {"restate_previous", "restate_next"} <= set(monthly_run.states)
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

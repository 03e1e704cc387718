"""Which month a run works on, for scheduled, caught-up, triggered and dag.test() runs, and what each task
is asked to do for it."""

from __future__ import annotations

from datetime import datetime, timezone

import pendulum
import pytest

from dag_harness import load_dag

UTC = timezone.utc


class _Variables:
    """Stands in for the `var` template accessor: `var.value.get(key, default)`."""

    def __init__(self, values: dict[str, str]) -> None:
        self.value = self
        self._values = values

    def get(self, key, default=None):
        return self._values.get(key, default)


@pytest.fixture(scope="module")
def monthly():
    return load_dag("commpulse_monthly")


@pytest.fixture(scope="module")
def daily():
    return load_dag("commpulse_daily")


def core_timetable(dag):
    from airflow.serialization.encoders import coerce_to_core_timetable

    return coerce_to_core_timetable(dag.timetable)


def render(task, interval, variables: dict[str, str] | None = None):
    from airflow.sdk.execution_time import macros

    context = {
        "macros": macros,
        "data_interval_start": pendulum.instance(interval.start),
        "data_interval_end": pendulum.instance(interval.end),
        "var": _Variables(variables or {}),
        "task": task,
    }
    return task.render_template(task.application_args, context)


def month_of(task, interval) -> str:
    args = render(task, interval)
    return args[args.index("--month") + 1]


def scheduled_intervals(dag, count: int):
    from airflow.timetables.base import TimeRestriction

    timetable = core_timetable(dag)
    restriction = TimeRestriction(earliest=dag.start_date, latest=None, catchup=True)
    last = None
    for _ in range(count):
        info = timetable.next_dagrun_info(last_automated_data_interval=last, restriction=restriction)
        yield info
        last = info.data_interval


def test_scheduled_monthly_runs_process_the_month_that_just_ended(monthly):
    task = monthly.get_task("silver")
    runs = list(scheduled_intervals(monthly, 12))
    assert [month_of(task, info.data_interval) for info in runs] == [
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-04",
        "2026-05",
        "2026-06",
        "2026-07",
        "2026-08",
        "2026-09",
        "2026-10",
        "2026-11",
        "2026-12",
    ]
    first = runs[0]
    assert first.run_after == datetime(2026, 2, 1, tzinfo=UTC)
    assert first.data_interval.start == datetime(2026, 1, 1, tzinfo=UTC)
    assert first.data_interval.end == datetime(2026, 2, 1, tzinfo=UTC)
    # The month is always the one before data_interval_end.
    for info in runs:
        end = info.data_interval.end
        before_end = pendulum.instance(end).subtract(days=1).strftime("%Y-%m")
        assert month_of(task, info.data_interval) == before_end


def test_restatements_work_on_the_months_next_to_the_run(monthly):
    runs = {
        month_of(monthly.get_task("silver"), i.data_interval): i.data_interval for i in scheduled_intervals(monthly, 12)
    }
    assert month_of(monthly.get_task("restate_previous"), runs["2026-03"]) == "2026-02"
    assert month_of(monthly.get_task("restate_next"), runs["2026-03"]) == "2026-04"
    # Across the turn of the year, and from a 31-day month into a 28-day one.
    assert month_of(monthly.get_task("restate_previous"), runs["2026-01"]) == "2025-12"
    assert month_of(monthly.get_task("restate_next"), runs["2026-12"]) == "2027-01"
    assert month_of(monthly.get_task("restate_next"), runs["2026-01"]) == "2026-02"


def test_triggered_and_scheduled_runs_of_a_month_agree(monthly):
    """A manual run (API trigger or dag.test) with the scheduled run's logical date covers the same month."""
    import commpulse_client

    logical_date = commpulse_client.month_logical_date((2026, 10))
    assert logical_date == datetime(2026, 11, 1, tzinfo=UTC)
    manual = core_timetable(monthly).infer_manual_data_interval(run_after=pendulum.instance(logical_date))
    scheduled = next(info for info in scheduled_intervals(monthly, 12) if info.run_after == logical_date)
    assert manual == scheduled.data_interval
    assert month_of(monthly.get_task("report"), manual) == "2026-10"


@pytest.mark.parametrize("month, logical", [((2026, 1), (2026, 2, 1)), ((2026, 12), (2027, 1, 1))])
def test_client_logical_dates(month, logical):
    import commpulse_client

    assert commpulse_client.month_logical_date(month) == datetime(*logical, tzinfo=UTC)


@pytest.mark.parametrize(
    "fired, month",
    [
        ((2026, 10, 2), "2026-10"),  # covers Oct 1
        ((2026, 10, 31), "2026-10"),
        ((2026, 11, 1), "2026-10"),  # covers Oct 31: the last top-up of October
        ((2026, 11, 2), "2026-11"),
        ((2027, 1, 1), "2026-12"),
    ],
)
def test_daily_runs_top_up_the_month_of_the_day_they_cover(daily, fired, month):
    interval = core_timetable(daily).infer_manual_data_interval(run_after=pendulum.datetime(*fired, tz="UTC"))
    for task in daily.tasks:
        assert month_of(task, interval) == month, task.task_id


def test_ingest_arguments_with_default_settings(monthly):
    import commpulse_pipeline as pipeline

    interval = core_timetable(monthly).infer_manual_data_interval(run_after=pendulum.datetime(2026, 11, 1))
    task = monthly.get_task("ingest.tickets")
    assert render(task, interval) == [
        "ingest",
        "--source",
        "tickets",
        "--month",
        "2026-10",
        "--landing",
        str(pipeline.REPO_ROOT / "landing"),
        "--lake",
        str(pipeline.REPO_ROOT / "lake"),
    ]


def test_every_command_follows_the_cli_contract_with_variables_set(monthly):
    interval = core_timetable(monthly).infer_manual_data_interval(run_after=pendulum.datetime(2026, 11, 1))
    variables = {
        "commpulse_landing": "s3a://bucket/landing",
        "commpulse_lake": "s3a://bucket/lake",
        "commpulse_reports": "/srv/reports",
        "commpulse_report_lang": "zh",
        "commpulse_max_quarantine_share": "0.02",
        "commpulse_vacuum_hours": "336",
    }
    args = {t.task_id: render(t, interval, variables) for t in monthly.tasks}
    assert args["silver"] == ["silver", "--month", "2026-10", "--lake", "s3a://bucket/lake"]
    assert args["gold"] == ["gold", "--month", "2026-10", "--lake", "s3a://bucket/lake"]
    assert args["quality_gate"] == [
        "quality-gate",
        "--month",
        "2026-10",
        "--lake",
        "s3a://bucket/lake",
        "--max-quarantine-share",
        "0.02",
    ]
    assert args["report"] == [
        "report",
        "--month",
        "2026-10",
        "--lake",
        "s3a://bucket/lake",
        "--out",
        "/srv/reports/2026-10",
        "--lang",
        "zh",
    ]
    assert args["maintain"] == [
        "maintain",
        "--month",
        "2026-10",
        "--lake",
        "s3a://bucket/lake",
        "--optimize",
        "--vacuum",
        "336",
    ]
    assert args["ingest.comm_log"][:5] == ["ingest", "--source", "comm_log", "--month", "2026-10"]
    assert "s3a://bucket/landing" in args["ingest.comm_log"]


def test_jar_and_spark_conf_come_from_variables(monthly):
    interval = core_timetable(monthly).infer_manual_data_interval(run_after=pendulum.datetime(2026, 11, 1))
    task = monthly.get_task("gold")
    context = {
        "data_interval_start": pendulum.instance(interval.start),
        "data_interval_end": pendulum.instance(interval.end),
        "var": _Variables({"commpulse_jar": "/opt/commpulse.jar", "commpulse_shuffle_partitions": "3"}),
    }
    assert task.render_template(task.application, context) == "/opt/commpulse.jar"
    conf = task.render_template(task.conf, context)
    assert conf["spark.sql.shuffle.partitions"] == "3"
    assert conf["spark.driver.memory"] == "2g"

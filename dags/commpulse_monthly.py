"""commpulse_monthly: the month's pipeline, landing -> bronze -> silver -> restate previous -> gold -> restate next
-> quality gate -> report -> upkeep."""

from __future__ import annotations

from datetime import datetime, timezone

from dateutil.relativedelta import relativedelta

from airflow.sdk import DAG, CronTriggerTimetable, TaskGroup, conf

import commpulse_pipeline as pipeline

DOC = f"""
# commpulse_monthly

Runs the whole pipeline for one calendar month: ingest every landing source (in parallel) into bronze,
build silver, compute the gold KPI tables, check data quality, render the executive report, then keep
the lake's tables up (`maintain`).
Each task is one `spark-submit` of the jobs jar against the master of the `spark_default` connection.

**Which month.** A run fires at 00:00 UTC on the 1st and processes the month that just ended: its data
interval is that month, and the month is `data_interval_start` (`YYYY-MM`). The run fired on
2026-11-01 (logical date 2026-11-01) processes 2026-10. To (re)run month M by hand, trigger with the
logical date of the 1st of the month after M, e.g. `python dags/commpulse_client.py trigger --month 2026-10`.

**Backfill and reruns are safe.** Every job replaces its month atomically, so a retry, a cleared task or
a backfill of past months never duplicates rows. `catchup` is on: the scheduler fills every month since
January 2026. Months run one at a time, oldest first, because gold's month-over-month figures read the
previous month.

**Month boundaries.** A month's batch also closes the previous month: its 24-hour windows end and the
late replies, ticket updates and acknowledgements in this batch belong to it. `restate_previous` computes
the previous month again before `gold`, so this month's month-over-month figures compare with the restated
month; `restate_next` recomputes the next month when it was already computed (a backfill out of order),
so a range ends in the same tables in any order. Changed figures are recorded in `ops.restatements`.

**Quality gate.** `quality_gate` fails the run (and so blocks the report) when the month's quarantine
share exceeds `commpulse_max_quarantine_share` or rows are not conserved from landing to bronze.

**Lake upkeep.** `maintain` runs last, after the report: the month is published before any file is
rewritten, and no job of the run writes a table while it compacts. A failed upkeep fails the run but
leaves the report and every table's rows as they were; clearing the task reruns it alone. It compacts
only the run's month partition of each table (OPTIMIZE; earlier months were compacted by their own runs,
and a partition with one file is left alone without a Delta transaction, so a rerun commits nothing),
then VACUUMs with `{pipeline.VACUUM_HOURS.key}` hours of retention each table holding a file older than
that which no version needs. Delta's retention check stays on: a retention shorter than a table's
`delta.deletedFileRetentionDuration` (168 hours unless the table sets one) fails the task with one
`error:` line before anything is deleted. Its cost is in docs/performance.md (Lake upkeep).

**Settings** (Airflow Variables, read when a task runs):

{pipeline.settings_doc()}

The Spark master comes from the `spark_default` connection (`{{"conn_type": "spark", "host": "local[*]"}}`
for one machine); `spark-submit` must be on the worker's PATH (pyspark provides it) and silver needs
`COMMPULSE_PSEUDONYM_KEY` in the worker's environment.
Set the Airflow option `[commpulse] catchup = False` (`AIRFLOW__COMMPULSE__CATCHUP=False`) where only
triggered months should run, e.g. a development or test instance.
"""

with DAG(
    dag_id="commpulse_monthly",
    description="Monthly communication KPIs: ingest, silver, gold, quality gate, report, lake upkeep",
    # A trigger timetable with a one-month interval: the run fired on the 1st covers the month before,
    # and a manual run for the same logical date covers exactly the same month as the scheduled one.
    schedule=CronTriggerTimetable("0 0 1 * *", timezone="UTC", interval=relativedelta(months=1)),
    # The first run fires on 2026-02-01 and processes 2026-01, the first month of data.
    start_date=datetime(2026, 2, 1, tzinfo=timezone.utc),
    catchup=conf.getboolean("commpulse", "catchup", fallback=True),
    max_active_runs=1,
    default_args=pipeline.DEFAULT_ARGS,
    tags=["commpulse", "monthly", "spark"],
    doc_md=DOC,
) as dag:
    with TaskGroup("ingest", tooltip="One bronze ingest per landing source") as ingest:
        for source in pipeline.SOURCES:
            pipeline.ingest(source)

    (
        ingest
        >> pipeline.silver()
        >> pipeline.restate("previous")
        >> pipeline.gold()
        >> pipeline.restate("next")
        >> pipeline.quality_gate()
        >> pipeline.report()
        >> pipeline.maintain()
    )

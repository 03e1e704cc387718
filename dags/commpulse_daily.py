"""commpulse_daily: keeps bronze and silver fresh during the month by re-ingesting the month to date."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from airflow.sdk import DAG, CronTriggerTimetable, TaskGroup

import commpulse_pipeline as pipeline

DOC = f"""
# commpulse_daily

Every day at 00:00 UTC, re-ingests the current month's landing folder of every source into bronze and
rebuilds the month's silver tables, so analysts see the month to date before `commpulse_monthly` closes it.

**Which month.** A run covers the day that just ended (`data_interval_start` .. `data_interval_end`) and
works on the month of that day: the run fired on 2026-11-01 covers 2026-10-31 and so tops up 2026-10 a
last time; the run fired on 2026-11-02 starts 2026-11. Ingest replaces the whole month atomically, so
re-reading the month to date every day is correct and never duplicates rows.

No catch-up: a missed day is covered by the next one, which reads the whole month again.

**Settings** (Airflow Variables, shared with `commpulse_monthly`):

{pipeline.settings_doc()}
"""

with DAG(
    dag_id="commpulse_daily",
    description="Daily month-to-date refresh of bronze and silver",
    schedule=CronTriggerTimetable("0 0 * * *", timezone="UTC", interval=timedelta(days=1)),
    start_date=datetime(2026, 1, 2, tzinfo=timezone.utc),
    catchup=False,
    max_active_runs=1,
    default_args=pipeline.DEFAULT_ARGS,
    tags=["commpulse", "daily", "spark"],
    doc_md=DOC,
) as dag:
    with TaskGroup("ingest", tooltip="One bronze ingest per landing source") as ingest:
        for source in pipeline.SOURCES:
            pipeline.ingest(source)

    ingest >> pipeline.silver()

"""Building blocks shared by the commpulse DAGs: settings, the month template and the Spark task factory.

Nothing here touches the metadata database, Variables or Connections when a DAG file is parsed: every
setting is a Jinja template that Airflow resolves when a task runs, with the default written into it.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

REPO_ROOT = Path(__file__).resolve().parents[1]

SOURCES = (
    "roster",
    "decisions",
    "acknowledgements",
    "survey_responses",
    "tickets",
    "social_comments",
    "comm_log",
    "channel_experiments",
    "followups",
    "suggestions",
)

MAIN_CLASS = "io.commpulse.cli.CommPulse"
SPARK_CONN_ID = "spark_default"

# The month a run works on. Both DAGs use trigger timetables whose data interval ends at the run time
# and starts one period earlier, so the month is the one that contains the start of the interval:
# the monthly run fired on 2026-11-01 covers [2026-10-01, 2026-11-01) and processes 2026-10; the daily
# run fired on 2026-11-01 covers 2026-10-31 and so still tops up 2026-10.
MONTH = "{{ data_interval_start.strftime('%Y-%m') }}"
# The months next to it, which its batch can restate: the day before the interval starts lies in the
# previous month, and the interval ends on the first instant of the next one.
PREVIOUS_MONTH = "{{ (data_interval_start - macros.timedelta(days=1)).strftime('%Y-%m') }}"
NEXT_MONTH = "{{ data_interval_end.strftime('%Y-%m') }}"


class Setting:
    """An Airflow Variable with a documented default, read only when a task renders its templates."""

    def __init__(self, key: str, default: str, doc: str) -> None:
        self.key = key
        self.default = default
        self.doc = doc

    @property
    def template(self) -> str:
        return "{{ var.value.get(%r, %r) }}" % (self.key, self.default)


LANDING = Setting(
    "commpulse_landing",
    str(REPO_ROOT / "landing"),
    "Landing root holding `<source>/<YYYY-MM>/` folders of `.csv` / `.jsonl` drops (folder or Hadoop URI).",
)
LAKE = Setting(
    "commpulse_lake",
    str(REPO_ROOT / "lake"),
    "Root of the Delta lake, tables at `<lake>/<layer>/<table>` (folder or Hadoop URI).",
)
JAR = Setting(
    "commpulse_jar",
    str(REPO_ROOT / "jobs" / "target" / "commpulse-spark.jar"),
    "The jobs jar submitted to Spark (the thin `commpulse-spark.jar` built by `mvn package`).",
)
REPORTS = Setting(
    "commpulse_reports",
    str(REPO_ROOT / "reports"),
    "Where monthly reports go; each month is written to `<reports>/<YYYY-MM>/`.",
)
LANGUAGE = Setting("commpulse_report_lang", "en", "Report language, `en` or `zh`.")
MAX_QUARANTINE_SHARE = Setting(
    "commpulse_max_quarantine_share",
    "0.05",
    "The quality gate fails the run when more than this share of a month's landing rows was quarantined.",
)
SHUFFLE_PARTITIONS = Setting(
    "commpulse_shuffle_partitions",
    "8",
    "`spark.sql.shuffle.partitions` for every job; monthly batches are small, Spark's 200 is far too many.",
)
DRIVER_MEMORY = Setting(
    "commpulse_driver_memory", "2g", "`spark.driver.memory` (in local mode the driver does all the work)."
)
DRIVER_JAVA_OPTIONS = Setting(
    "commpulse_driver_java_options",
    "-Djava.awt.headless=true -Duser.timezone=UTC",
    "`spark.driver.extraJavaOptions`. spark-submit adds the Java 17 `--add-opens` flags Spark needs by itself.",
)
SPARK_UI = Setting(
    "commpulse_spark_ui",
    "true",
    "`spark.ui.enabled`: the Spark web UI of each running job; `false` spares every job starting it.",
)
VACUUM_HOURS = Setting(
    "commpulse_vacuum_hours",
    "168",
    "`maintain` deletes files that no table version of the last this many hours needs (Delta VACUUM). Delta's"
    " retention check stays on: less than a table's deleted-file retention (168 hours unless the table sets"
    " one) fails the task before anything is deleted.",
)

SETTINGS = (
    LANDING,
    LAKE,
    JAR,
    REPORTS,
    LANGUAGE,
    MAX_QUARANTINE_SHARE,
    SHUFFLE_PARTITIONS,
    DRIVER_MEMORY,
    DRIVER_JAVA_OPTIONS,
    SPARK_UI,
    VACUUM_HOURS,
)

DEFAULT_ARGS = {
    "owner": "commpulse",
    "depends_on_past": False,
    # Every job replaces its month atomically, so a retry or a rerun never duplicates rows.
    "retries": 2,
    "retry_delay": timedelta(minutes=5),
    "retry_exponential_backoff": 2.0,
    "max_retry_delay": timedelta(minutes=30),
    "execution_timeout": timedelta(hours=3),
}

SPARK_CONF = {
    "spark.sql.shuffle.partitions": SHUFFLE_PARTITIONS.template,
    "spark.driver.memory": DRIVER_MEMORY.template,
    "spark.driver.extraJavaOptions": DRIVER_JAVA_OPTIONS.template,
    "spark.ui.enabled": SPARK_UI.template,
    "spark.ui.showConsoleProgress": "false",
}


def settings_doc() -> str:
    """Markdown table of the Variables a DAG reads, for its doc_md."""
    rows = ["| Variable | default | meaning |", "|---|---|---|"]
    rows += [f"| `{s.key}` | `{s.default}` | {s.doc} |" for s in SETTINGS]
    return "\n".join(rows)


def commpulse_job(task_id: str, command: str, *args: str, **kwargs) -> SparkSubmitOperator:
    """One `spark-submit` of the jobs jar running `commpulse <command> <args>`.

    The Spark master is the host of the `spark_default` connection (e.g. `local[*]` or
    `spark://host:7077`); the jar picks it up from spark-submit.
    """
    return SparkSubmitOperator(
        task_id=task_id,
        conn_id=SPARK_CONN_ID,
        application=JAR.template,
        java_class=MAIN_CLASS,
        application_args=[command, *args],
        conf=dict(SPARK_CONF),
        name="commpulse-" + command + "-" + MONTH,
        **kwargs,
    )


def ingest(source: str) -> SparkSubmitOperator:
    return commpulse_job(
        source,
        "ingest",
        "--source",
        source,
        "--month",
        MONTH,
        "--landing",
        LANDING.template,
        "--lake",
        LAKE.template,
        doc_md=f"Loads `{LANDING.key}/{source}/<month>/` into `bronze.{source}` (replacing the month).",
    )


def silver() -> SparkSubmitOperator:
    return commpulse_job(
        "silver",
        "silver",
        "--month",
        MONTH,
        "--lake",
        LAKE.template,
        doc_md="Cleans, de-duplicates and pseudonymises the month's bronze rows into the silver tables. "
        "Needs `COMMPULSE_PSEUDONYM_KEY` in the worker's environment.",
    )


def gold() -> SparkSubmitOperator:
    return commpulse_job(
        "gold",
        "gold",
        "--month",
        MONTH,
        "--lake",
        LAKE.template,
        doc_md="Computes every gold table (KPIs, A/B results, scorecard) of the month.",
    )


def restate(which: str) -> SparkSubmitOperator:
    """`restate` of the month before (ahead of gold) or after (once gold is written) the run's month."""
    month = {"previous": PREVIOUS_MONTH, "next": NEXT_MONTH}[which]
    return commpulse_job(
        f"restate_{which}",
        "restate",
        "--month",
        month,
        "--lake",
        LAKE.template,
        doc_md=f"Computes the {which} month again now that this month's batch is in the lake: its 24-hour "
        "windows have closed and the late replies, ticket updates and acknowledgements in this batch count. "
        "Every changed figure goes to `ops.restatements`; a month not computed yet is left alone. "
        + (
            "Runs before gold, so this month's month-over-month figures compare with the restated month."
            if which == "previous"
            else "Runs after gold, so a month computed earlier in a backfill out of order compares with this one."
        )
        + " Needs `COMMPULSE_PSEUDONYM_KEY` like silver.",
    )


def quality_gate() -> SparkSubmitOperator:
    return commpulse_job(
        "quality_gate",
        "quality-gate",
        "--month",
        MONTH,
        "--lake",
        LAKE.template,
        "--max-quarantine-share",
        MAX_QUARANTINE_SHARE.template,
        doc_md="Fails the run when the quarantine share or row conservation breaks the configured limit, "
        "so no report is published from bad data.",
    )


def report() -> SparkSubmitOperator:
    return commpulse_job(
        "report",
        "report",
        "--month",
        MONTH,
        "--lake",
        LAKE.template,
        "--out",
        REPORTS.template + "/" + MONTH,
        "--lang",
        LANGUAGE.template,
        doc_md="Renders the month's executive report (PDF, HTML, charts, manifest).",
    )


def maintain() -> SparkSubmitOperator:
    return commpulse_job(
        "maintain",
        "maintain",
        "--month",
        MONTH,
        "--lake",
        LAKE.template,
        "--optimize",
        "--vacuum",
        VACUUM_HOURS.template,
        doc_md="Lake upkeep once the month is published: compacts the month's partition of every table "
        "(OPTIMIZE; a partition with one file is left alone, so a rerun commits nothing), then VACUUM with "
        f"`{VACUUM_HOURS.key}` hours of retention for the tables that hold a file it could delete. Last, "
        "so no job of the run writes a table at the same time.",
    )

"""Recomputes gold.response_sla and gold.coverage of one month with DuckDB on the same silver data
(the Parquet files of the current Delta snapshot), timing each, so the Spark jobs can be compared
with an in-process engine on the same machine in the same run.

usage: duckdb_gold.py LAKE MONTH [--sla-only]
  -> prints JSON {"response_sla_s": ..., "coverage_s": ..., "sla_rows": ..., "coverage_rows": ...}
"""

import json
import sys
import time

import warnings

import duckdb
from deltalake import DeltaTable


warnings.filterwarnings("ignore", category=DeprecationWarning)


def files(lake, table, month):
    dt = DeltaTable(f"{lake}/{table}")
    return [f for f in dt.file_uris(partition_filters=[("month", "=", month)])]


def main(lake, month, sla_only=False):
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    tickets = files(lake, "silver/tickets", month)
    started = time.perf_counter()
    # Same definitions as gold.response_sla: first human reply, exact linear-interpolated percentiles,
    # every roll-up of channel x category x priority. Business hours are left out: DuckDB has no
    # business calendar, so both sides are compared on calendar-hour figures only.
    sla = con.execute(
        """
        WITH t AS (
          SELECT channel, category, priority,
                 CASE WHEN first_human_reply_at >= created_at
                      THEN epoch(first_human_reply_at) - epoch(created_at) END / 3600.0 AS reply_hours,
                 CASE WHEN resolved_at >= created_at
                      THEN epoch(resolved_at) - epoch(created_at) END / 3600.0 AS resolution_hours,
                 reopened_count, csat, first_reply_by_bot
          FROM read_parquet(?))
        SELECT channel, category, priority, count(*) AS tickets, count(reply_hours) AS replied,
               avg(reply_hours), stddev_samp(reply_hours),
               quantile_cont(reply_hours, 0.5), quantile_cont(reply_hours, 0.9),
               sum(CASE WHEN reply_hours <= 24 THEN 1 ELSE 0 END),
               sum(CASE WHEN first_reply_by_bot THEN 1 ELSE 0 END),
               quantile_cont(resolution_hours, 0.5), avg(CASE WHEN reopened_count > 0 THEN 1.0 ELSE 0 END),
               count(csat), avg(CASE WHEN csat >= 4 THEN 1.0 WHEN csat IS NOT NULL THEN 0 END)
        FROM t GROUP BY CUBE (channel, category, priority)
        """,
        [tickets],
    ).fetchall()
    sla_s = time.perf_counter() - started
    if sla_only:
        print(json.dumps({"response_sla_s": round(sla_s, 3), "sla_rows": len(sla)}))
        return

    started = time.perf_counter()
    coverage = con.execute(
        """
        WITH d AS (SELECT decision_id, published_at,
                          CAST(timezone(source_timezone, published_at) AS DATE) AS publish_day
                   FROM read_parquet(?)),
             e AS (SELECT employee_key, department, hire_date, leave_date FROM read_parquet(?)),
             a AS (SELECT decision_id, employee_key, aware_at, channel FROM read_parquet(?)),
             r AS (SELECT d.decision_id, e.department, a.aware_at IS NOT NULL AS is_aware,
                          (epoch(a.aware_at) - epoch(d.published_at)) / 3600.0 AS hours
                   FROM d JOIN e ON e.hire_date <= d.publish_day
                                AND (e.leave_date IS NULL OR e.leave_date >= d.publish_day)
                   LEFT JOIN a ON a.decision_id = d.decision_id AND a.employee_key = e.employee_key)
        SELECT decision_id, department, count(*), sum(CASE WHEN is_aware THEN 1 ELSE 0 END),
               quantile_cont(hours, 0.5)
        FROM r GROUP BY GROUPING SETS ((decision_id, department), (decision_id))
        """,
        [
            files(lake, "silver/decisions", month),
            files(lake, "silver/employees", month),
            files(lake, "silver/acknowledgements", month),
        ],
    ).fetchall()
    coverage_s = time.perf_counter() - started
    print(
        json.dumps(
            {
                "response_sla_s": round(sla_s, 3),
                "coverage_s": round(coverage_s, 3),
                "sla_rows": len(sla),
                "coverage_rows": len(coverage),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1].removeprefix("file:"), sys.argv[2], "--sla-only" in sys.argv[3:])

"""A peer of `commpulse run` in DuckDB: the same kind of work for one month, in one in-process DuckDB
connection, so the whole Spark + Delta pipeline can be compared with a single-process engine on the
same landing files and the same machine.

usage: duckdb_peer.py LANDING_DIR MONTH OUT_DIR
  silver: for each source of schemas/landing/*.json (read at run time: columns, types, nullability,
          allowed values, patterns, ranges, row checks, keys, source time zone), read
          LANDING_DIR/<source>/<MONTH>/*.csv|*.jsonl as text, type every column (timestamps without an
          offset are read in the source's time zone and stored as UTC instants), drop the rows that
          fail a type or a check (counted), replace the identifiers marked "pii" by a salted SHA-256,
          keep one row per key (the latest by its timestamp; the earliest awareness for
          acknowledgements), and write OUT_DIR/silver/<source>.parquet.
  gold:   from those Parquet files, write OUT_DIR/gold/<table>.parquet for response_sla (cube of
          channel x category x priority, exact quantile_cont percentiles), coverage, satisfaction,
          social_response, mistransmission and hotspots, with the columns of schemas/gold/*.json
          where they can be computed in plain SQL.
  -> prints JSON {"rows_read", "rows_dropped", "silver_s", "gold_s", "total_s", "per_source_s",
                  "per_table_s"} (seconds; total includes the connection and the schema reading)

Not done here, unlike `commpulse run`: quarantine rows with reasons and the ingest audit, Delta
transactions, HMAC pseudonyms with a secret key, e-mail and handle redaction in comment texts,
business hours, Student t intervals (normal ones instead), the exact binomial p-value of coverage,
complementary suppression of small survey groups, previous-month comparisons, and the other gold
tables (ab_results, the scorecards, automation_candidates, followup_coverage, feedback_loop).
"""

import glob
import json
import os
from datetime import datetime
from zoneinfo import ZoneInfo
import sys
import time
from pathlib import Path

import duckdb

SCHEMAS = Path(os.environ.get("COMMPULSE_SCHEMAS") or Path(__file__).resolve().parent.parent / "schemas")
SQL_TYPES = {
    "string": "VARCHAR",
    "int": "INTEGER",
    "long": "BIGINT",
    "double": "DOUBLE",
    "boolean": "BOOLEAN",
    "date": "DATE",
    "timestamp": "TIMESTAMPTZ",
}
OFFSET_SUFFIX = "(Z|[+-][0-9]{2}:?[0-9]{2})$"
# Sources whose kept row per key is the earliest rather than the latest (when the employee first
# became aware of the decision).
EARLIEST_WINS = {"acknowledgements"}
SALT = "commpulse-peer"
Z = 1.959963984540054  # two-sided 95% normal quantile
KPI_TARGETS = {k["code"]: k["target"] for k in json.loads((SCHEMAS / "kpis.json").read_text())["kpis"]}
COVERAGE_TARGET = KPI_TARGETS["information_coverage"]
MISTRANSMISSION_TARGET = KPI_TARGETS["mistransmission_rate"]
SOCIAL_TARGET = KPI_TARGETS["social_replied_24h_share"]
MIN_GROUP_SIZE = 5


def ident(name):
    return '"' + name.replace('"', '""') + '"'


def lit(value):
    return "'" + str(value).replace("'", "''") + "'"


def load_contracts(layer):
    """Every contract of a layer, with the columns of its `columns_from` fragments included."""
    raw = {}
    for file in sorted(SCHEMAS.glob("*/*.json")):
        raw[f"{file.parent.name}.{file.stem}"] = json.loads(file.read_text(encoding="utf-8"))
    contracts = {}
    for qualified, node in raw.items():
        table_layer, name = qualified.split(".", 1)
        if table_layer != layer or name.startswith("_"):
            continue
        columns = [c for include in node.get("columns_from", []) for c in raw[include]["columns"]]
        contracts[name] = dict(node, columns=columns + node.get("columns", []))
    return contracts


def typed(column, zone):
    """SQL turning the text of a landing column into its contract type (NULL when it does not parse)."""
    raw, kind = ident("_raw_" + column["name"]), column["type"]
    if kind == "timestamp":
        local = f"TRY_CAST({raw} AS TIMESTAMP)"
        if zone and zone != "UTC":
            local = f"timezone({lit(zone)}, {local})"
        else:
            local = f"CAST({local} AS TIMESTAMPTZ)"
        return f"CASE WHEN regexp_matches({raw}, {lit(OFFSET_SUFFIX)}) THEN TRY_CAST({raw} AS TIMESTAMPTZ) ELSE {local} END"
    if kind == "string":
        return raw
    return f"TRY_CAST({raw} AS {SQL_TYPES[kind]})"


def problems(column):
    """SQL conditions that make a typed value unacceptable."""
    name, raw = ident(column["name"]), ident("_raw_" + column["name"])
    found = [f"({raw} IS NOT NULL AND {name} IS NULL)"]
    if not column.get("nullable", True):
        found.append(f"{raw} IS NULL")
    if "allowed" in column:
        found.append(f"{name} NOT IN ({', '.join(lit(v) for v in column['allowed'])})")
    if "pattern" in column:
        found.append(f"NOT regexp_matches({name}, {lit(column['pattern'])})")
    if column["type"] not in ("timestamp", "date"):
        if "min" in column:
            found.append(f"{name} < {column['min']}")
        if "max" in column:
            found.append(f"{name} > {column['max']}")
    if column.get("not_future"):
        found.append(f"{name} > now()")
    if "earliest" in column:
        found.append(f"{name} < TIMESTAMPTZ {lit(column['earliest'])}")
    return found


def dedup_order(name, contract):
    """(partition columns, ORDER BY) keeping one row per key."""
    keys = contract["keys"]
    times = [c["name"] for c in contract["columns"] if c["type"] == "timestamp"]
    dates = [c["name"] for c in contract["columns"] if c["type"] == "date"]
    in_key = [k for k in keys if k in times or k in dates]
    partition = [k for k in keys if k not in in_key] or keys
    by = in_key or times[:1] or dates[:1]
    direction = "ASC" if name in EARLIEST_WINS else "DESC"
    return partition, ", ".join(f"{ident(c)} {direction} NULLS LAST" for c in by) or "1"


def silver(con, landing, month, out, name, contract):
    fmt = contract.get("format", "csv")
    files = sorted(glob.glob(os.path.join(landing, name, month, f"*.{fmt}")))
    if not files:
        raise SystemExit(f"duckdb_peer: no {fmt} files in {os.path.join(landing, name, month)}")
    columns = contract["columns"]
    paths = "[" + ", ".join(lit(f) for f in files) + "]"
    texts = "{" + ", ".join(f"{lit(c['name'])}: 'VARCHAR'" for c in columns) + "}"
    if fmt == "jsonl":
        reader = f"read_json({paths}, format = 'newline_delimited', columns = {texts}, ignore_errors = true)"
    else:
        reader = (
            f"read_csv({paths}, header = true, all_varchar = true, quote = '\"', escape = '\"',"
            f" union_by_name = true, ignore_errors = true)"
        )
    zone = contract.get("source_timezone")
    raw = ", ".join(f"{ident(c['name'])} AS {ident('_raw_' + c['name'])}" for c in columns)
    values = ", ".join(f"{typed(c, zone)} AS {ident(c['name'])}" for c in columns)
    bad = [p for c in columns for p in problems(c)]
    bad += [f"NOT coalesce(({check['sql']}), true)" for check in contract.get("checks", [])]
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE landed AS
        SELECT *, {" OR ".join(f"coalesce({p}, false)" for p in bad)} AS _bad
        FROM (SELECT {values}, * FROM (SELECT {raw} FROM {reader}))""")
    read, dropped = con.execute("SELECT count(*), count(*) FILTER (WHERE _bad) FROM landed").fetchone()
    kept = ", ".join(
        f"sha256({lit(SALT)} || {ident(c['name'])}) AS {ident(c['name'])}" if c.get("pii") else ident(c["name"])
        for c in columns
    )
    partition, order = dedup_order(name, contract)
    con.execute(f"""
        COPY (SELECT {kept} FROM landed WHERE NOT _bad
              QUALIFY row_number() OVER (PARTITION BY {", ".join(map(ident, partition))} ORDER BY {order}) = 1)
        TO {lit(os.path.join(out, "silver", name + ".parquet"))} (FORMAT parquet)""")
    con.execute("DROP TABLE landed")
    return read, dropped


def cutoff_epoch(month, zone):
    """End of the month's batch: midnight starting the next month in the source's zone, as epoch seconds.
    A 24-hour window still open then is pending, left out of the 24-hour shares (one batch read: provisional)."""
    year, mon = map(int, month.split("-"))
    start = datetime(year + mon // 12, mon % 12 + 1, 1, tzinfo=ZoneInfo(zone))
    return int(start.timestamp())


def gold_queries(month, zones):
    m = lit(month)
    ticket_cut = cutoff_epoch(month, zones["tickets"])
    social_cut = cutoff_epoch(month, zones["social_comments"])
    return {
        "response_sla": f"""
            WITH t AS (
              SELECT channel, category, priority,
                     CASE WHEN first_human_reply_at >= created_at
                          THEN (epoch(first_human_reply_at) - epoch(created_at)) / 3600.0 END AS reply_hours,
                     CASE WHEN resolved_at >= created_at
                          THEN (epoch(resolved_at) - epoch(created_at)) / 3600.0 END AS resolution_hours,
                     reopened_count, csat, first_reply_by_bot,
                     {ticket_cut} - floor(epoch(created_at)) <= 86400 AS window_open
              FROM silver('tickets')),
            g AS (
              SELECT CASE WHEN grouping(channel) = 1 THEN 'ALL' ELSE channel END AS channel,
                     CASE WHEN grouping(category) = 1 THEN 'ALL' ELSE category END AS category,
                     CASE WHEN grouping(priority) = 1 THEN 'ALL' ELSE priority END AS priority,
                     count(*) AS tickets, count(reply_hours) AS replied,
                     avg(reply_hours) AS mean, stddev_samp(reply_hours) AS sd,
                     quantile_cont(reply_hours, [0.5, 0.9]) AS q,
                     count(*) FILTER (WHERE reply_hours <= 24) AS within_24h,
                     count(*) FILTER (WHERE reply_hours IS NULL AND window_open) AS pending,
                     count(*) FILTER (WHERE first_reply_by_bot) AS bot_first_replies,
                     quantile_cont(resolution_hours, 0.5) AS resolution_hours_median,
                     avg(CASE WHEN reopened_count > 0 THEN 1.0 ELSE 0.0 END) AS reopen_rate,
                     count(csat) AS csat_responses, avg(CASE WHEN csat >= 4 THEN 1.0 WHEN csat IS NOT NULL THEN 0.0 END) AS csat_top2_share
              FROM t GROUP BY CUBE (channel, category, priority))
            SELECT {m} AS month, channel, category, priority, tickets, replied,
                   mean AS first_reply_hours_mean,
                   mean - {Z} * sd / sqrt(replied) AS first_reply_hours_mean_ci_low,
                   mean + {Z} * sd / sqrt(replied) AS first_reply_hours_mean_ci_high,
                   q[1] AS first_reply_hours_median, q[2] AS first_reply_hours_p90,
                   within_24h, within_24h / (tickets - pending) AS within_24h_share,
                   wilson_low(within_24h, tickets - pending) AS within_24h_ci_low,
                   wilson_high(within_24h, tickets - pending) AS within_24h_ci_high,
                   bot_first_replies, resolution_hours_median, reopen_rate, csat_responses, csat_top2_share,
                   pending
            FROM g ORDER BY channel, category, priority""",
        "coverage": f"""
            WITH d AS (SELECT decision_id, title_zh, title_en, published_at,
                              CAST(timezone({lit(zones["decisions"])}, published_at) AS DATE) AS publish_day
                       FROM silver('decisions')),
                 r AS (SELECT d.decision_id, e.department, a.aware_at IS NOT NULL AS is_aware, a.channel,
                              (epoch(a.aware_at) - epoch(d.published_at)) / 3600.0 AS hours
                       FROM d JOIN silver('roster') e
                         ON e.hire_date <= d.publish_day AND (e.leave_date IS NULL OR e.leave_date >= d.publish_day)
                       LEFT JOIN silver('acknowledgements') a
                         ON a.decision_id = d.decision_id AND a.employee_id = e.employee_id),
                 g AS (SELECT decision_id, CASE WHEN grouping(department) = 1 THEN 'ALL' ELSE department END AS department,
                              count(*) AS employees, count(*) FILTER (WHERE is_aware) AS aware, quantile_cont(hours, 0.5) AS median_hours
                       FROM r GROUP BY GROUPING SETS ((decision_id, department), (decision_id))),
                 c AS (SELECT decision_id, CASE WHEN grouping(department) = 1 THEN 'ALL' ELSE department END AS department,
                              channel, count(*) AS n
                       FROM r WHERE is_aware GROUP BY GROUPING SETS ((decision_id, department, channel), (decision_id, channel))
                       QUALIFY row_number() OVER (PARTITION BY decision_id, department ORDER BY n DESC, channel) = 1)
            SELECT {m} AS month, g.decision_id, d.title_zh, d.title_en, g.department, g.employees, g.aware,
                   g.aware / g.employees AS share,
                   wilson_low(g.aware, g.employees) AS ci_low, wilson_high(g.aware, g.employees) AS ci_high,
                   CAST({COVERAGE_TARGET} AS DOUBLE) AS target, g.aware / g.employees >= {COVERAGE_TARGET} AS meets_target,
                   CASE WHEN wilson_low(g.aware, g.employees) >= {COVERAGE_TARGET} THEN 'met'
                        WHEN wilson_high(g.aware, g.employees) < {COVERAGE_TARGET} THEN 'missed'
                        ELSE 'at_risk' END AS status,
                   g.median_hours AS median_hours_to_aware, c.channel AS top_channel, c.n / g.aware AS top_channel_share
            FROM g JOIN d USING (decision_id) LEFT JOIN c USING (decision_id, department)
            ORDER BY decision_id, department""",
        "satisfaction": f"""
            WITH s AS (SELECT CASE WHEN grouping(department) = 1 THEN 'ALL' ELSE department END AS department,
                              question_id, count(DISTINCT response_id) AS respondents, avg(answer) AS mean,
                              stddev_samp(answer) AS sd, count(*) AS answers, count(*) FILTER (WHERE answer >= 4) AS top2
                       FROM silver('survey_responses')
                       GROUP BY GROUPING SETS ((question_id, department), (question_id))),
                 h AS (SELECT CASE WHEN grouping(department) = 1 THEN 'ALL' ELSE department END AS department,
                              count(*) AS headcount
                       FROM silver('roster')
                       WHERE hire_date <= last_day(DATE {lit(month + "-01")})
                         AND (leave_date IS NULL OR leave_date >= DATE {lit(month + "-01")})
                       GROUP BY GROUPING SETS ((department), ())),
                 j AS (SELECT s.*, h.headcount, s.respondents < {MIN_GROUP_SIZE} AS suppressed
                       FROM s LEFT JOIN h USING (department))
            SELECT {m} AS month, question_id, department, suppressed,
                   CASE WHEN suppressed THEN 'small_group' END AS suppression_reason,
                   CASE WHEN NOT suppressed THEN respondents END AS respondents,
                   CASE WHEN NOT suppressed THEN headcount END AS headcount,
                   CASE WHEN NOT suppressed THEN respondents / headcount END AS response_rate,
                   CASE WHEN NOT suppressed THEN mean END AS mean,
                   CASE WHEN NOT suppressed THEN sd END AS sd,
                   CASE WHEN NOT suppressed THEN mean - {Z} * sd / sqrt(answers) END AS mean_ci_low,
                   CASE WHEN NOT suppressed THEN mean + {Z} * sd / sqrt(answers) END AS mean_ci_high,
                   CASE WHEN NOT suppressed THEN top2 / answers END AS top2_share,
                   CASE WHEN NOT suppressed THEN wilson_low(top2, answers) END AS top2_ci_low,
                   CASE WHEN NOT suppressed THEN wilson_high(top2, answers) END AS top2_ci_high
            FROM j ORDER BY question_id, department""",
        "social_response": f"""
            WITH c AS (SELECT * FROM silver('social_comments')),
                 replies AS (SELECT platform, parent_id, min(created_at) AS reply_at
                             FROM c WHERE is_official_reply AND parent_id IS NOT NULL GROUP BY ALL),
                 i AS (SELECT c.platform, c.sentiment = 'negative' AS negative,
                              CASE WHEN r.reply_at >= c.created_at
                                   THEN (epoch(r.reply_at) - epoch(c.created_at)) / 3600.0 END AS hours,
                              {social_cut} - floor(epoch(c.created_at)) <= 86400 AS window_open
                       FROM c LEFT JOIN replies r ON r.platform = c.platform AND r.parent_id = c.comment_id
                       WHERE c.parent_id IS NULL AND NOT c.is_official_reply),
                 g AS (SELECT CASE WHEN grouping(platform) = 1 THEN 'ALL' ELSE platform END AS platform,
                              count(*) AS inbound, count(hours) AS replied, count(*) FILTER (WHERE hours <= 24) AS replied_24h,
                              count(*) FILTER (WHERE hours IS NULL AND window_open) AS pending,
                              count(*) FILTER (WHERE negative AND hours IS NULL AND window_open) AS negative_pending,
                              quantile_cont(hours, 0.5) AS median_reply_hours,
                              count(*) FILTER (WHERE negative) AS negative_inbound,
                              count(*) FILTER (WHERE negative AND hours <= 24) AS negative_replied_24h,
                              quantile_cont(CASE WHEN negative THEN hours END, 0.5) AS negative_median_reply_hours
                       FROM i GROUP BY GROUPING SETS ((platform), ()))
            SELECT {m} AS month, platform, inbound, replied, replied_24h,
                   replied_24h / (inbound - pending) AS replied_24h_share,
                   wilson_low(replied_24h, inbound - pending) AS replied_24h_ci_low,
                   wilson_high(replied_24h, inbound - pending) AS replied_24h_ci_high,
                   CAST({SOCIAL_TARGET} AS DOUBLE) AS target,
                   -- A 100% target lies outside every proper interval: the point value decides.
                   CASE WHEN replied_24h / (inbound - pending) >= {SOCIAL_TARGET} THEN 'met' ELSE 'missed' END AS status,
                   median_reply_hours, negative_inbound,
                   CASE WHEN negative_inbound > negative_pending
                        THEN negative_replied_24h / (negative_inbound - negative_pending) END AS negative_replied_24h_share,
                   negative_median_reply_hours, pending
            FROM g ORDER BY platform""",
        "mistransmission": f"""
            WITH g AS (SELECT CASE WHEN grouping(from_department) = 1 THEN 'ALL' ELSE from_department END AS department,
                              count(*) AS communications, count(*) FILTER (WHERE misinformation_flag) AS flagged
                       FROM silver('comm_log') GROUP BY GROUPING SETS ((from_department), ())),
                 w AS (SELECT *, flagged / communications AS rate, wilson_low(flagged, communications) AS ci_low,
                              wilson_high(flagged, communications) AS ci_high FROM g)
            SELECT {m} AS month, department, communications, flagged, rate, ci_low, ci_high,
                   CAST({MISTRANSMISSION_TARGET} AS DOUBLE) AS target,
                   CASE WHEN ci_high < {MISTRANSMISSION_TARGET} THEN 'met'
                        WHEN ci_low > {MISTRANSMISSION_TARGET} THEN 'missed' ELSE 'at_risk' END AS status
            FROM w ORDER BY department""",
        "hotspots": f"""
            WITH p AS (SELECT 'internal' AS domain, problem_category AS category FROM silver('comm_log')
                       WHERE problem_category IS NOT NULL
                       UNION ALL
                       SELECT 'customer', category FROM silver('tickets')),
                 c AS (SELECT domain, category, count(*) AS count FROM p GROUP BY ALL)
            SELECT {m} AS month, domain, category, count, count / sum(count) OVER (PARTITION BY domain) AS share,
                   CAST(row_number() OVER (PARTITION BY domain ORDER BY count DESC, category) AS INTEGER) AS rank,
                   CAST(NULL AS BIGINT) AS previous_count, CAST(NULL AS BIGINT) AS change,
                   CAST(NULL AS DOUBLE) AS change_share
            FROM c ORDER BY domain, rank""",
    }


def main(landing, month, out):
    started = time.perf_counter()
    contracts = load_contracts("landing")
    os.makedirs(os.path.join(out, "silver"), exist_ok=True)
    os.makedirs(os.path.join(out, "gold"), exist_ok=True)
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    con.execute(f"""CREATE MACRO wilson_low(k, n) AS CASE WHEN n > 0 THEN
        (k / n + {Z}^2 / (2 * n) - {Z} * sqrt((k / n) * (1 - k / n) / n + {Z}^2 / (4 * n * n))) / (1 + {Z}^2 / n) END""")
    con.execute(f"""CREATE MACRO wilson_high(k, n) AS CASE WHEN n > 0 THEN
        (k / n + {Z}^2 / (2 * n) + {Z} * sqrt((k / n) * (1 - k / n) / n + {Z}^2 / (4 * n * n))) / (1 + {Z}^2 / n) END""")
    silver_dir = os.path.join(out, "silver")
    con.execute(
        f"CREATE MACRO silver(name) AS TABLE SELECT * FROM read_parquet({lit(silver_dir)} || '/' || name || '.parquet')"
    )

    rows_read, rows_dropped, per_source = 0, 0, {}
    silver_started = time.perf_counter()
    for name, contract in sorted(contracts.items()):
        t = time.perf_counter()
        read, dropped = silver(con, landing, month, out, name, contract)
        per_source[name] = round(time.perf_counter() - t, 3)
        rows_read += read
        rows_dropped += dropped
    silver_s = time.perf_counter() - silver_started

    zones = {name: c.get("source_timezone") or "UTC" for name, c in contracts.items()}
    per_table = {}
    gold_started = time.perf_counter()
    for table, query in gold_queries(month, zones).items():
        t = time.perf_counter()
        con.execute(f"COPY ({query}) TO {lit(os.path.join(out, 'gold', table + '.parquet'))} (FORMAT parquet)")
        per_table[table] = round(time.perf_counter() - t, 3)
    gold_s = time.perf_counter() - gold_started
    con.close()
    print(
        json.dumps(
            {
                "rows_read": rows_read,
                "rows_dropped": rows_dropped,
                "silver_s": round(silver_s, 3),
                "gold_s": round(gold_s, 3),
                "total_s": round(time.perf_counter() - started, 3),
                "per_source_s": per_source,
                "per_table_s": per_table,
            }
        )
    )


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: duckdb_peer.py LANDING_DIR MONTH OUT_DIR")
    main(*sys.argv[1:])

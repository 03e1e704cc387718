"""The gold tables are plain Delta tables: delta-rs (the `deltalake` package, no Spark, no JVM) reads them
and finds the same rows, sums and means as Spark (`./commpulse sql`), the same versions and the contract's
columns with their descriptions."""

from __future__ import annotations

import json
import math
from pathlib import Path

from deltalake import DeltaTable

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"

# For each gold table: a count column to sum and a measure to average, where the table has them.
AGGREGATES = {
    "coverage": ("employees", "share"),
    "hotspots": ("count", "share"),
    "kpi_scorecard": (None, "actual"),
    "mistransmission": ("communications", "rate"),
    "response_sla": ("tickets", "first_reply_hours_mean"),
    "satisfaction": ("respondents", "mean"),
    "social_response": ("inbound", "replied_24h_share"),
    "ab_results": ("variant_units", "p_value"),
}


def contract_columns(layer: str, name: str) -> list[dict]:
    """The columns a contract declares, those included through columns_from first (as SchemaCatalog does)."""
    contract = json.loads((SCHEMAS / layer / f"{name}.json").read_text(encoding="utf-8"))
    columns = []
    for fragment in contract.get("columns_from", []):
        columns += contract_columns(*fragment.split(".", 1))
    return columns + contract.get("columns", [])


def gold_tables(lake: Path) -> list[str]:
    return sorted(p.name for p in (lake / "gold").iterdir() if (p / "_delta_log").is_dir())


def test_the_lake_has_the_gold_tables_of_the_contracts(lake):
    expected = {p.stem for p in (SCHEMAS / "gold").glob("*.json") if not p.stem.startswith("_")}
    missing = expected - set(gold_tables(lake)) - {"ab_results"}  # written by the A/B job when experiments ran
    assert not missing, f"gold tables missing from the lake: {sorted(missing)}"


def test_delta_rs_reads_the_same_rows_sums_and_means_as_spark(lake, spark_sql):
    tables = gold_tables(lake)
    parts = []
    for name in tables:
        total, measure = AGGREGATES.get(name, (None, None))
        parts.append(
            f"SELECT '{name}' AS table_name, count(*) AS row_count, "
            f"{f'sum(`{total}`)' if total else 'CAST(NULL AS BIGINT)'} AS total, "
            f"{f'avg(`{measure}`)' if measure else 'CAST(NULL AS DOUBLE)'} AS mean "
            f"FROM gold.{name}"
        )
    spark = {r["table_name"]: r for r in spark_sql(" UNION ALL ".join(parts))}

    for name in tables:
        frame = DeltaTable(str(lake / "gold" / name)).to_pandas()
        total, measure = AGGREGATES.get(name, (None, None))
        assert len(frame) == spark[name]["row_count"], name
        assert len(frame) > 0, f"gold.{name} is empty"
        if total:
            assert int(frame[total].sum()) == spark[name]["total"], f"sum of gold.{name}.{total}"
        if measure:
            mine, theirs = frame[measure].mean(), spark[name]["mean"]
            assert (theirs is None and math.isnan(mine)) or math.isclose(mine, theirs, rel_tol=1e-9), (
                f"mean of gold.{name}.{measure}: delta-rs {mine}, Spark {theirs}"
            )


def test_versions_match_show_tables(lake, spark_sql):
    listed = {r["table"]: r["version"] for r in spark_sql("SHOW TABLES IN gold")}
    for name in gold_tables(lake):
        assert DeltaTable(str(lake / "gold" / name)).version() == listed[f"gold.{name}"], name


def test_columns_and_descriptions_travel_with_the_table(lake):
    for name in gold_tables(lake):
        columns = contract_columns("gold", name)
        fields = DeltaTable(str(lake / "gold" / name)).schema().fields
        assert [f.name for f in fields] == [c["name"] for c in columns], name
        for field, column in zip(fields, columns):
            assert field.metadata.get("comment") == column["description"], f"gold.{name}.{field.name}"

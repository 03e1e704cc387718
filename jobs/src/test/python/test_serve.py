"""`commpulse serve` with real clients: Hive's beeline (JDBC) and PyHive (Python), against `commpulse sql`."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from deltalake import DeltaTable

from endpoint_harness import PASSWORD, REPO, commpulse

AGGREGATE = (
    "SELECT month, count(*) AS decisions, sum(employees) AS employees, sum(aware) AS aware,"
    " round(avg(share), 6) AS mean_share FROM gold.coverage GROUP BY month ORDER BY month"
)


PROMPT = re.compile(r"^\d+: jdbc:hive2://\S+> ", re.MULTILINE)


def rows(done) -> list[dict]:
    """beeline's CSV output, without the prompt it echoes before the header."""
    assert done.returncode == 0, done.stderr[-4000:]
    return list(csv.DictReader(io.StringIO(PROMPT.sub("", done.stdout).strip())))


def sql(lake: Path, statement: str) -> list[dict]:
    return json.loads(commpulse("sql", "--lake", str(lake), "--format", "json", statement).stdout)


@pytest.fixture(scope="module")
def reference(lake) -> list[dict]:
    """AGGREGATE as `commpulse sql` answers it: its own JVM and Spark session, no endpoint."""
    return sql(lake, AGGREGATE)


def coverage_state(lake: Path) -> tuple[int, int]:
    """gold.coverage's row count and version as delta-rs reads them, a reader independent of Spark."""
    table = DeltaTable(str(lake / "gold" / "coverage"))
    return table.to_pyarrow_table().num_rows, table.version()


def as_text(records: list[dict]) -> list[dict]:
    """Values compared as text: the JDBC CSV, the JSON of `commpulse sql` and PyHive's tuples type numbers apart."""
    return [{k: str(v) for k, v in r.items()} for r in records]


def test_show_tables_lists_the_gold_tables(endpoint):
    names = {r["tableName"] for r in rows(endpoint.beeline("SHOW TABLES IN gold"))}
    assert {"coverage", "response_sla", "kpi_scorecard", "social_response"} <= names


def test_describe_shows_the_column_descriptions_of_the_contract(endpoint):
    described = {r["col_name"]: r["comment"] for r in rows(endpoint.beeline("DESCRIBE gold.coverage"))}
    contract = json.loads((REPO / "schemas" / "gold" / "coverage.json").read_text())
    for column in contract["columns"]:
        assert described[column["name"]] == " ".join(column["description"].split()), column["name"]


def test_an_aggregate_over_jdbc_equals_commpulse_sql(endpoint, reference):
    over_jdbc = rows(endpoint.beeline(AGGREGATE))
    assert over_jdbc and int(over_jdbc[0]["decisions"]) > 0
    assert as_text(over_jdbc) == as_text(reference)


def test_a_python_client_gets_the_same_answer(endpoint, reference):
    from pyhive import hive

    connection = hive.connect(
        host="127.0.0.1", port=endpoint.port, username="analyst", password=PASSWORD, auth="CUSTOM", database="gold"
    )
    try:
        cursor = connection.cursor()
        cursor.execute(AGGREGATE)
        columns = [d[0] for d in cursor.description]
        over_python = [dict(zip(columns, r)) for r in cursor.fetchall()]
    finally:
        connection.close()
    assert as_text(over_python) == as_text(reference)


def test_writes_are_refused_and_the_table_is_unchanged(endpoint, lake):
    before = coverage_state(lake)
    for write in (
        "DELETE FROM gold.coverage",
        "DROP TABLE gold.coverage",
        "INSERT INTO gold.coverage SELECT * FROM gold.coverage",
        "VACUUM gold.coverage RETAIN 0 HOURS",
    ):
        refused = endpoint.beeline(write)
        assert refused.returncode != 0, write
        assert "sql is read-only" in refused.stdout + refused.stderr, write
    assert coverage_state(lake) == before
    assert rows(endpoint.beeline("SELECT count(*) AS n FROM gold.coverage"))[0]["n"] == str(before[0])


def test_a_wrong_password_is_refused(endpoint, tmp_path):
    wrong = tmp_path / "wrong"
    wrong.write_text("not-the-password\n")
    refused = endpoint.beeline("SELECT 1", password_file=wrong)
    assert refused.returncode != 0
    assert "Error validating the login" in refused.stdout + refused.stderr

    from pyhive import hive
    from thrift.transport.TTransport import TTransportException

    with pytest.raises(TTransportException):
        hive.connect(host="127.0.0.1", port=endpoint.port, username="analyst", password="guess", auth="CUSTOM")


def test_spark_connect_reads_tables_by_name_and_refuses_dataframe_writes(endpoint, lake, reference):
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.remote(endpoint.connect_url()).getOrCreate()
    try:
        over_connect = [r.asDict() for r in spark.sql(AGGREGATE).collect()]
        assert as_text(over_connect) == as_text(reference)
        table = spark.table("gold.coverage")
        before = coverage_state(lake)
        assert table.count() == before[0]
        writes = {
            "append by path": lambda: (
                table.limit(1).write.format("delta").mode("append").save(str(lake / "gold" / "coverage"))
            ),
            "saveAsTable": lambda: table.limit(1).write.saveAsTable("gold.copy"),
            "writeTo": lambda: table.limit(1).writeTo("gold.coverage").append(),
            "sql": lambda: spark.sql("DELETE FROM gold.coverage").collect(),
        }
        for name, write in writes.items():
            with pytest.raises(Exception, match="sql is read-only"):
                write()
        assert coverage_state(lake) == before
        assert not (lake / "gold" / "copy").exists()
    finally:
        spark.stop()


def test_the_notebooks_take_a_connect_url_for_their_lake(endpoint):
    import sys

    sys.path.insert(0, str(REPO / "notebooks"))
    try:
        import commpulse_lake
    finally:
        sys.path.pop(0)
    spark = commpulse_lake.spark_session("endpoint test", endpoint.connect_url())
    try:
        names = commpulse_lake.register_tables(spark, endpoint.connect_url(), layers=["gold"])
        assert "gold.coverage" in names
        assert commpulse_lake.latest_month(spark, "gold.coverage")
    finally:
        spark.stop()


@pytest.mark.parametrize("notebook", ["satisfaction_drilldown", "response_times", "ab_deep_dive"])
def test_each_notebook_runs_against_the_endpoint(endpoint, notebook, tmp_path, monkeypatch):
    """The notebooks as an analyst runs them, with the Connect URL as their one parameter: no Spark of their own."""
    import nbformat
    import papermill

    monkeypatch.setenv("COMMPULSE_LAKE", endpoint.connect_url())
    output = tmp_path / f"{notebook}.ipynb"
    papermill.execute_notebook(
        str(REPO / "notebooks" / f"{notebook}.ipynb"),
        str(output),
        cwd=str(REPO / "notebooks"),
        kernel_name="python3",
        progress_bar=False,
        log_output=False,
        execution_timeout=1800,
    )
    nb = nbformat.read(output, as_version=4)
    images = sum(
        1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if "image/png" in o.get("data", {})
    )
    assert images >= 1, f"{notebook} drew no chart over the endpoint"


def test_a_wrong_connect_token_is_refused(endpoint):
    from pyspark.sql import SparkSession

    with pytest.raises(Exception):
        SparkSession.builder.remote(endpoint.connect_url("not-the-token")).create().range(1).collect()

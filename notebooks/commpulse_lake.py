"""Shared set-up of the commpulse notebooks: one local Spark session with Delta Lake, and every Delta
table of the lake registered as ``layer.table`` (the names ``./commpulse sql`` uses). The notebooks' ``lake``
parameter may instead be a Spark Connect URL of ``./commpulse serve --connect-port N``
(``sc://localhost:15002/;token=...``): the session is then the endpoint's, where the tables are registered already.

The notebooks only read the lake. Delta's jars must match the pinned ``delta-spark`` package; they are
taken, in this order, from ``COMMPULSE_DELTA_JARS`` (comma-separated paths), from the local Maven
repository that the jobs build fills (``~/.m2/repository``, or ``COMMPULSE_MAVEN_REPO``), or downloaded
from Maven Central by ``delta.configure_spark_with_delta_pip``.
"""

from __future__ import annotations

import os
import tempfile
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parent.parent
SCHEMAS = REPO / "schemas"
LAYERS = ("bronze", "silver", "gold", "ops")


def lake_uri(lake: str) -> str:
    """A lake location as Spark expects it: URIs (s3a:, hdfs:, file:) unchanged, local paths absolute."""
    scheme = urlparse(lake).scheme
    if len(scheme) > 1:
        return lake.rstrip("/")
    return Path(lake).expanduser().resolve().as_uri().rstrip("/")


def delta_jars() -> list[str] | None:
    """Jars of the installed delta-spark version, or None when they are not on this machine."""
    configured = os.environ.get("COMMPULSE_DELTA_JARS", "").strip()
    if configured:
        jars = [j.strip() for j in configured.split(",") if j.strip()]
        missing = [j for j in jars if not Path(j).is_file()]
        if missing:
            raise FileNotFoundError(f"COMMPULSE_DELTA_JARS names missing files: {missing}")
        return jars
    delta = version("delta-spark")
    repo = Path(os.environ.get("COMMPULSE_MAVEN_REPO", Path.home() / ".m2" / "repository"))
    jars = [
        repo / "io" / "delta" / "delta-spark_2.13" / delta / f"delta-spark_2.13-{delta}.jar",
        repo / "io" / "delta" / "delta-storage" / delta / f"delta-storage-{delta}.jar",
    ]
    return [str(j) for j in jars] if all(j.is_file() for j in jars) else None


def is_connect_url(lake: str | None) -> bool:
    """A Spark Connect endpoint (``sc://host:port/;token=...``) rather than a lake folder or URI."""
    return bool(lake) and urlparse(lake).scheme == "sc"


def spark_session(app_name: str = "commpulse notebook", lake: str | None = None):
    """The notebook's SparkSession: local, UTC, Delta enabled, quiet; or the endpoint's when ``lake`` is a Connect URL."""
    from pyspark.sql import SparkSession

    if is_connect_url(lake):
        return SparkSession.builder.remote(lake).getOrCreate()

    builder = (
        SparkSession.builder.appName(app_name)
        .master(os.environ.get("COMMPULSE_SPARK_MASTER", "local[2]"))
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", os.environ.get("COMMPULSE_DRIVER_MEMORY", "2g"))
        .config("spark.ui.showConsoleProgress", "false")
        # CREATE DATABASE makes a folder per layer; keep it out of the working directory.
        .config("spark.sql.warehouse.dir", tempfile.mkdtemp(prefix="commpulse-warehouse-"))
        # Delta replays a small table's log in 50 partitions by default: pure overhead on a laptop.
        .config("spark.databricks.delta.snapshotPartitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
    )
    jars = delta_jars()
    if jars:
        builder = builder.config("spark.jars", ",".join(jars))
    else:
        from delta import configure_spark_with_delta_pip

        builder = configure_spark_with_delta_pip(builder)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def contract_tables(layers=LAYERS) -> list[tuple[str, str]]:
    """(layer, table) of every table contract in schemas/, landing sources and fragments excluded."""
    return [
        (layer, f.stem)
        for layer in layers
        for f in sorted((SCHEMAS / layer).glob("*.json"))
        if not f.stem.startswith("_")
    ]


def _is_delta_table(spark, path: str) -> bool:
    if path.startswith("file:"):
        return (Path(urlparse(path).path) / "_delta_log").is_dir()
    from delta.tables import DeltaTable

    return DeltaTable.isDeltaTable(spark, path)


def register_tables(spark, lake: str, layers=LAYERS) -> list[str]:
    """Registers every Delta table of the lake (in ``layers``) as ``layer.table``; returns their names.

    Over Spark Connect the endpoint has registered them (and refuses CREATE): only the names are looked up.
    """
    if is_connect_url(lake):
        names = [
            f"{layer}.{table}"
            for layer, table in contract_tables(layers)
            if spark.catalog.tableExists(f"{layer}.{table}")
        ]
        if not names:
            raise FileNotFoundError(f"the endpoint at {lake.split(';')[0]} serves no tables of layers {list(layers)}")
        return names
    root = lake_uri(lake)
    names = []
    for layer, table in contract_tables(layers):
        path = f"{root}/{layer}/{table}"
        if not _is_delta_table(spark, path):
            continue
        spark.sql(f"CREATE DATABASE IF NOT EXISTS {layer}")
        location = path.replace("'", "\\'")
        spark.sql(f"CREATE TABLE IF NOT EXISTS {layer}.{table} USING delta LOCATION '{location}'")
        names.append(f"{layer}.{table}")
    if not names:
        raise FileNotFoundError(
            f"no Delta tables under {root}: build a lake with `./commpulse run --month YYYY-MM --landing DIR "
            f"--lake DIR`, then point the notebook at it (parameter `lake` or env COMMPULSE_LAKE)"
        )
    return names


def latest_month(spark, table: str) -> str:
    """The most recent month partition of a table."""
    return spark.sql(f"SELECT max(month) AS m FROM {table}").first()["m"]

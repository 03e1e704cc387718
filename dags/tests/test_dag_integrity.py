"""The DAG folder parses cleanly, without touching Variables or Connections, and every DAG is well kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from dag_harness import DAGS

EXPECTED_DAGS = {"commpulse_monthly", "commpulse_daily"}
SOURCES = [
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
]


def _refuse(*args, **kwargs):
    raise AssertionError("a DAG file read a Variable or Connection while being parsed")


@pytest.fixture(scope="module")
def dagbag():
    """Parses the DAG folder the way the DAG processor does, with every Variable/Connection lookup refused."""
    import airflow.models.connection
    import airflow.models.variable
    import airflow.sdk
    import airflow.sdk.execution_time.context as task_context
    from airflow.dag_processing.dagbag import BundleDagBag
    from airflow.sdk.bases.hook import BaseHook

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(airflow.sdk.Variable, "get", _refuse)
        mp.setattr(airflow.sdk.Connection, "get", _refuse)
        mp.setattr(BaseHook, "get_connection", _refuse)
        mp.setattr(task_context, "_get_variable", _refuse)
        mp.setattr(task_context, "_get_connection", _refuse)
        mp.setattr(airflow.models.variable.Variable, "get", _refuse)
        mp.setattr(airflow.models.connection.Connection, "get_connection_from_secrets", _refuse)
        return BundleDagBag(DAGS, bundle_path=DAGS, bundle_name="dags-folder")


def test_no_import_errors(dagbag):
    assert dagbag.import_errors == {}


def test_expected_dags_only(dagbag):
    assert set(dagbag.dag_ids) == EXPECTED_DAGS


def test_ignored_files_are_not_parsed(dagbag):
    parsed = {Path(dag.fileloc).name for dag in dagbag.dags.values()}
    assert parsed == {"commpulse_monthly.py", "commpulse_daily.py"}


@pytest.mark.parametrize("dag_id", sorted(EXPECTED_DAGS))
def test_dag_is_documented_and_retried(dagbag, dag_id):
    dag = dagbag.dags[dag_id]
    assert dag.tags and "commpulse" in dag.tags
    assert dag.doc_md and "commpulse_" in dag.doc_md
    assert dag.max_active_runs == 1
    for task in dag.tasks:
        assert task.owner == "commpulse", task.task_id
        assert task.retries >= 2, task.task_id
        assert task.retry_delay.total_seconds() > 0, task.task_id


@pytest.mark.parametrize("dag_id", sorted(EXPECTED_DAGS))
def test_every_task_submits_the_jar_to_the_spark_connection(dagbag, dag_id):
    from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

    for task in dagbag.dags[dag_id].tasks:
        assert isinstance(task, SparkSubmitOperator), task.task_id
        assert task._conn_id == "spark_default"
        assert task._java_class == "io.commpulse.cli.CommPulse"
        assert "commpulse_jar" in task.application
        assert "commpulse-spark.jar" in task.application
        assert "--month" in task.application_args
        assert task.conf["spark.sql.shuffle.partitions"]


def test_monthly_catches_up_from_january_2026(dagbag):
    dag = dagbag.dags["commpulse_monthly"]
    # The test environment turns catch-up off ([commpulse] catchup); the DAG's own default is on.
    from airflow.sdk import conf

    assert conf.getboolean("commpulse", "catchup") is False and dag.catchup is False
    source = (DAGS / "commpulse_monthly.py").read_text()
    assert 'conf.getboolean("commpulse", "catchup", fallback=True)' in source
    assert dag.start_date.year == 2026 and dag.start_date.month == 2 and dag.start_date.day == 1


def test_monthly_catchup_defaults_on(monkeypatch):
    import importlib

    import commpulse_monthly

    monkeypatch.delenv("AIRFLOW__COMMPULSE__CATCHUP")
    try:
        assert importlib.reload(commpulse_monthly).dag.catchup is True
    finally:
        monkeypatch.setenv("AIRFLOW__COMMPULSE__CATCHUP", "False")
        importlib.reload(commpulse_monthly)


def test_daily_does_not_catch_up(dagbag):
    assert dagbag.dags["commpulse_daily"].catchup is False


def test_monthly_shape(dagbag):
    dag = dagbag.dags["commpulse_monthly"]
    ingest = [f"ingest.{s}" for s in SOURCES]
    assert sorted(t.task_id for t in dag.tasks) == sorted(
        ingest + ["silver", "restate_previous", "gold", "restate_next", "quality_gate", "report", "maintain"]
    )
    assert dag.get_task("silver").upstream_task_ids == set(ingest)
    assert dag.get_task("restate_previous").upstream_task_ids == {"silver"}
    assert dag.get_task("gold").upstream_task_ids == {"restate_previous"}
    assert dag.get_task("restate_next").upstream_task_ids == {"gold"}
    assert dag.get_task("quality_gate").upstream_task_ids == {"restate_next"}
    assert dag.get_task("report").upstream_task_ids == {"quality_gate"}
    assert dag.get_task("maintain").upstream_task_ids == {"report"}


def test_daily_shape(dagbag):
    dag = dagbag.dags["commpulse_daily"]
    ingest = [f"ingest.{s}" for s in SOURCES]
    assert sorted(t.task_id for t in dag.tasks) == sorted(ingest + ["silver"])
    assert dag.get_task("silver").upstream_task_ids == set(ingest)


def test_dags_serialize(dagbag):
    from airflow.serialization.serialized_objects import DagSerialization

    for dag in dagbag.dags.values():
        restored = DagSerialization.deserialize_dag(DagSerialization.serialize_dag(dag))
        assert restored.dag_id == dag.dag_id
        assert set(restored.task_ids) == set(dag.task_ids)


def test_readme_documents_every_variable():
    import commpulse_pipeline

    readme = (DAGS / "README.md").read_text()
    for setting in commpulse_pipeline.SETTINGS:
        assert f"`{setting.key}`" in readme, setting.key


def test_the_parse_guard_catches_a_variable_read_at_parse_time(tmp_path):
    """The refusal above really fires: a DAG file that reads a Variable at top level fails to import."""
    (tmp_path / "reads_variable.py").write_text(
        "from airflow.sdk import DAG, Variable\n"
        "lake = Variable.get('commpulse_lake')\n"
        "dag = DAG('reads_variable', schedule=None)\n"
    )
    import airflow.sdk
    from airflow.dag_processing.dagbag import BundleDagBag

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(airflow.sdk.Variable, "get", _refuse)
        bag = BundleDagBag(tmp_path, bundle_path=tmp_path, bundle_name="guard-check")
    assert "reads_variable" not in bag.dags
    assert any("read a Variable or Connection" in error for error in bag.import_errors.values())

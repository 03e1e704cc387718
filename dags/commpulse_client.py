#!/usr/bin/env python3
"""Command-line client for the data team: run commpulse months on an Airflow 3 server through its REST API.

    python dags/commpulse_client.py trigger --month 2026-10 [--wait] [--rerun]
    python dags/commpulse_client.py backfill --from 2026-01 --to 2026-10 [--wait] [--reprocess failed]
    python dags/commpulse_client.py status --run-id RUN_ID [--wait]

The server and credentials come from the environment (defaults suit `airflow standalone` on this machine):
    COMMPULSE_AIRFLOW_URL       base URL of the API server       (default http://localhost:8080)
    COMMPULSE_AIRFLOW_USER      user name                        (default admin)
    COMMPULSE_AIRFLOW_PASSWORD  password; when unset, read from AIRFLOW_HOME's
                                simple_auth_manager_passwords.json.generated (airflow standalone writes it)

A month M is the run whose logical date is the 1st of the month after M at 00:00 UTC: that is when the
schedule of commpulse_monthly fires for M, so a triggered run and a scheduled run of a month are the same run.
Exit status: 0 when the run (or every backfilled run) succeeded or was only submitted, 1 when one failed,
2 on bad usage or when the server cannot be reached.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import requests

import airflow_client.client as airflow
from airflow_client.client.api.backfill_api import BackfillApi
from airflow_client.client.api.dag_api import DAGApi
from airflow_client.client.api.dag_run_api import DagRunApi
from airflow_client.client.api.task_instance_api import TaskInstanceApi
from airflow_client.client.exceptions import ApiException
from airflow_client.client.models.backfill_post_body import BackfillPostBody
from airflow_client.client.models.dag_patch_body import DAGPatchBody
from airflow_client.client.models.dag_run_clear_body import DAGRunClearBody
from airflow_client.client.models.reprocess_behavior import ReprocessBehavior
from airflow_client.client.models.trigger_dag_run_post_body import TriggerDAGRunPostBody

DAG_ID = "commpulse_monthly"
FINISHED = {"success", "failed"}
TASK_FINISHED = {"success", "failed", "skipped", "upstream_failed", "removed"}


class ClientError(Exception):
    """A problem the user can fix: bad input, unreachable server, refused credentials."""


def parse_month(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise argparse.ArgumentTypeError(f"'{text}' is not a month; use YYYY-MM, e.g. 2026-10")
    return int(match.group(1)), int(match.group(2))


def month_logical_date(month: tuple[int, int]) -> datetime:
    """The logical date of month M's run: the 1st of the following month, 00:00 UTC."""
    year, mon = month
    return datetime(year + mon // 12, mon % 12 + 1, 1, tzinfo=timezone.utc)


def month_name(month: tuple[int, int]) -> str:
    return "%04d-%02d" % month


def default_password() -> str | None:
    password = os.environ.get("COMMPULSE_AIRFLOW_PASSWORD")
    if password:
        return password
    home = Path(os.environ.get("AIRFLOW_HOME", Path.home() / "airflow"))
    generated = home / "simple_auth_manager_passwords.json.generated"
    if generated.is_file():
        users = json.loads(generated.read_text())
        return users.get(os.environ.get("COMMPULSE_AIRFLOW_USER", "admin"))
    return None


def connect(base_url: str, user: str, password: str | None, timeout: float = 30) -> airflow.ApiClient:
    """Gets a JWT from `POST /auth/token` and returns an API client that sends it."""
    base_url = base_url.rstrip("/")
    try:
        response = requests.post(
            f"{base_url}/auth/token", json={"username": user, "password": password or ""}, timeout=timeout
        )
    except requests.RequestException as e:
        raise ClientError(f"cannot reach Airflow at {base_url}: {e.__class__.__name__}") from e
    if response.status_code in (401, 403):
        raise ClientError(f"Airflow at {base_url} refused user '{user}' (set COMMPULSE_AIRFLOW_USER/PASSWORD)")
    if response.status_code >= 400:
        raise ClientError(f"Airflow at {base_url} answered {response.status_code} to POST /auth/token")
    token = response.json()["access_token"]
    return airflow.ApiClient(airflow.Configuration(host=base_url, access_token=token))


class Airflow:
    """The few calls the commpulse commands need, with errors turned into one-line messages."""

    def __init__(self, api: airflow.ApiClient, dag_id: str = DAG_ID, out=sys.stdout) -> None:
        self.dags = DAGApi(api)
        self.runs = DagRunApi(api)
        self.tasks = TaskInstanceApi(api)
        self.backfills = BackfillApi(api)
        self.dag_id = dag_id
        self.out = out

    def say(self, message: str) -> None:
        print(message, file=self.out, flush=True)

    def ensure_unpaused(self) -> None:
        dag = self._call(self.dags.get_dag, self.dag_id)
        if dag.is_paused:
            self._call(self.dags.patch_dag, self.dag_id, DAGPatchBody(is_paused=False))
            self.say(f"unpaused {self.dag_id} (runs of a paused DAG never start)")

    def find_run(self, logical_date: datetime):
        runs = self._call(
            self.runs.get_dag_runs, self.dag_id, logical_date_gte=logical_date, logical_date_lte=logical_date, limit=1
        )
        return runs.dag_runs[0] if runs.dag_runs else None

    def trigger(self, month: tuple[int, int], rerun: bool) -> str:
        logical_date = month_logical_date(month)
        existing = self.find_run(logical_date)
        if existing is not None:
            if not rerun:
                raise ClientError(
                    f"{self.dag_id} already has run {existing.dag_run_id} for {month_name(month)} "
                    f"(state {existing.state}); add --rerun to clear and run it again"
                )
            self._call(self.runs.clear_dag_run, self.dag_id, existing.dag_run_id, DAGRunClearBody(dry_run=False))
            self.say(f"cleared run {existing.dag_run_id} for {month_name(month)}")
            return existing.dag_run_id
        body = TriggerDAGRunPostBody(
            dag_run_id=f"manual__{month_name(month)}__{datetime.now(timezone.utc):%Y%m%dT%H%M%S}",
            logical_date=logical_date,
            conf={},
            note=f"commpulse month {month_name(month)}, triggered with commpulse_client",
        )
        run = self._call(self.runs.trigger_dag_run, self.dag_id, body)
        self.say(
            f"triggered {self.dag_id} run {run.dag_run_id} for {month_name(month)} "
            f"(logical date {logical_date:%Y-%m-%d})"
        )
        return run.dag_run_id

    def backfill(self, first: tuple[int, int], last: tuple[int, int], reprocess: str) -> int:
        body = BackfillPostBody(
            dag_id=self.dag_id,
            from_date=month_logical_date(first),
            to_date=month_logical_date(last),
            max_active_runs=1,
            reprocess_behavior=ReprocessBehavior(reprocess),
            run_backwards=False,
        )
        backfill = self._call(self.backfills.create_backfill, body)
        self.say(f"backfill {backfill.id} of {self.dag_id} for {month_name(first)} .. {month_name(last)} created")
        return backfill.id

    def backfill_runs(self, first: tuple[int, int], last: tuple[int, int]) -> list:
        runs = self._call(
            self.runs.get_dag_runs,
            self.dag_id,
            logical_date_gte=month_logical_date(first),
            logical_date_lte=month_logical_date(last),
            order_by=["logical_date"],
            limit=100,
        )
        return list(runs.dag_runs)

    def wait(self, run_id: str, poll: float, timeout: float) -> str:
        """Polls the run until it finishes, printing each task's state as it changes; returns the run state."""
        deadline = time.monotonic() + timeout
        seen: dict[str, str] = {}
        while True:
            run = self._call(self.runs.get_dag_run, self.dag_id, run_id)
            for ti in self._call(self.tasks.get_task_instances, self.dag_id, run_id, limit=100).task_instances:
                state = ti.state.value if ti.state is not None else "none"
                if seen.get(ti.task_id) != state:
                    seen[ti.task_id] = state
                    tries = f" (try {ti.try_number})" if ti.try_number and ti.try_number > 1 else ""
                    self.say(f"  {ti.task_id:<32} {state}{tries}")
            state = run.state.value if run.state is not None else "none"
            if state in FINISHED:
                self.say(f"run {run_id}: {state}")
                return state
            if time.monotonic() > deadline:
                raise ClientError(f"run {run_id} still {state} after {timeout:.0f} s")
            time.sleep(poll)

    def failed_tasks(self, run_id: str) -> list[str]:
        tis = self._call(self.tasks.get_task_instances, self.dag_id, run_id, limit=100).task_instances
        return [ti.task_id for ti in tis if ti.state is not None and ti.state.value in ("failed", "upstream_failed")]

    def _call(self, method, *args, **kwargs):
        try:
            return method(*args, **kwargs)
        except ApiException as e:
            detail = e.body
            try:
                detail = json.loads(e.body).get("detail", e.body)
            except (TypeError, ValueError, AttributeError):
                pass
            raise ClientError(f"{method.__name__} failed: HTTP {e.status} {detail}") from e
        except requests.RequestException as e:
            raise ClientError(f"{method.__name__} failed: {e}") from e
        except Exception as e:  # urllib3 connection errors from the generated client
            if e.__class__.__module__.startswith("urllib3"):
                raise ClientError(f"{method.__name__} failed: {e.__class__.__name__}: {e}") from e
            raise


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="commpulse_client",
        description="Trigger, backfill and watch commpulse months on Airflow.",
        epilog="Environment: COMMPULSE_AIRFLOW_URL, COMMPULSE_AIRFLOW_USER, COMMPULSE_AIRFLOW_PASSWORD.",
    )
    parser.add_argument(
        "--url",
        default=os.environ.get("COMMPULSE_AIRFLOW_URL", "http://localhost:8080"),
        help="Airflow API server base URL (default: %(default)s)",
    )
    parser.add_argument("--user", default=os.environ.get("COMMPULSE_AIRFLOW_USER", "admin"))
    parser.add_argument("--dag", default=DAG_ID, help="DAG to run (default: %(default)s)")
    parser.add_argument("--poll", type=float, default=5.0, help="seconds between polls when waiting")
    parser.add_argument("--timeout", type=float, default=6 * 3600, help="give up waiting after this many seconds")
    commands = parser.add_subparsers(dest="command", required=True)

    trigger = commands.add_parser("trigger", help="run one month")
    trigger.add_argument("--month", type=parse_month, required=True, metavar="YYYY-MM")
    trigger.add_argument("--wait", action="store_true", help="wait for the run and print task states")
    trigger.add_argument("--rerun", action="store_true", help="clear and rerun the month if it already has a run")

    backfill = commands.add_parser("backfill", help="run a range of months, oldest first")
    backfill.add_argument("--from", dest="first", type=parse_month, required=True, metavar="YYYY-MM")
    backfill.add_argument("--to", dest="last", type=parse_month, required=True, metavar="YYYY-MM")
    backfill.add_argument(
        "--reprocess",
        choices=[b.value for b in ReprocessBehavior],
        default="failed",
        help="months that already have a run: rerun none, the failed ones, or all (completed) (default: %(default)s)",
    )
    backfill.add_argument("--wait", action="store_true", help="wait for every month and print task states")

    status = commands.add_parser("status", help="show a run and its task states")
    status.add_argument("--run-id", required=True)
    status.add_argument("--wait", action="store_true", help="wait until the run finishes")
    return parser


def run(argv: list[str] | None = None, out=sys.stdout) -> int:
    args = build_parser().parse_args(argv)
    try:
        client = Airflow(connect(args.url, args.user, default_password()), args.dag, out)
        if args.command == "trigger":
            # Trigger before unpausing: unpausing first lets the scheduler create its own run for the
            # same logical date, and the trigger would then collide with it.
            run_id = client.trigger(args.month, args.rerun)
            client.ensure_unpaused()
            if not args.wait:
                return 0
            return finish(client, run_id, args)
        if args.command == "backfill":
            if month_logical_date(args.first) > month_logical_date(args.last):
                raise ClientError(f"--from {month_name(args.first)} is after --to {month_name(args.last)}")
            client.ensure_unpaused()
            client.backfill(args.first, args.last, args.reprocess)
            if not args.wait:
                return 0
            failed = 0
            for dag_run in client.backfill_runs(args.first, args.last):
                failed += finish(client, dag_run.dag_run_id, args)
            return 1 if failed else 0
        if args.command == "status":
            if args.wait:
                return finish(client, args.run_id, args)
            dag_run = client._call(client.runs.get_dag_run, client.dag_id, args.run_id)
            client.say(f"run {dag_run.dag_run_id}: {dag_run.state.value} (logical date {dag_run.logical_date})")
            for ti in client._call(
                client.tasks.get_task_instances, client.dag_id, args.run_id, limit=100
            ).task_instances:
                client.say(f"  {ti.task_id:<32} {ti.state.value if ti.state else 'none'}")
            return 0 if dag_run.state.value != "failed" else 1
    except ClientError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 2


def finish(client: Airflow, run_id: str, args) -> int:
    client.say(f"waiting for {run_id} ...")
    state = client.wait(run_id, args.poll, args.timeout)
    if state != "success":
        client.say("failed tasks: " + ", ".join(client.failed_tasks(run_id)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(run())

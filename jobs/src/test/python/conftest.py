"""Fixtures of the SQL endpoint tests: a generated lake, and `./commpulse serve` over it on a free port (helpers
in endpoint_harness.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from endpoint_harness import (
    JAR,
    LAUNCHER,
    MONTH,
    PASSWORD,
    REPO,
    TEST_JVM,
    Endpoint,
    commpulse,
    free_port,
    port_open,
    require,
    spark_jars,
)

_exit_status = 0


def pytest_sessionfinish(session, exitstatus):
    global _exit_status
    _exit_status = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    # The Spark Connect client leaves non-daemon gRPC threads behind; once the run is reported they would keep
    # the interpreter, and so the test command, from ever exiting.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_exit_status)


@pytest.fixture(scope="session")
def jars() -> Path:
    folder = spark_jars()
    require(folder is not None, "Spark's Thrift server jars not found (run scripts/setup-python.sh, or set SPARK_HOME)")
    return folder


@pytest.fixture(scope="session")
def lake(tmp_path_factory, jars) -> Path:
    given = os.environ.get("COMMPULSE_TEST_LAKE")
    if given:
        return Path(given).resolve()
    # The notebook tests' lake (notebooks/tests/conftest.py), built once per pytest run by whichever needs it first.
    work = tmp_path_factory.getbasetemp() / "generated-lake"
    if not (work / "built").is_file():
        work.mkdir(exist_ok=True)
        commpulse("generate", "--month", MONTH, "--scale", "0.01", "--seed", "7", "--out", str(work / "landing"))
        commpulse(
            "run", "--month", MONTH, "--landing", str(work / "landing"), "--lake", str(work / "lake"), "--demo-key"
        )
        (work / "built").touch()
    return work / "lake"


@pytest.fixture(scope="session")
def endpoint(lake, jars, tmp_path_factory):
    """`./commpulse serve` on a free loopback port; stopped (SIGTERM), and its port checked closed, at the end."""
    require(JAR.is_file(), f"{JAR.relative_to(REPO)} is not built (mvn -B -q -DskipTests package)")
    work = tmp_path_factory.mktemp("serve")
    password_file = work / "password"
    password_file.write_text(PASSWORD + "\n")
    password_file.chmod(0o600)
    port = free_port()
    connect_port = free_port()
    env = {**os.environ, "COMMPULSE_SKIP_BUILD": "1", **TEST_JVM, "COMMPULSE_SPARK_JARS": str(jars)}
    env.pop("COMMPULSE_SERVE_PASSWORD", None)
    process = subprocess.Popen(
        [
            str(LAUNCHER),
            "serve",
            "--lake",
            str(lake),
            "--metastore",
            str(work / "metastore"),
            "--port",
            str(port),
            "--connect-port",
            str(connect_port),
            "--password-file",
            str(password_file),
        ],
        cwd=work,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(process.stderr), daemon=True).start()
    ready = process.stdout.readline()
    try:
        if not ready.startswith("serving "):
            process.wait(timeout=30)
            raise AssertionError(f"serve did not start ({process.returncode}): {ready}\n{''.join(log)[-4000:]}")
        deadline = time.time() + 60
        while not (port_open(port) and port_open(connect_port)):
            assert time.time() < deadline, f"port {port} not open:\n{''.join(log)[-4000:]}"
            time.sleep(0.5)
        yield Endpoint(port, connect_port, password_file, jars, process, log)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=30)
        assert not port_open(port) and not port_open(connect_port), "a port is still open after serve stopped"

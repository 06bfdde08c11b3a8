"""A real server on a free localhost port: one Streamlit process as `make run` starts it, or
nginx and replicas as `make serve` does. Under pytest-xdist each worker takes its ports from its
own range (gw0 from 20000, gw1 from 21000, ...), so that workers never race for one port."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from inklusi import config
from inklusi.config import REPO

PORTS_PER_WORKER = 1000
_taken: set[int] = set()

# A test of make serve: skipped where Debian's nginx is not installed.
NEEDS_NGINX = pytest.mark.skipif(
    not shutil.which("nginx", path=os.environ["PATH"] + ":/usr/sbin"),
    reason="nginx is not installed (apt-get install nginx; .ci/run does)",
)


def free_port() -> int:
    """A port no other process listens on: from this xdist worker's own range, or any free one
    outside pytest-xdist."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker.startswith("gw"):
        return _bound(0)
    start = 20000 + PORTS_PER_WORKER * int(worker[2:])
    for port in range(start, start + PORTS_PER_WORKER):
        if port not in _taken and _bound(port):
            _taken.add(port)
            return port
    raise RuntimeError(f"no free port left in {start}-{start + PORTS_PER_WORKER} for {worker}")


def _bound(port: int) -> int:
    """The port bound (0: any free one), or 0 when it is in use."""
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return 0
        return s.getsockname()[1]


def _healthy(base: str) -> bool:
    try:
        return urllib.request.urlopen(f"{base}/_stcore/health", timeout=2).read() == b"ok"
    except OSError:
        return False


def _stop(process: subprocess.Popen, seconds: float) -> None:
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def server(extra_env: dict | None = None, extra_args: tuple[str, ...] = (), log: Path | None = None):
    """`streamlit run dashboard.py` on a free port; yields its base URL. Its output goes to log
    (a file the caller can read for warnings), or nowhere."""
    with streamlit_process(extra_env, extra_args, log) as (base, _):
        yield base


@contextmanager
def streamlit_process(extra_env: dict | None = None, extra_args: tuple[str, ...] = (), log: Path | None = None):
    """As server(); yields (base URL, process)."""
    port = free_port()
    env = os.environ | (extra_env or {})
    output = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115 (closed below)
    dashboard = [str(REPO / "dashboard.py"), "--server.port", str(port), "--server.address", "127.0.0.1"]
    process = _start(["streamlit", "run", *dashboard, "--server.headless", "true", *extra_args], env, output)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while not _healthy(base):
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.1)
        yield base, process
    finally:
        _stop(process, 10)
        if log:
            output.close()


def _start(module_args: list[str], env: dict, output) -> subprocess.Popen:
    """`python -m ...` in the repository, its output (both streams) to output."""
    return subprocess.Popen(
        [sys.executable, "-m", *module_args], cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT, text=True
    )


@contextmanager
def served(replicas: int = 2, extra_env: dict | None = None):
    """`python -m inklusi serve` (nginx in front of `replicas` replicas) on free ports; yields
    (base URL, run folder). The run folder's state.json names every process and its pid.
    Stopping the supervisor stops nginx and the replicas (they also die with it if it is killed)."""
    port = free_port()
    env = (
        os.environ
        | {
            "INKLUSI_SERVE_PORT": str(port),
            "INKLUSI_SERVE_ADDRESS": "127.0.0.1",
            "INKLUSI_REPLICA_PORT": "0",
            "REPLICAS": str(replicas),
        }
        | (extra_env or {})
    )
    run = config.build_dir() / "serve" / str(port)
    (run / "state.json").unlink(missing_ok=True)
    with tempfile.TemporaryFile("w+") as output:
        process = _start(["inklusi", "serve"], env, output)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 240  # the first start compresses the frontend files
            while not ((run / "state.json").exists() and _healthy(base)):
                if process.poll() is not None or time.monotonic() > deadline:
                    output.seek(0)
                    raise RuntimeError(f"make serve did not start: {output.read()[-2000:]}")
                time.sleep(0.1)
            yield base, run
        finally:
            _stop(process, 30)
    shutil.rmtree(run, ignore_errors=True)  # kept (logs, configuration) when the block failed


def serve_state(run) -> dict:
    """What the supervisor of a run folder says is running (replicas, pids)."""
    return json.loads((run / "state.json").read_text())

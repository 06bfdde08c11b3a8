"""A real server on a free localhost port (one Streamlit process as `make run` starts it, or
nginx and replicas as `make serve` does) and headless Chromium driving it (Playwright).

Playwright cannot download its own browser here; Debian's chromium is used instead
(`apt-get install chromium`, which .ci/run does); the setting INKLUSI_CHROMIUM overrides the path.
"""

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

from inklusi import config
from inklusi.config import REPO

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Streamlit's frontend first probes these under a page's own path (to find its base URL)
# and gets 404 before it tries the root: a known part of its start-up, not an app error.
KNOWN_PROBES = ("/_stcore/health", "/_stcore/host-config")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
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
            time.sleep(0.3)
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
                time.sleep(0.3)
            yield base, run
        finally:
            _stop(process, 30)
    shutil.rmtree(run, ignore_errors=True)  # kept (logs, configuration) when the block failed


def serve_state(run) -> dict:
    """What the supervisor of a run folder says is running (replicas, pids)."""
    return json.loads((run / "state.json").read_text())


class Watch:
    """Every request that leaves localhost, and every console error, of one page."""

    def __init__(self, page):
        self.outside: list[str] = []
        self.errors: list[str] = []
        page.on("request", self._request)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("response", self._response)
        self._probes: set[str] = set()

    def _request(self, request):
        url = request.url
        if not url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:", "about:")):
            self.outside.append(url)

    def _response(self, response):
        if response.status >= 400 and response.url.endswith(KNOWN_PROBES):
            self._probes.add(response.url)

    def app_errors(self) -> list[str]:
        """Console errors other than the 404s of the known start-up probes (the console
        message does not name the URL, so the probes' 404s are discounted by number)."""
        not_found = [e for e in self.errors if "404" in e]
        return [e for e in self.errors if "404" not in e] + not_found[len(self._probes) :]


def launch(playwright):
    chromium = config.chromium()
    if not chromium.exists():
        raise RuntimeError(f"{chromium} not found: install Debian's chromium (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)


@contextmanager
def watched_page(browser, **options):
    """A page in a fresh browser context (options: viewport, user_agent...), its requests and
    console errors watched (page.watch); the context is closed after."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.watch = Watch(page)
    try:
        yield page
    finally:
        context.close()


def shell_export(url: str, fmt: str, out: Path) -> subprocess.CompletedProcess:
    """`python -m inklusi export --from-url URL` in English, as a user runs it from a shell."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "inklusi",
            "export",
            "--from-url",
            url,
            "--format",
            fmt,
            "--lang",
            "en",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )

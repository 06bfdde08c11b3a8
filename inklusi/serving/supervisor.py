"""`make serve` (python -m inklusi serve): the dashboard for a room full of visitors.

N Streamlit replicas (one per core unless REPLICAS says otherwise) on 127.0.0.1:8601.., and
nginx in front of them on one port for the audience. A replica or nginx that exits is
started again; SIGINT or SIGTERM stops everything. `--replicas-only` runs the replicas
without nginx, for a host whose replicas another host's nginx names in INKLUSI_UPSTREAMS.
Every setting is an environment variable (docs/settings.md).
"""

from __future__ import annotations

import ctypes
import io
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import segno
import streamlit

from inklusi import audience, config
from inklusi.audience import build as audience_pages
from inklusi.config import REPO
from inklusi.serving import ServeError, nginx, precompress, warmup
from inklusi.site import registry, room

READY_SECONDS = 90  # a replica's start (imports, data) on a busy machine
STOP_SECONDS = 10
QUICK_EXIT_SECONDS = 30  # a child that exits sooner than this is restarted after a growing pause


@dataclass
class Settings:
    port: int  # the audience's port
    address: str  # where nginx listens
    replicas: int  # replicas on this machine
    replica_address: str
    first_port: int  # 0: any free ports
    remote: list[str] = field(default_factory=list)  # host:port of replicas on other hosts

    @classmethod
    def from_env(cls) -> "Settings":
        """The settings of config.SETTINGS; a SettingError names the first one that is not understood."""
        return cls(
            port=whole("INKLUSI_SERVE_PORT", config.setting("INKLUSI_SERVE_PORT"), 1, 65535),
            address=config.setting("INKLUSI_SERVE_ADDRESS"),
            replicas=whole("REPLICAS", config.setting("REPLICAS") or str(len(os.sched_getaffinity(0))), 0, 64),
            replica_address=config.setting("INKLUSI_REPLICA_ADDRESS"),
            first_port=whole("INKLUSI_REPLICA_PORT", config.setting("INKLUSI_REPLICA_PORT"), 0, 65535),
            remote=[u.strip() for u in (config.setting("INKLUSI_UPSTREAMS") or "").split(",") if u.strip()],
        )


class SettingError(ServeError, ValueError):
    """A setting of make serve that is not understood; the message names it."""


class ReplicaError(ServeError):
    """A replica (or nginx) that exited or did not answer in time."""


def whole(name: str, text: str, low: int, high: int) -> int:
    """A whole-number setting, or a SettingError that names it and says what it may be."""
    if not text.strip().isdigit() or not low <= int(text) <= high:
        raise SettingError(f"{name}={text!r}: a whole number from {low} to {high} is needed")
    return int(text)


def die_with_parent() -> None:
    """In the child before exec: SIGTERM when the supervisor dies, however it dies (Linux)."""
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Child:
    """A process the supervisor keeps running: its command, log and restart pause; a replica
    also has its base URL, to be visited once whenever it starts."""

    def __init__(self, name: str, argv: list[str], log: Path, base: str | None = None, env: dict | None = None):
        self.name, self.argv, self.log, self.base, self.env = name, argv, log, base, env
        self.process: subprocess.Popen | None = None
        self.started = 0.0
        self.pause = 1.0
        self.due = 0.0  # when a child that exited may be started again

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                self.argv,
                cwd=REPO,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=die_with_parent,
                env=self.env,
            )
        self.started = time.monotonic()

    def check(self) -> bool:
        """Start the child again if it exited (after a pause that grows while it keeps exiting
        quickly); True when it was started again."""
        code = self.process.poll()
        if code is None:
            return False
        now = time.monotonic()
        if not self.due:
            quick = now - self.started < QUICK_EXIT_SECONDS
            self.pause = min(self.pause * 2, 30.0) if quick else 1.0
            self.due = now + (self.pause if quick else 0.0)
            print(
                f"{self.name} exited with code {code}; starting it again"
                + (f" in {self.pause:.0f} s" if quick else ""),
                flush=True,
            )
        if now < self.due:
            return False
        self.due = 0.0
        self.start()
        if self.base:
            threading.Thread(target=self.warm, daemon=True).start()
        return True

    def warm(self) -> None:
        """Once it answers, the replica's first run (imports, caches), before the visitors'."""
        deadline = time.monotonic() + READY_SECONDS
        while not answers(f"{self.base}/_stcore/health") and time.monotonic() < deadline:
            time.sleep(0.3)
        warmup.visit(self.base)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()


def port_free(address: str, port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((address, port))
        except OSError:
            return False
    return True


def free_port(address: str) -> int:
    with socket.socket() as s:
        s.bind((address, 0))
        return s.getsockname()[1]


def replica_ports(settings: Settings) -> list[int]:
    if settings.first_port == 0:
        return [free_port(settings.replica_address) for _ in range(settings.replicas)]
    return list(range(settings.first_port, settings.first_port + settings.replicas))


def replica(address: str, port: int, run: Path, room_port: int | None = None) -> Child:
    argv = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(REPO / "dashboard.py"),
        "--server.address",
        address,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
    ]
    # Behind nginx the light audience view is nginx's own location, and the room reaches nginx's
    # port: the replicas' QR codes point there.
    env = os.environ | {"INKLUSI_AUDIENCE_URL": audience.SERVE_URL}
    if room_port:
        env["INKLUSI_ROOM_PORT"] = str(room_port)
    return Child(
        f"replica {address}:{port}", argv, run / f"replica-{port}.log", base=f"http://{address}:{port}", env=env
    )


def answers(url: str, timeout: float = 2) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def wait_until_ready(children: list[Child], urls: list[str]) -> None:
    deadline = time.monotonic() + READY_SECONDS
    pending = dict(zip(urls, children, strict=True))
    while pending:
        for url, child in list(pending.items()):
            if child.process.poll() is not None:
                raise ReplicaError(f"{child.name} exited with code {child.process.returncode}; see {child.log}")
            if answers(url):
                del pending[url]
        if time.monotonic() > deadline:
            raise ReplicaError(f"{', '.join(c.name for c in pending.values())} did not answer within {READY_SECONDS} s")
        time.sleep(0.3)


def frontend_mirror(serve_dir: Path, with_brotli: bool) -> Path:
    """Streamlit's frontend files with compressed copies, one folder per installed version."""
    source = Path(streamlit.__file__).parent / "static"
    target = serve_dir / "frontend" / f"streamlit-{streamlit.__version__}"
    if not target.exists():
        print("compressing Streamlit's frontend files once for this version (a minute or so)...", flush=True)
    precompress.mirror(source, target, with_brotli=with_brotli)
    return target


def maps_mirror(serve_dir: Path, with_brotli: bool) -> Path:
    target = serve_dir / "maps"
    target.mkdir(parents=True, exist_ok=True)
    if config.STATIC_MAPS.exists():
        precompress.mirror(config.STATIC_MAPS, target, with_brotli=with_brotli)
    return target


def audience_mirror(serve_dir: Path, with_brotli: bool) -> Path:
    """The light audience view's pages, built first when the data or the code changed since."""
    written = audience_pages.ensure()
    if written:
        print(f"built the light audience view: {written} pages", flush=True)
    target = serve_dir / "audience"
    target.mkdir(parents=True, exist_ok=True)
    precompress.mirror(config.STATIC_AUDIENCE, target, with_brotli=with_brotli)
    return target


def write_state(run: Path, state: dict) -> None:
    """run/state.json: what is running where (for an operator, the tests and the benchmark)."""
    partial = run / "state.json.part"
    partial.write_text(json.dumps(state, indent=2))
    partial.replace(run / "state.json")


class Stop(Exception):
    pass


def _stop(signum, frame):
    raise Stop()


def problems(settings: Settings, ports: list[int], replicas_only: bool) -> str | None:
    """Why serving cannot start (no replica, nginx missing, a port taken), or None."""
    if not ports and (replicas_only or not settings.remote):
        return "no replica to start: set REPLICAS to 1 or more, or name replicas on other hosts in INKLUSI_UPSTREAMS"
    if not replicas_only:
        try:
            nginx.binary()
        except nginx.NginxError as exc:
            return str(exc)
    busy = [p for p in ports if not port_free(settings.replica_address, p)]
    if not replicas_only and not port_free(settings.address, settings.port):
        busy.insert(0, settings.port)
    if busy:
        return (
            f"port(s) {', '.join(map(str, busy))} already in use: stop what uses them, or choose others with "
            "INKLUSI_SERVE_PORT and INKLUSI_REPLICA_PORT"
        )
    return None


def proxy(settings: Settings, local: list[str], run: Path) -> tuple[Child, bool]:
    """nginx configured for the replicas (and its compressed files ready); (child, brotli)."""
    modules = nginx.brotli_modules(nginx.binary())
    serve_dir = run.parent
    site = nginx.Site(
        listen=f"{settings.address}:{settings.port}",
        upstreams=local + settings.remote,
        run=run,
        frontend=frontend_mirror(serve_dir, bool(modules)),
        maps=maps_mirror(serve_dir, bool(modules)),
        maps_url=config.STATIC_MAPS_URL,
        audience=audience_mirror(serve_dir, bool(modules)),
        pages=sorted(page.name for page in registry.PAGES),
        brotli=modules,
    )
    return Child("nginx", nginx.command(nginx.write(site), run), run / "nginx.log"), bool(modules)


def warm_all(children: list[Child]) -> None:
    threads = [threading.Thread(target=warmup.visit, args=(child.base,), daemon=True) for child in children]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def supervise(running: list[Child], run: Path, state: dict) -> None:
    """Forever: start again whatever exits, and keep state.json up to date."""
    while True:
        write_state(run, state | {"pids": {c.name: c.process.pid for c in running}})
        while not any([child.check() for child in running]):
            time.sleep(0.5)


def more_open_files() -> None:
    """Raise this process's soft limit on open files to the hard one (the children inherit it):
    every visitor holds a websocket in a replica and two connections in nginx."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 65536 if hard == resource.RLIM_INFINITY else min(hard, 65536)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def run_name(address: str, first_port: int) -> str:
    """The run folder of replicas without nginx: named by their address as well as their first
    port, so that hosts sharing one build folder (a mounted one, or namespaces on one machine)
    keep their logs and state apart."""
    return f"replicas-{address}-{first_port}"


def main(replicas_only: bool = False) -> int:
    try:
        settings = Settings.from_env()
    except SettingError as exc:
        print(exc, file=sys.stderr)
        return 2
    more_open_files()
    ports = replica_ports(settings)
    problem = problems(settings, ports, replicas_only)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    first = ports[0] if ports else 0
    run = (
        config.build_dir()
        / "serve"
        / (run_name(settings.replica_address, first) if replicas_only else str(settings.port))
    )
    run.mkdir(parents=True, exist_ok=True)
    # the port the room reaches: nginx's, unless nginx listens on this machine only
    room_port = None if replicas_only or room.loopback(settings.address) else settings.port
    replicas = [replica(settings.replica_address, port, run, room_port) for port in ports]
    local = [f"{settings.replica_address}:{port}" for port in ports]
    running: list[Child] = []
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    try:
        for child in replicas:
            child.start()
            running.append(child)
        nginx_child, brotli = (None, False) if replicas_only else proxy(settings, local, run)
        wait_until_ready(replicas, [f"{child.base}/_stcore/health" for child in replicas])
        warm_all(replicas)
        for address in settings.remote:
            if not answers(f"http://{address}/_stcore/health"):
                print(f"warning: the replica at {address} does not answer (yet)", flush=True)
        state = {"supervisor": os.getpid(), "replicas": local, "remote": settings.remote, "run": str(run)}
        if nginx_child:
            host = "127.0.0.1" if settings.address in ("0.0.0.0", "") else settings.address
            state |= {"url": f"http://{host}:{settings.port}", "brotli": brotli}
            nginx_child.start()
            running.append(nginx_child)
            wait_until_ready([nginx_child], [state["url"] + "/_stcore/health"])
        print(
            f"Inklusi: {len(local)} replica(s) on {', '.join(local)}"
            + (f"; nginx on port {settings.port} ({state['url']} here); logs in {run}" if nginx_child else "")
            + "; Ctrl-C stops",
            flush=True,
        )
        if nginx_child:
            print(room_banner(state["url"], room_port), flush=True)
        supervise(running, run, state)
    except Stop:
        return 0
    except ServeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop_all(running)


def room_banner(local_url: str, port: int | None) -> str:
    """What the presenter reads at start: the room address (the one the QR codes will name when
    the deck is opened on this machine) and its QR code, to check from a phone before the event."""
    if port is None:
        return f"nginx listens on {local_url} only (INKLUSI_SERVE_ADDRESS): phones in a room cannot reach it."
    found = room.room(local_url, port=port)
    if not found.reachable:
        return (
            f"No network address found for the room: phones cannot reach {local_url}. Join the venue's "
            "network and start again, or set INKLUSI_PUBLIC_URL."
        )
    code = segno.make(found.base, error="m")
    buffer = io.StringIO()
    code.terminal(out=buffer, compact=True, border=2)
    return (
        f"For the room: {found.base} (the QR codes of the presentation use it; check it from a phone "
        f"on the venue's network)\n{buffer.getvalue()}"
    )


def stop_all(running: list[Child]) -> None:
    for child in running:
        child.stop()
    deadline = time.monotonic() + STOP_SECONDS
    for child in running:
        try:
            child.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.process.kill()

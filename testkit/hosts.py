"""Hosts made on this machine, for replicas on several hosts as a real run: each host is a
network namespace joined to this one by a veth pair, with addresses that exist only on that
pair, running `python -m inklusi serve --replicas-only` inside it as another machine would.

A run claims one /24 of RANGE (an `unreachable` route for it, which the kernel gives to one
caller only: parallel runs and pytest-xdist workers never share addresses or names). Host i
of the run has the /30 at 4i: this side's end is .4i+1, the host's own address .4i+2. When a
host is taken down its link goes away and the route sends nothing out of the machine: a packet
for the run's addresses reaches a namespace or fails at once. Everything (processes,
namespaces, links, the route, the replicas' run folders) is removed when the block ends,
failed or not; the hosts' processes die with the process that made them, and what a run killed
before its end left behind is removed by the next one.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from inklusi import config
from inklusi.config import REPO
from inklusi.serving import supervisor
from inklusi.serving.supervisor import die_with_parent

RANGE = ipaddress.ip_network("10.213.0.0/16")
REPLICA_PORT = 8601  # each host has its own ports: the same one on every host, as on real machines
READY_SECONDS = 240  # replicas starting on several hosts that share two busy cores
STOP_SECONDS = 15


class HostsUnavailable(RuntimeError):
    """Hosts cannot be made here (no right to make namespaces, no `ip`, no free part of RANGE); the message says why."""


def ip(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(["ip", *args], capture_output=True, text=True)
    if check and done.returncode:
        raise RuntimeError(f"ip {' '.join(args)}: {done.stderr.strip()}")
    return done


def routed_address(destination: str = "203.0.113.1") -> str:
    """The source address this machine's routes give a destination, as iproute2 reports it (the
    kernel's own answer); by default one only the default route reaches (TEST-NET-3)."""
    return json.loads(ip("-j", "route", "get", destination).stdout)[0]["prefsrc"]


CAP_NET_ADMIN, CAP_SYS_ADMIN = 12, 21


def unavailable() -> str | None:
    """Why hosts cannot be made on this machine, or None."""
    effective = int(re.search(r"CapEff:\s*([0-9a-f]+)", Path("/proc/self/status").read_text()).group(1), 16)
    if not all(effective >> bit & 1 for bit in (CAP_NET_ADMIN, CAP_SYS_ADMIN)):
        return "making network namespaces needs root with CAP_NET_ADMIN and CAP_SYS_ADMIN (not a restricted container)"
    if not shutil.which("ip"):
        return "the ip command (iproute2) is not installed"
    return None


# A test that makes hosts (network namespaces): skipped where this machine cannot.
NEEDS_HOSTS = pytest.mark.skipif(bool(unavailable()), reason=unavailable() or "")


@dataclass
class Host:
    namespace: str
    link: str  # this side's end of the veth pair
    address: str  # the host's own address, inside its namespace
    replicas: int
    log: Path
    process: subprocess.Popen | None = None

    @property
    def upstreams(self) -> list[str]:
        """host:port of its replicas, as INKLUSI_UPSTREAMS names them."""
        return [f"{self.address}:{REPLICA_PORT + i}" for i in range(self.replicas)]

    @property
    def run(self) -> Path:
        """The replicas' run folder (the supervisor's state.json, logs)."""
        return config.build_dir() / "serve" / supervisor.run_name(self.address, REPLICA_PORT)

    def state(self) -> dict:
        return json.loads((self.run / "state.json").read_text())

    def pids(self) -> list[int]:
        listed = ip("netns", "pids", self.namespace, check=False).stdout.split()
        return [int(pid) for pid in listed]


@dataclass
class Hosts:
    network: ipaddress.IPv4Network  # the run's /24
    hosts: list[Host] = field(default_factory=list)

    @property
    def upstreams(self) -> list[str]:
        return [u for host in self.hosts for u in host.upstreams]

    def contains(self, upstream: str) -> bool:
        """The address of host:port is one of the run's, reached through one of its links."""
        address = upstream.rsplit(":", 1)[0]
        if ipaddress.ip_address(address) not in self.network:
            return False
        route = json.loads(ip("-j", "route", "get", address).stdout)[0]
        return route.get("dev") in {host.link for host in self.hosts}


def sweep() -> None:
    """Remove what runs that were killed before their end left behind (their namespaces name the
    /24, the host and the process that made them)."""
    for name in ip("netns", "list").stdout.split():
        left = re.fullmatch(r"inklusi-ink(\d+)h(\d+)-(\d+)", name)
        if not left or Path(f"/proc/{left.group(3)}").exists():
            continue
        network = ipaddress.ip_network(f"{RANGE.network_address + 256 * int(left.group(1))}/24")
        host = _host(network, int(left.group(2)), 0, Path(os.devnull))
        host.namespace = name  # made by the process that was killed
        _remove(host)
        ip("route", "del", "unreachable", str(network), check=False)


def _claim() -> ipaddress.IPv4Network:
    """A /24 of RANGE that no route of this machine touches, claimed with an unreachable route."""
    routes = json.loads(ip("-j", "-4", "route", "show", "table", "all").stdout)
    taken = [ipaddress.ip_network(r["dst"], strict=False) for r in routes if r.get("dst") not in (None, "default")]
    for network in RANGE.subnets(new_prefix=24):
        if any(network.overlaps(other) for other in taken):
            continue
        if ip("route", "add", "unreachable", str(network), check=False).returncode == 0:
            return network
    raise HostsUnavailable(f"every /24 of {RANGE} is in use on this machine")


def _name(network: ipaddress.IPv4Network, i: int) -> str:
    return f"ink{network.network_address.packed[2]}h{i}"  # at most 9 characters (links: 15)


def _host(network: ipaddress.IPv4Network, i: int, replicas: int, logs: Path) -> Host:
    name = _name(network, i)
    address = str(network.network_address + 4 * i + 2)
    return Host(f"inklusi-{name}-{os.getpid()}", name, address, replicas, logs / f"{name}.log")


def _connect(host: Host) -> None:
    """The host's namespace, joined to this one by a veth pair: .4i+1 on this side, its address inside."""
    outside = ipaddress.ip_address(host.address) - 1
    ip("netns", "add", host.namespace)
    ip("link", "add", host.link, "type", "veth", "peer", "name", "eth0", "netns", host.namespace)
    ip("link", "set", host.link, "addrgenmode", "none")  # no IPv6 link-local address: only the ones below
    ip("-n", host.namespace, "link", "set", "eth0", "addrgenmode", "none")
    ip("addr", "add", f"{outside}/30", "dev", host.link)
    ip("link", "set", host.link, "up")
    ip("-n", host.namespace, "addr", "add", f"{host.address}/30", "dev", "eth0")
    ip("-n", host.namespace, "link", "set", "eth0", "up")
    ip("-n", host.namespace, "link", "set", "lo", "up")


def _start(host: Host) -> None:
    """`python -m inklusi serve --replicas-only` inside the host, listening on its address."""
    env = os.environ | {
        "REPLICAS": str(host.replicas),
        "INKLUSI_REPLICA_ADDRESS": host.address,
        "INKLUSI_REPLICA_PORT": str(REPLICA_PORT),
    }
    (host.run / "state.json").unlink(missing_ok=True)
    with host.log.open("w") as out:
        host.process = subprocess.Popen(
            ["ip", "netns", "exec", host.namespace, sys.executable, "-m", "inklusi", "serve", "--replicas-only"],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=die_with_parent,  # survives `ip netns exec`'s exec: no host outlives a killed run
        )


def answers(url: str) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy
    try:
        with opener.open(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _wait_until_ready(hosts: list[Host]) -> None:
    """Until every host's supervisor has its replicas answering and visited once (its state.json)."""
    deadline = time.monotonic() + READY_SECONDS
    pending = list(hosts)
    while pending:
        for host in list(pending):
            if host.process.poll() is not None:
                raise RuntimeError(f"the replicas of {host.namespace} exited: {host.log.read_text()[-2000:]}")
            ready = (host.run / "state.json").exists()
            if ready and all(answers(f"http://{u}/_stcore/health") for u in host.upstreams):
                pending.remove(host)
        if time.monotonic() > deadline:
            raise RuntimeError(f"{', '.join(h.namespace for h in pending)} not ready within {READY_SECONDS} s")
        time.sleep(0.3)


def take_down(host: Host, silent: bool = False) -> None:
    """The host goes away: every process in it is killed (SIGKILL) and its link is removed, so
    its address is unreachable from here on. Killed first, its processes' connections close
    (as when a replica crashes); silent, the link goes first and nothing more is heard from it
    (as when a machine loses its power or its network)."""
    if silent:
        ip("link", "del", host.link)
    deadline = time.monotonic() + STOP_SECONDS
    while (pids := host.pids()) and time.monotonic() < deadline:
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.05)
    ip("link", "del", host.link, check=False)


def _remove(host: Host) -> None:
    if host.process and host.process.poll() is None:
        os.killpg(host.process.pid, signal.SIGTERM)  # the supervisor stops its replicas
        try:
            host.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            pass
    take_down(host)
    if host.process:
        host.process.wait()
    ip("netns", "del", host.namespace, check=False)
    shutil.rmtree(host.run, ignore_errors=True)


@contextmanager
def made(count: int = 2, replicas: int = 1):
    """`count` hosts, each running `replicas` replicas, ready; yields Hosts. Raises
    HostsUnavailable when this machine cannot make them."""
    reason = unavailable()
    if reason:
        raise HostsUnavailable(reason)
    sweep()
    network = _claim()
    hosts = Hosts(network)
    with tempfile.TemporaryDirectory(prefix="inklusi-hosts-") as logs, ExitStack() as cleanup:
        cleanup.callback(ip, "route", "del", "unreachable", str(network), check=False)
        for i in range(count):
            host = _host(network, i, replicas, Path(logs))
            cleanup.callback(_remove, host)
            _connect(host)
            hosts.hosts.append(host)
        for host in hosts.hosts:
            _start(host)
        _wait_until_ready(hosts.hosts)
        yield hosts

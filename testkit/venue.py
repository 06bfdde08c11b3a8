"""A venue as a real network on this machine: a laptop and a phone, each a network namespace, joined
by a veth pair on a /24 of testkit.hosts.RANGE claimed for the run (the addresses exist only
inside the two namespaces). The laptop's default route leaves through that link, with the phone's
address as its gateway, as a laptop on the venue's Wi-Fi; it runs `python -m inklusi serve` as a
presenter would, and a browser on the laptop opens the deck on localhost. Nothing is sent to this
machine's own interfaces. The names follow testkit.hosts (host 0 the laptop, host 1 the phone), so
what a killed run leaves behind is swept the same way.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from inklusi import config
from inklusi.config import REPO
from inklusi.serving.supervisor import die_with_parent
from testkit import hosts, servers

PORT = 8080  # make serve's, inside the laptop: no other process of this machine is there
READY_SECONDS = 240  # the first start compresses Streamlit's frontend files
ROOM = re.compile(r"For the room: (\S+)")


@dataclass
class Venue:
    laptop: str  # the namespaces
    phone: str
    address: str  # the laptop's address on the venue network
    log: Path  # what make serve printed
    chromium: Path  # Chromium running inside the laptop

    def on_phone(self, url: str) -> tuple[int, str]:
        """GET url from the phone: (status, body)."""
        fetch = (
            "import sys, urllib.request\n"
            "with urllib.request.urlopen(sys.argv[1], timeout=20) as r:\n"
            "    sys.stdout.write(str(r.status) + '\\n' + r.read().decode())\n"
        )
        done = subprocess.run(
            ["ip", "netns", "exec", self.phone, sys.executable, "-c", fetch, url],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if done.returncode:
            raise RuntimeError(f"the phone could not open {url}: {done.stderr[-500:]}")
        status, _, body = done.stdout.partition("\n")
        return int(status), body

    def printed_room(self) -> str:
        found = ROOM.search(self.log.read_text())
        return found.group(1) if found else ""


def _join(network, laptop: hosts.Host, phone: hosts.Host) -> None:
    for host in (laptop, phone):
        hosts.ip("netns", "add", host.namespace)
        hosts.ip("-n", host.namespace, "link", "set", "lo", "up")
    hosts.ip(
        "-n", laptop.namespace, "link", "add", "eth0", "type", "veth", "peer", "name", "eth0", "netns", phone.namespace
    )
    prefix = network.prefixlen
    for host in (laptop, phone):
        hosts.ip("-n", host.namespace, "link", "set", "eth0", "addrgenmode", "none")
        hosts.ip("-n", host.namespace, "addr", "add", f"{host.address}/{prefix}", "dev", "eth0")
        hosts.ip("-n", host.namespace, "link", "set", "eth0", "up")
    hosts.ip("-n", laptop.namespace, "route", "add", "default", "via", phone.address)


def _chromium_inside(namespace: str, folder: Path) -> Path:
    """An executable that runs Debian's Chromium inside the namespace (Playwright starts it)."""
    wrapper = folder / "chromium"
    wrapper.write_text(f'#!/bin/sh\nexec ip netns exec {namespace} {config.chromium()} "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    return wrapper


@contextmanager
def venue():
    """The venue with make serve started on the laptop and ready (it has printed the room
    address); yields a Venue. Raises hosts.HostsUnavailable when namespaces cannot be made here."""
    reason = hosts.unavailable()
    if reason:
        raise hosts.HostsUnavailable(reason)
    hosts.sweep()
    network = hosts._claim()
    with tempfile.TemporaryDirectory(prefix="inklusi-venue-") as folder, ExitStack() as cleanup:
        cleanup.callback(hosts.ip, "route", "del", "unreachable", str(network), check=False)
        laptop, phone = (hosts._host(network, i, 0, Path(folder)) for i in (0, 1))
        for host in (phone, laptop):
            cleanup.callback(hosts._remove, host)
        _join(network, laptop, phone)
        log = Path(folder) / "serve.log"
        env = os.environ | {"REPLICAS": "1", "INKLUSI_SERVE_PORT": str(PORT), "INKLUSI_SERVE_ADDRESS": "0.0.0.0"}
        env.pop("INKLUSI_PUBLIC_URL", None)
        with log.open("w") as out:
            process = subprocess.Popen(
                ["ip", "netns", "exec", laptop.namespace, sys.executable, "-m", "inklusi", "serve"],
                cwd=REPO,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=die_with_parent,
            )
        cleanup.callback(servers._stop, process, hosts.STOP_SECONDS)  # the supervisor stops nginx and its replica
        made = Venue(
            laptop.namespace, phone.namespace, laptop.address, log, _chromium_inside(laptop.namespace, Path(folder))
        )
        deadline = time.monotonic() + READY_SECONDS
        while not made.printed_room():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"make serve did not start on the laptop: {log.read_text()[-2000:]}")
            time.sleep(0.2)
        yield made
    shutil.rmtree(config.build_dir() / "serve" / str(PORT), ignore_errors=True)  # kept when the block failed

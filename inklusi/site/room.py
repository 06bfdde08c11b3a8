"""The room address: where the phones in the room reach this dashboard, for the QR codes and
their printed links.

INKLUSI_PUBLIC_URL when it is set (and an http(s) address); else the address the presenter's
browser used when that is not a loopback one (the room can use it too); else, when the presenter
opened the deck on this machine itself (localhost, 127.x, ::1), this machine's address on the
network the room shares: the one the presenter chose in the settings, or the one of the interface
of the default route. It is found by reading this machine's interfaces (psutil) and asking the
kernel which source address its routes give a datagram socket; no packet is sent. The port is the
one the room reaches: nginx's under `make serve` (INKLUSI_ROOM_PORT, which it sets for its
replicas). `make run` listens on localhost only: no phone can reach it, and the room address says
so (warning) instead of naming this machine.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import psutil

from inklusi import config

# TEST-NET-3 (RFC 5737): a destination no network routes, asked only for the route to it.
ROUTE_PROBE = ("203.0.113.1", 9)

RUN_LOCAL, NO_NETWORK = "run_local", "no_network"  # why no phone can reach the address
PUBLIC_INVALID, CHOSEN_GONE = "public_invalid", "chosen_gone"  # a setting not used, and why


@dataclass(frozen=True)
class Room:
    """The base address for the room (scheme://host:port), and what the presenter must be told:
    warning when no phone can reach it (RUN_LOCAL, NO_NETWORK), note when a setting was set
    aside (PUBLIC_INVALID, CHOSEN_GONE)."""

    base: str
    warning: str | None = None
    note: str | None = None

    @property
    def reachable(self) -> bool:
        return self.warning is None


def loopback(host: str) -> bool:
    """localhost, 127.x or ::1 (a name other than localhost is taken as the network's)."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def addresses() -> list[str]:
    """This machine's addresses a phone on the same network could use: IPv4 and global IPv6 of
    the interfaces that are up, loopback and link-local ones left out, in the interfaces' order."""
    up = {name for name, stats in psutil.net_if_stats().items() if stats.isup}
    found = []
    for name, entries in psutil.net_if_addrs().items():
        if name not in up:
            continue
        for entry in entries:
            if entry.family not in (socket.AF_INET, socket.AF_INET6):
                continue
            address = ipaddress.ip_address(entry.address.split("%")[0])
            if not (address.is_loopback or address.is_link_local or address.is_unspecified):
                found.append(str(address))
    return list(dict.fromkeys(found))


def default_address() -> str | None:
    """The source address the default route gives: connecting a datagram socket sends nothing, it
    asks the kernel for the route. None without a default route."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(ROUTE_PROBE)
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if loopback(address) else address


def machine_address(chosen: str | None = None) -> tuple[str | None, str | None]:
    """(address, note): the chosen one while it is still on this machine, else the default route's,
    else the first one found; the note says when the chosen one is gone."""
    found = addresses()
    if chosen and chosen in found:
        return chosen, None
    note = CHOSEN_GONE if chosen else None
    detected = default_address()
    if detected in found or (detected and not found):
        return detected, note
    return (found[0] if found else None), note


def public_url() -> tuple[str | None, str | None]:
    """(INKLUSI_PUBLIC_URL without its trailing slash, None), or (None, PUBLIC_INVALID) when it is
    set but not an http(s) address with a host, or (None, None) when unset."""
    configured = (config.setting("INKLUSI_PUBLIC_URL") or "").strip()
    if not configured:
        return None, None
    try:
        parts = urlsplit(configured)
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError:
        return None, PUBLIC_INVALID
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None, PUBLIC_INVALID
    return configured.rstrip("/"), None


def host_in_url(address: str) -> str:
    return f"[{address}]" if ":" in address else address


def room_port() -> int | None:
    """The port the room reaches: make serve's nginx (INKLUSI_ROOM_PORT), None under make run."""
    port = config.setting("INKLUSI_ROOM_PORT")
    return int(port) if port and port.isdigit() and 0 < int(port) < 65536 else None


def room(browser_url: str, chosen: str | None = None, port: int | None = None) -> Room:
    """The room address for a presenter whose browser is at browser_url; port: the room's (by
    default room_port())."""
    configured, note = public_url()
    if configured:
        return Room(configured)
    parts = urlsplit(browser_url)
    seen = f"{parts.scheme}://{parts.netloc}"
    if parts.hostname and not loopback(parts.hostname):
        return Room(seen, note=note)
    port = port or room_port()
    if port is None:
        return Room(seen, RUN_LOCAL, note)
    address, gone = machine_address(chosen)
    if address is None:
        return Room(seen, NO_NETWORK, note or gone)
    return Room(f"http://{host_in_url(address)}:{port}", note=note or gone)

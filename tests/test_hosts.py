"""Replicas on two hosts behind one nginx, as a real run (not timed; bench/ measures): the hosts
are network namespaces of this machine (testkit/hosts.py), one replica in each, nginx in front
naming them in INKLUSI_UPSTREAMS as it would name other machines. A small burst is balanced
across both hosts; one host is taken down in the middle of it (its processes killed, its link
removed): each of its visitors reconnects through nginx to the other host and gets the view its
URL holds back, and the other host's visitors, nginx and replica notice nothing.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

import pytest
from websockets.exceptions import ConnectionClosed

from inklusi.serving.nginx import COOKIE
from testkit import cards, hosts
from testkit.protocol import Session, run_apart, served_by
from testkit.servers import NEEDS_NGINX, serve_state, served

# serial: nginx shares the compressed frontend files with tests/test_serve.py, and two more
# replicas would crowd the parallel part's cores.
pytestmark = [
    NEEDS_NGINX,
    hosts.NEEDS_HOSTS,
    pytest.mark.serve,
    pytest.mark.serial,
]
VALUES, CATALOGUE = cards.load()
VISITORS = 16  # nginx picks a replica at random: all on one host has odds of 2 in 2**16
ARRIVAL_S = 0.2  # between two visitors
YEARS = (2025, 2024, 2022)


@dataclass
class Seen:
    replica: str  # where nginx sent the visitor first
    url: str  # the view its URL holds
    lost: bool = False  # its websocket closed under it
    now: str = ""  # where it is served at the end
    right: bool = False  # the last page it saw reads what the data says
    early: bool = False  # arrived before the host went down


def shows(session: Session, year: int) -> bool:
    want = cards.expected(VALUES, CATALOGUE, "imdi", year)
    return not session.exceptions() and all(session.metrics().get(k) == v for k, v in want.items())


async def visitor(base: str, i: int, arrived: asyncio.Queue, down: asyncio.Event) -> Seen:
    """Arrives with no cookie, opens its view, and once the host is down changes the year; when
    the websocket is lost (even under its first page), it reconnects with its cookie and runs its
    URL's view, as the frontend does."""
    await asyncio.sleep(i * ARRIVAL_S)
    year, other = YEARS[i % len(YEARS)], YEARS[(i + 1) % len(YEARS)]
    seen = Seen("", f"lang=id&indicator=imdi&year={year}", early=not down.is_set())
    try:
        async with Session(base) as session:
            seen.replica = served_by(session.socket.response)
            await session.run(seen.url)
            seen.url = session.query_string
            assert shows(session, year) and f"year={year}" in seen.url, seen
            await arrived.put(seen)
            await down.wait()
            await session.run(widgets=[session.choose("Tahun", str(other))], timeout=60)
            seen.now, seen.right = seen.replica, shows(session, other)
            return seen
    except ConnectionClosed:
        seen.lost = True
    async with Session(base, f"{COOKIE}={seen.replica}") as again:
        await again.run(seen.url)
        kept = set(parse_qsl(seen.url)) <= set(parse_qsl(again.query_string))  # every value the URL held
        seen.now, seen.right = served_by(again.socket.response), shows(again, year) and kept
    return seen


async def burst_with_a_host_down(base: str, made: hosts.Hosts) -> list[Seen]:
    """Every visitor as it ends; the first host goes down once half of them have their page, on
    both hosts."""
    arrived, down = asyncio.Queue(), asyncio.Event()
    crowd = asyncio.gather(*(visitor(base, i, arrived, down) for i in range(VISITORS)))
    early: list[Seen] = []
    while len(early) < VISITORS // 2 or len({s.replica for s in early}) < 2:
        early.append(await asyncio.wait_for(arrived.get(), 120))
    await asyncio.to_thread(hosts.take_down, made.hosts[0])
    down.set()
    return await crowd


def test_a_host_taken_down_mid_burst_loses_no_visitor(build_dir):
    with hosts.made(2) as made, served(0, {"INKLUSI_UPSTREAMS": ",".join(made.upstreams)}) as (base, folder):
        named = re.findall(r"server (\S+) max_fails", (folder / "nginx.conf").read_text())
        assert sorted(set(named)) == sorted(made.upstreams)  # nginx reaches only the hosts' addresses
        assert all(made.contains(upstream) for upstream in named)  # ... through their own links
        front, other_host = serve_state(folder)["pids"], made.hosts[1].state()["pids"]
        names = {upstream: f"r{i}" for i, upstream in enumerate(made.upstreams, 1)}  # nginx's, in this order
        gone, stays = ({names[u] for u in host.upstreams} for host in made.hosts)

        seen = run_apart(burst_with_a_host_down(base, made))

        assert {s.replica for s in seen if s.early} == gone | stays  # the burst was balanced across both hosts
        moved = [s for s in seen if s.replica in gone]
        assert moved and all(s.lost and s.now in stays and s.right for s in moved), moved  # views back
        assert all(not s.lost and s.right for s in seen if s.replica in stays), seen  # nobody else noticed
        assert all(s.now in stays for s in seen if not s.early), seen  # newcomers went to the host still up
        assert serve_state(folder)["pids"] == front and made.hosts[1].state()["pids"] == other_host
        assert made.hosts[1].pids() and not made.hosts[0].pids()


def test_hosts_that_fail_to_start_are_removed_all_the_same():
    """No replica to start: the supervisor inside the host exits, and the namespace, its link and
    the run's route go with the failure."""

    def networking() -> str:
        return "".join(hosts.ip(*args).stdout for args in (["-o", "link"], ["netns", "list"], ["route"]))

    hosts.sweep()  # what a killed run left would go now, not because of this one
    before = networking()
    with pytest.raises(RuntimeError, match="exited: no replica to start"):
        with hosts.made(1, replicas=0):
            pass
    assert networking() == before

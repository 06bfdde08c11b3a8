"""Replicas on two hosts behind one nginx, as a real run: the hosts are network namespaces of
this machine (testkit/hosts.py), one replica in each, nginx naming them in INKLUSI_UPSTREAMS
as it would name other machines. A burst balanced across the two hosts; then another with one
host taken down in the middle of it, its processes killed before its link is removed (as when
a replica crashes); then, on fresh hosts, one gone silent: its link removed first, so that
nothing more is heard from it (as when a machine loses its power or its network). Each time:
who saw an error, who lost the websocket and got the same view back (checked against the data)
from the other host and how soon, and that nothing else changed: nginx and the other host's
replica are the same processes, and new visitors afterwards get correct pages.

`python -m bench.hosts` runs it alone (as root); `make bench` runs it with the rest.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from contextlib import contextmanager

from bench.burst import summary, warm, warmed
from bench.faults import moved
from bench.visitors import Oracle, crowd
from inklusi.serving.nginx import COOKIE
from testkit import cards
from testkit.hosts import Hosts, made, take_down, unavailable
from testkit.servers import serve_state, served

VISITORS, OVER_S, DOWN_AT_S = 200, 10.0, 5.0


@contextmanager
def two_hosts(oracle: Oracle):
    """Two hosts with a replica each and nginx in front, every replica visited once; yields
    (base URL, nginx's run folder, the hosts, a cookie naming each replica)."""
    with made(2) as hosts, served(0, {"INKLUSI_UPSTREAMS": ",".join(hosts.upstreams)}) as (base, folder):
        if not all(hosts.contains(upstream) for upstream in serve_state(folder)["remote"]):
            raise RuntimeError("nginx names an address outside the hosts' links")
        cookies = [f"{COOKIE}=r{i}" for i in range(1, len(hosts.upstreams) + 1)]  # nginx's names of the replicas
        warmed(base, oracle, cookies)
        yield base, folder, hosts, cookies


async def _burst_with_a_host_down(base: str, hosts: Hosts, oracle: Oracle, silent: bool) -> tuple[list, float]:
    """The crowd, with the first host taken down DOWN_AT_S in; (visits, when it went down)."""
    visitors = asyncio.create_task(crowd(base, VISITORS, OVER_S, oracle))
    await asyncio.sleep(DOWN_AT_S)
    down_at = time.monotonic()
    await asyncio.to_thread(take_down, hosts.hosts[0], silent)
    return await visitors, down_at


def host_down(base: str, folder, hosts: Hosts, oracle: Oracle, cookies: list[str], silent: bool) -> dict:
    before = serve_state(folder)["pids"], hosts.hosts[1].state()["pids"]
    visits, down_at = asyncio.run(_burst_with_a_host_down(base, hosts, oracle, silent))
    after = serve_state(folder)["pids"], hosts.hosts[1].state()["pids"]
    afterwards = warm(base, oracle, cookies)  # a new visitor with each cookie: both reach the host still up
    back = [v.back_at - down_at for v in visits if v.back_at is not None]
    return (
        {"visitors": VISITORS, "over_s": OVER_S, "down_at_s": DOWN_AT_S}
        | moved(visits)
        | {
            "views_back_within_s": round(max(back), 1) if back else None,
            "rest_unchanged": before == after,
            "new_visitors_after_errors": afterwards,
        }
    )


def run() -> dict:
    reason = unavailable()
    if reason:
        return {"skipped": reason}
    oracle = Oracle(*cards.load())
    with two_hosts(oracle) as (base, folder, hosts, cookies):
        across = asyncio.run(crowd(base, VISITORS, OVER_S, oracle))
        report = {
            "hosts": [host.address for host in hosts.hosts],
            "across": summary(across) | {"per_host": dict(sorted(Counter(v.replica for v in across).items()))},
            "down": host_down(base, folder, hosts, oracle, cookies, silent=False),
        }
    with two_hosts(oracle) as (base, folder, hosts, cookies):
        report["silent"] = host_down(base, folder, hosts, oracle, cookies, silent=True)
    return report


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))

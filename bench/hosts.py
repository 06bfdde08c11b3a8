"""Replicas on two hosts behind one nginx, as a real run: the hosts are network namespaces of
this machine (testkit/hosts.py), one replica in each, nginx naming them in INKLUSI_UPSTREAMS
as it would name other machines. A burst balanced across the two hosts, then another with one
host taken down in the middle of it (every process in it killed, its link removed): who saw an
error, who lost the websocket and got the same view back (checked against the data) from the
other host, and that nothing else changed: nginx and the other host's replica are the same
processes, and new visitors afterwards get correct pages.

`python -m bench.hosts` runs it alone (as root); `make bench` runs it with the rest.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections import Counter

from bench.burst import summary, warm, warmed
from bench.faults import moved
from bench.visitors import Oracle, crowd
from inklusi.serving.nginx import COOKIE
from testkit import cards
from testkit.hosts import Hosts, made, take_down, unavailable
from testkit.servers import serve_state, served

VISITORS, OVER_S, DOWN_AT_S = 200, 10.0, 5.0


async def _burst_with_a_host_down(base: str, hosts: Hosts, oracle: Oracle) -> list:
    visitors = asyncio.create_task(crowd(base, VISITORS, OVER_S, oracle))
    await asyncio.sleep(DOWN_AT_S)
    await asyncio.to_thread(take_down, hosts.hosts[0])
    return await visitors


def run() -> dict:
    reason = unavailable()
    if reason:
        return {"skipped": reason}
    oracle = Oracle(*cards.load())
    with made(2) as hosts, served(0, {"INKLUSI_UPSTREAMS": ",".join(hosts.upstreams)}) as (base, folder):
        if not all(hosts.contains(upstream) for upstream in serve_state(folder)["remote"]):
            raise RuntimeError("nginx names an address outside the hosts' links")
        cookies = [f"{COOKIE}=r{i}" for i in range(1, len(hosts.upstreams) + 1)]  # nginx's names of the replicas
        warmed(base, oracle, cookies)
        across = asyncio.run(crowd(base, VISITORS, OVER_S, oracle))
        before = serve_state(folder)["pids"], hosts.hosts[1].state()["pids"]
        visits = asyncio.run(_burst_with_a_host_down(base, hosts, oracle))
        after = serve_state(folder)["pids"], hosts.hosts[1].state()["pids"]
        afterwards = warm(base, oracle, cookies)  # a new visitor with each cookie: both reach the host still up
    return {
        "hosts": [host.address for host in hosts.hosts],
        "across": summary(across) | {"per_host": dict(sorted(Counter(v.replica for v in across).items()))},
        "down": {"visitors": VISITORS, "over_s": OVER_S, "down_at_s": DOWN_AT_S}
        | moved(visits)
        | {"rest_unchanged": before == after, "new_visitors_after_errors": afterwards},
    }


def main() -> int:
    print(json.dumps(run(), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

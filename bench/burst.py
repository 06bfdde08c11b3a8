"""A room full of visitors: N visitors arriving evenly over S seconds, each opening the first
page, reading it for 5-15 s and changing the year once (bench/visitors.py checks every
answer against data/values.csv); through `make serve` (two replicas) and against one
`make run` process, each started fresh for every burst and visited once before it (the
presenter's rehearsal; `make serve` also visits each replica once itself when it starts).

`python -m bench.burst` runs the bursts alone; `make bench` runs them with the rest.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from bench.visitors import Oracle, Visit, crowd, visit
from testkit import cards
from testkit.servers import serve_state, served, streamlit_process

BURSTS = ((200, 10.0), (200, 2.0), (500, 30.0))
REPLICAS = 2


def processes_under(root: int) -> list[int]:
    """root and every process below it."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    tree, grew = {root}, True
    while grew:
        below = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= below
        grew = bool(below)
    return sorted(tree)


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@contextmanager
def peak_memory(root: int):
    """The highest sum of resident memory of root's process tree while the block runs (MB)."""
    peak, done = [0.0], threading.Event()

    def sample():
        while not done.wait(0.25):
            peak[0] = max(peak[0], sum(rss_mb(pid) for pid in processes_under(root)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield peak
    finally:
        done.set()
        sampler.join()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def summary(visits: list[Visit]) -> dict:
    firsts = [v.first_s for v in visits if v.first_s is not None]
    changes = [v.change_s for v in visits if v.change_s is not None]
    errors = [v.error for v in visits if v.error]
    report = {
        "visitors": len(visits),
        "errors": len(errors),
        "first_errors": sorted(set(errors))[:3],
        "checked": sum(v.checks for v in visits),
    }
    if firsts:
        report |= {
            "first_median_s": round(statistics.median(firsts), 3),
            "first_p95_s": round(percentile(firsts, 0.95), 3),
            "first_max_s": round(max(firsts), 3),
        }
    if changes:
        report |= {
            "change_median_s": round(statistics.median(changes), 3),
            "change_p95_s": round(percentile(changes, 0.95), 3),
        }
    return report


def warm(base: str, oracle: Oracle, cookies: list[str]) -> list[str]:
    """One visitor per cookie (one per replica), as a presenter's rehearsal does: every cache
    filled. Returns the errors they saw."""

    async def all_of():
        return await asyncio.gather(*(visit(base, oracle, 0, think=(0, 0), cookie=c) for c in cookies))

    return [v.error for v in asyncio.run(all_of()) if v.error]


def warmed(base: str, oracle: Oracle, cookies: list[str]) -> None:
    if errors := warm(base, oracle, cookies):
        raise RuntimeError(f"warm-up failed: {errors[0]}")


def burst(base: str, root: int, count: int, seconds: float, oracle: Oracle) -> dict:
    with peak_memory(root) as peak:
        visits = asyncio.run(crowd(base, count, seconds, oracle))
    return summary(visits) | {"server_peak_rss_mb": round(peak[0])}


def run(bursts=BURSTS) -> dict:
    oracle = Oracle(*cards.load())
    report = {}
    for count, seconds in bursts:
        name = f"{count} over {seconds:g} s"
        with served(REPLICAS) as (base, folder):
            state = serve_state(folder)
            warmed(base, oracle, [""])
            proxied = burst(base, state["supervisor"], count, seconds, oracle)
        with streamlit_process() as (base, process):
            warmed(base, oracle, [""])
            single = burst(base, process.pid, count, seconds, oracle)
        report[name] = {"serve": proxied, "run": single}
        print(f"{name}: serve {proxied}\n{' ' * len(name)}  run   {single}", flush=True)
    return report


def main() -> int:
    print(json.dumps(run(), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

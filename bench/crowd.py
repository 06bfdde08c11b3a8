"""Twenty sessions at once against one server (testkit/crowd.py, with a reader's pauses), with the
latency the test does not assert: the crowd's p95 against one user's (target: at most twice).

One user's p95 is floored at BASELINE_FLOOR_S: a rerun of 20 ms is within what one time slice of
another process on a two-core machine adds, so twice such a baseline would be a target a quiet
server misses by scheduling alone (a run missed 2.16 with p95s of 50 and 23 ms).
The raw ratio is reported beside the floored one."""

from __future__ import annotations

import asyncio
import statistics

from testkit import cards
from testkit.crowd import CLIENTS, THINK, crowd
from testkit.servers import server

BASELINE_FLOOR_S = 0.05
SINGLE_THINK = (0.5, 1.5)  # the single user clicks every second (alone, the pause does not change the latency)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def measure() -> dict:
    values, catalogue = cards.load()
    with server() as base:
        asyncio.run(crowd(base, 3, values, catalogue, SINGLE_THINK))  # warm the caches
        single, failures_single = asyncio.run(crowd(base, 1, values, catalogue, SINGLE_THINK))
        many, failures_many = asyncio.run(crowd(base, CLIENTS, values, catalogue, THINK))
    return {
        "clients": CLIENTS,
        "interactions": len(many),
        "errors": len(failures_single) + len(failures_many),
        "single_p95_s": round(p95(single), 3),
        "single_median_s": round(statistics.median(single), 3),
        "crowd_p95_s": round(p95(many), 3),
        "crowd_median_s": round(statistics.median(many), 3),
        "baseline_floor_s": BASELINE_FLOOR_S,
        "p95_ratio": round(p95(many) / max(p95(single), BASELINE_FLOOR_S), 2),
        "p95_ratio_raw": round(p95(many) / p95(single), 2),
    }

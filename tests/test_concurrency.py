"""Twenty sessions at once against one server, each checking what it sees against an
independent computation; the p95 latency stays within twice the single-user figure.

The clients speak Streamlit's websocket protocol (tests/protocol.py), so the measurement is
the server's. Each of the twenty waits 5-15 s between clicks, as someone reading a chart does;
the single user clicks every second (alone, the pause does not change the latency).
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics

from tests import cards
from tests.browser import server
from tests.cards import editions, expected
from tests.protocol import Session

CLIENTS = 20
INTERACTIONS = 20
THINK = (5.0, 15.0)
SINGLE_THINK = (0.5, 1.5)
INDICATORS = ["imdi", "ild", "iptik", "internet_penduduk", "evdci", "ild_2020", "belanja_online"]


async def user(base: str, seed: int, values, catalogue, latencies: list, failures: list, think) -> None:
    """One visitor: each interaction picks another indicator (the page keeps the year when the
    new indicator has that edition, else shows its latest) or another edition of the current one."""
    rng = random.Random(seed)
    indicator, year = "imdi", 2025
    async with Session(base) as session:
        await session.run("lang=id&indicator=imdi&year=2025")
        for _ in range(INTERACTIONS):
            await asyncio.sleep(rng.uniform(*think))
            if rng.random() < 0.5:
                indicator = rng.choice([i for i in INDICATORS if i != indicator])
                year = year if year in editions(values, indicator) else max(editions(values, indicator))
                change = session.choose("Indikator", catalogue.loc[indicator, "name_id"])
            else:
                year = rng.choice(editions(values, indicator))
                change = session.choose("Tahun", str(year))
            latencies.append(await session.run(widgets=[change]))
            shown, want = session.metrics(), expected(values, catalogue, indicator, year)
            if session.exceptions() or any(shown.get(k) != v for k, v in want.items()):
                failures.append({"indicator": indicator, "year": year, "shown": shown, "want": want})


async def crowd(base: str, count: int, values, catalogue, think=THINK) -> tuple[list[float], list]:
    latencies, failures = [], []
    await asyncio.gather(*(user(base, seed, values, catalogue, latencies, failures, think) for seed in range(count)))
    return latencies, failures


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def test_twenty_sessions_at_once(build_dir):
    values, catalogue = cards.load()
    with server() as base:
        asyncio.run(crowd(base, 3, values, catalogue, SINGLE_THINK))  # warm the caches
        single, failures_single = asyncio.run(crowd(base, 1, values, catalogue, SINGLE_THINK))
        many, failures_many = asyncio.run(crowd(base, CLIENTS, values, catalogue))
    report = {"single_p95_s": round(p95(single), 3), "single_median_s": round(statistics.median(single), 3),
              "crowd_p95_s": round(p95(many), 3), "crowd_median_s": round(statistics.median(many), 3),
              "clients": CLIENTS, "interactions": len(many)}
    (build_dir / "concurrency.json").write_text(json.dumps(report, indent=2))
    print(report)
    assert failures_single == [] and failures_many == [], (failures_single + failures_many)[:3]
    assert len(many) == CLIENTS * INTERACTIONS
    assert report["crowd_p95_s"] <= 2 * report["single_p95_s"], report

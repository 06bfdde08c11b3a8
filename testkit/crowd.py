"""A crowd of visitors speaking Streamlit's websocket protocol (testkit/protocol.py), each
checking what it sees against an independent computation (testkit/cards.py).

tests/test_concurrency.py runs it without think time (the answers' correctness does not depend
on the pauses); bench/crowd.py runs it with THINK, as people reading a chart do, and times it.
"""

from __future__ import annotations

import asyncio
import random

from testkit.cards import editions, expected
from testkit.protocol import Session

CLIENTS = 20
INTERACTIONS = 20
THINK = (5.0, 15.0)
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


async def crowd(base: str, count: int, values, catalogue, think=(0.0, 0.0)) -> tuple[list[float], list]:
    """count visitors at once, each pausing uniformly within think (seconds) before each click."""
    latencies, failures = [], []
    await asyncio.gather(*(user(base, seed, values, catalogue, latencies, failures, think) for seed in range(count)))
    return latencies, failures

"""Twenty sessions at once against one server, each checking what it sees against an
independent computation: every answer right, no error, every interaction done. How long the
answers take is measured by `make bench` (bench/crowd.py), never asserted here: a timed
assertion fails on a busy machine while the code is right.

The clients speak Streamlit's websocket protocol (tests/protocol.py), so they load the server,
not themselves. Each of the twenty waits 5-15 s between clicks, as someone reading a chart does.
"""

from __future__ import annotations

import asyncio
import random

from tests import cards
from tests.browser import server
from tests.cards import editions, expected
from tests.protocol import Session

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


async def crowd(base: str, count: int, values, catalogue, think=THINK) -> tuple[list[float], list]:
    latencies, failures = [], []
    await asyncio.gather(*(user(base, seed, values, catalogue, latencies, failures, think) for seed in range(count)))
    return latencies, failures


def test_twenty_sessions_at_once():
    values, catalogue = cards.load()
    with server() as base:
        many, failures = asyncio.run(crowd(base, CLIENTS, values, catalogue))
    assert failures == [], failures[:3]
    assert len(many) == CLIENTS * INTERACTIONS

"""Visitors of a side-event: each opens the link, waits for the first page to finish, checks
its cards against data/values.csv, reads the page for a while, changes the year once and
checks again.

A visitor behaves as a browser does towards the server: it fetches the page (keeping any
cookie the answer sets, such as the proxy's affinity cookie), asks for the health check and
the host configuration, opens the websocket with that cookie and runs the page. When the
websocket is lost it reconnects once, as the frontend does, and runs the view the URL holds.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from websockets.exceptions import ConnectionClosed, InvalidStatus

from inklusi.serving.nginx import COOKIE
from testkit.cards import editions, expected
from testkit.crowd import THINK  # seconds spent reading a page before changing the year
from testkit.protocol import Session

OPEN_TIMEOUT = 120.0  # a browser keeps trying for longer than a crowded server takes
RUN_TIMEOUT = 120.0
LOST = (ConnectionError, ConnectionClosed, InvalidStatus)


@dataclass
class Visit:
    first_s: float | None = None  # from opening the link to the first finished page
    change_s: float | None = None  # the year change, request to finished run
    error: str | None = None  # what went wrong, if anything did
    replica: str = ""  # the replica nginx's affinity cookie first named (none without make serve)
    lost: int = 0  # websockets lost on the way
    recovered: bool = False  # after a loss, the view the URL holds came back, checked
    back_at: float | None = None  # when it came back (time.monotonic())
    checks: int = 0


@dataclass
class Oracle:
    """What the overview's cards must say for the first page's year and the other one."""

    values: object
    catalogue: object
    indicator: str = "imdi"
    year: int = field(init=False)
    other_year: int = field(init=False)
    wanted: dict = field(init=False)

    def __post_init__(self):
        years = editions(self.values, self.indicator)
        self.year, self.other_year = years[-1], years[-2]
        self.wanted = {
            y: expected(self.values, self.catalogue, self.indicator, y) for y in (self.year, self.other_year)
        }

    def check(self, session: Session, year: int) -> None:
        shown, want = session.metrics(), self.wanted[year]
        if session.exceptions():
            raise AssertionError(f"exception on the page: {session.exceptions()[0][:100]}")
        wrong = {k: shown.get(k) for k, v in want.items() if shown.get(k) != v}
        if wrong:
            raise AssertionError(f"cards of {self.indicator} {year} read {wrong}, want {want}")


async def get(base: str, path: str, cookie: str = "") -> tuple[int, list[tuple[str, str]]]:
    """One HTTP/1.1 GET as a browser sends it; (status, headers). The body is read and dropped."""
    address = base.removeprefix("http://")
    host, port = address.rsplit(":", 1)
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(
        (
            f"GET {path} HTTP/1.1\r\nHost: {address}\r\nAccept-Encoding: gzip, br\r\n"
            + (f"Cookie: {cookie}\r\n" if cookie else "")
            + "Connection: close\r\n\r\n"
        ).encode()
    )
    answer = await reader.read()
    writer.close()
    head = answer.partition(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
    headers = [tuple(line.split(": ", 1)) for line in head[1:] if ": " in line]
    return int(head[0].split()[1]), headers


def cookies_set(headers: list[tuple[str, str]]) -> str:
    """The Cookie header a browser sends after an answer with these Set-Cookie headers."""
    return "; ".join(value.split(";", 1)[0] for name, value in headers if name.lower() == "set-cookie")


async def open_page(base: str, cookie: str = "") -> str:
    """The page and the two probes the frontend makes before its websocket; returns the cookies."""
    status, headers = await get(base, "/", cookie)
    if status != 200:
        raise AssertionError(f"the page answered {status}")
    cookie = "; ".join(c for c in (cookie, cookies_set(headers)) if c)
    for probe in ("/_stcore/health", "/_stcore/host-config"):
        status, _ = await get(base, probe, cookie)
        if status != 200:
            raise AssertionError(f"{probe} answered {status}")
    return cookie


async def visit(
    base: str, oracle: Oracle, delay: float, think: tuple[float, float] = THINK, cookie: str = "", seed: int = 0
) -> Visit:
    """One visitor arriving after `delay` seconds (with `cookie` if it has been here before)."""
    await asyncio.sleep(delay)
    result = Visit()
    pause = random.Random(seed).uniform(*think)
    started = time.perf_counter()
    try:
        cookie = await open_page(base, cookie)
        result.replica = next((c.split("=", 1)[1] for c in cookie.split("; ") if c.startswith(COOKIE + "=")), "")
        query = ""
        for _ in range(2):
            session = Session(base, cookie, open_timeout=OPEN_TIMEOUT)
            try:
                async with session:
                    await view(session, oracle, query, result, started, pause)
                    return result
            except LOST:  # the websocket was lost: reconnect as the frontend does, to the URL's view
                result.lost += 1
                query = session.query_string or query
        raise ConnectionError("the websocket was lost twice")
    except Exception as exc:  # every failure is counted, none stops the crowd
        result.error = f"{type(exc).__name__}: {exc}"[:200]
    return result


async def view(session: Session, oracle: Oracle, query: str, result: Visit, started: float, pause: float) -> None:
    """Run the view a URL holds and check it; then, unless the year was changed already, read
    for `pause` seconds and change it."""
    year = int(parse_qs(query).get("year", [oracle.year])[0])
    await session.run(query, timeout=RUN_TIMEOUT)
    oracle.check(session, year)
    result.checks += 1
    result.recovered = bool(result.lost)  # after a lost websocket, the URL's view came back right
    result.back_at = time.monotonic() if result.lost else None
    if result.first_s is None:
        result.first_s = time.perf_counter() - started
    if year == oracle.year:
        await asyncio.sleep(pause)
        result.change_s = await session.run(
            widgets=[session.choose("Tahun", str(oracle.other_year))], timeout=RUN_TIMEOUT
        )
        oracle.check(session, oracle.other_year)
        result.checks += 1


async def crowd(base: str, count: int, seconds: float, oracle: Oracle) -> list[Visit]:
    """`count` visitors arriving evenly over `seconds`."""
    return await asyncio.gather(*(visit(base, oracle, i * seconds / count, seed=i) for i in range(count)))

"""The light audience view through `make serve` (nginx, two replicas that it never touches):
each slide's bytes on the wire as a phone's Chromium receives them (both languages, pinned to
NTT), the seconds until a phone on emulated fast 3G sees the chart, and 1,000 phones arriving
over 10 s, each fetching one page as a browser does (bench/visitors.get, compressed).

`python -m bench --audience` runs it alone; `make bench` runs it with the serving benchmark."""

from __future__ import annotations

import asyncio
import random
import statistics
import time

from playwright.sync_api import expect, sync_playwright

from bench.burst import percentile
from bench.visitors import get
from inklusi import audience, config
from inklusi.audience.build import pins
from inklusi.i18n import LANGS
from inklusi.story.plan import SLIDES
from testkit.chromium import PHONE, fast_3g, launch
from testkit.servers import served

PIN = "53"  # Labuan Bajo's province, as a presenter there pins it
PHONES = (1000, 10.0)
CHARTED = lambda key: key not in ("qr", "sources")  # noqa: E731  (the slides without a chart)
TARGETS = {"page_bytes": 300_000, "fast_3g_chart_s": 3.0, "phones_p95_s": 0.5}


def load(browser, url: str, slow: bool, chart: bool = True) -> tuple[int, float]:
    """(bytes received, seconds until the chart, or the heading of a slide without one, is
    visible) of a phone opening url afresh."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    if slow:
        fast_3g(page)
    cdp = context.new_cdp_session(page)
    total = [0]
    cdp.on("Network.loadingFinished", lambda event: total.__setitem__(0, total[0] + event["encodedDataLength"]))
    cdp.send("Network.enable")
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    expect(page.locator("figure svg" if chart else "h1")).to_be_visible(timeout=30_000)
    seconds = time.perf_counter() - started
    page.wait_for_load_state("load")
    context.close()
    return int(total[0]), seconds


def phones(base: str, count: int, seconds: float) -> dict:
    """count phones arriving evenly over seconds, each fetching a random slide's page."""
    paths = [
        f"{audience.SERVE_URL}/{lang}/{audience.filename(n, pin)}"
        for lang in LANGS
        for n in (1, 3, 5)
        for pin in pins()
    ]

    async def phone(i: int) -> tuple[float | None, str | None]:
        await asyncio.sleep(i * seconds / count)
        started = time.perf_counter()
        try:
            status, headers = await get(base, random.Random(i).choice(paths))
        except OSError as exc:
            return None, f"{type(exc).__name__}: {exc}"
        encoding = dict((k.lower(), v) for k, v in headers).get("content-encoding")
        if status != 200 or encoding not in ("gzip", "br"):
            return None, f"status {status}, encoding {encoding}"
        return time.perf_counter() - started, None

    async def all_phones():
        return await asyncio.gather(*(phone(i) for i in range(count)))

    answers = asyncio.run(all_phones())
    times = [s for s, _ in answers if s is not None]
    errors = [e for _, e in answers if e]
    return {
        "phones": count,
        "over_s": seconds,
        "errors": len(errors),
        "first_errors": sorted(set(errors))[:3],
        "median_s": round(statistics.median(times), 5) if times else None,
        "p95_s": round(percentile(times, 0.95), 5) if times else None,
        "max_s": round(max(times), 5) if times else None,
    }


def run() -> dict:
    if not config.chromium().exists():
        return {"skipped": f"{config.chromium()} not found (apt-get install chromium)"}
    report = {}
    with served(2) as (base, _):
        with sync_playwright() as playwright:
            browser = launch(playwright)
            link = f"{base}{audience.SERVE_URL}/{{}}/{{}}"
            report["bytes"] = {
                f"{lang} {n} {key}": load(browser, link.format(lang, audience.filename(n, PIN)), False, CHARTED(key))[0]
                for lang in LANGS
                for n, key in enumerate(SLIDES, start=1)
            }
            report["fast_3g_chart_s"] = {
                f"en {n} {key}": round(load(browser, link.format("en", audience.filename(n, PIN)), True)[1], 2)
                for n, key in enumerate(SLIDES, start=1)
                if CHARTED(key)
            }
            browser.close()
        report["phones"] = phones(base, *PHONES)
    return report


def verdicts(report: dict) -> dict[str, bool]:
    if "skipped" in report:
        return {}
    phones = report["phones"]
    return {
        "light view: every slide's page <= 300 KB on the wire": max(report["bytes"].values()) <= TARGETS["page_bytes"],
        "light view: the chart within 3 s on fast 3G": max(report["fast_3g_chart_s"].values())
        <= TARGETS["fast_3g_chart_s"],
        "light view, 1,000 phones over 10 s: p95 <= 0.5 s, 0 errors": phones["errors"] == 0
        and (phones["p95_s"] or 99) <= TARGETS["phones_p95_s"],
    }


def table(report: dict) -> list[str]:
    if "skipped" in report:
        return [f"light audience view skipped: {report['skipped']}"]
    lines = [f"{'light view bytes, ' + name:46} {size:>14,} B" for name, size in report["bytes"].items()]
    lines += [
        f"{'light view on fast 3G, chart: ' + name:46} {s:>14.2f} s" for name, s in report["fast_3g_chart_s"].items()
    ]
    phones = report["phones"]
    lines.append(
        f"{'light view, 1,000 phones over 10 s: median / p95 / max':46} "
        f"{phones['median_s'] * 1000:.1f} / {phones['p95_s'] * 1000:.1f} / {phones['max_s'] * 1000:.1f} ms; "
        f"{phones['errors']} errors"
    )
    return lines

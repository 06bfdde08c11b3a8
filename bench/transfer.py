"""Bytes on the wire for a visitor's browser (Chromium): the first view of the overview with
its map drawn, and a second visit in the same browser (from its cache), through `make serve`
and straight from one `make run` process. Counted as Chromium's encoded (compressed) size of
every HTTP response, headers included; the websocket's messages are the same both ways and
are not counted."""

from __future__ import annotations

from playwright.sync_api import expect, sync_playwright

from inklusi import config
from testkit.chromium import launch
from testkit.servers import served, server

VIEW = "/?indicator=imdi&year=2025"


def fetched(context, url: str) -> int:
    """Bytes received over the network while a new tab opens url and draws the map."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    total = [0]
    cdp.on("Network.loadingFinished", lambda event: total.__setitem__(0, total[0] + event["encodedDataLength"]))
    cdp.send("Network.enable")
    page.goto(url)
    expect(page.locator(".maplibregl-canvas").first).to_be_visible(timeout=60_000)
    page.wait_for_load_state("networkidle")
    page.close()
    return int(total[0])


def two_visits(base: str) -> dict:
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(viewport={"width": 1500, "height": 1000})
        first = fetched(context, base + VIEW)
        second = fetched(context, base + VIEW)
        browser.close()
    return {"first_view_bytes": first, "second_visit_bytes": second}


def run() -> dict:
    if not config.chromium().exists():
        return {"skipped": f"{config.chromium()} not found (apt-get install chromium)"}
    with served(2) as (base, _):
        proxied = two_visits(base)
    with server() as base:
        direct = two_visits(base)
    return {"serve": proxied, "run": direct}

"""Cold start as a visitor sees it: a server that has just been started, a browser that opens
the overview; seconds until the server answers, until the first heading is drawn and until
the map is drawn; and the bytes the browser fetched over HTTP for that first view."""

from __future__ import annotations

import time

from playwright.sync_api import expect, sync_playwright

from inklusi import config
from testkit.chromium import launch
from testkit.servers import server


def cold_start() -> dict:
    if not config.chromium().exists():
        return {"skipped": f"{config.chromium()} not found (apt-get install chromium)"}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_context(viewport={"width": 1500, "height": 1000}).new_page()
        fetched = []
        page.on("requestfinished", lambda request: fetched.append(request.sizes()["responseBodySize"]))
        started = time.perf_counter()
        with server() as base:
            report = {"server_ready_s": time.perf_counter() - started}
            page.goto(base + "/?indicator=imdi&year=2025")
            expect(page.locator("h1").first).to_be_visible(timeout=60_000)
            report["first_heading_s"] = time.perf_counter() - started
            expect(page.locator(".maplibregl-canvas").first).to_be_visible(timeout=60_000)
            report["map_drawn_s"] = time.perf_counter() - started
            page.wait_for_load_state("networkidle")
            report["http_bytes"] = sum(fetched)
            fetched.clear()
            reload_started = time.perf_counter()
            page.reload()
            expect(page.locator(".maplibregl-canvas").first).to_be_visible(timeout=60_000)
            report["warm_reload_map_s"] = time.perf_counter() - reload_started
        browser.close()
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in report.items()}

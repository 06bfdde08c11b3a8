"""WCAG 2.1 AA: axe-core (installed from the npm registry by `make test`) on every page in both
languages finds no critical or serious violation; every chart has a text alternative (its
title and a one-line summary) and its data as a table.

The pages are opened through the side panel, as a reader moves between them (one page load per
language); the presentation, which has no side panel, through its link."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from inklusi import config, registry
from inklusi.i18n import t
from tests.browser import server

AXE = config.build_dir() / "axe" / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WITH_CHARTS = {"overview", "profile", "gaps", "sectors", "targeting", "present", "world"}


@pytest.fixture(scope="module")
def app():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make test` installs axe-core with npm")
    with server() as base:
        yield base


def audit(page, name: str, lang: str) -> list:
    """The page's critical and serious violations, and the charts without a described table."""
    if name != "present":
        expect(page.locator("h1").first).to_have_text(t(f"{name}.title", lang), timeout=30_000)
    expect(page.locator("h1").first).to_be_visible(timeout=30_000)
    if name in WITH_CHARTS:
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    page.wait_for_timeout(1200)
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})", RULES)
    found = [
        (name, lang, v["id"], v["nodes"][0]["failureSummary"])
        for v in result["violations"]
        if v["impact"] in ("critical", "serious")
    ]
    charts = page.locator("[data-testid=stPlotlyChart]")
    labels = [charts.nth(i).get_attribute("aria-label") or "" for i in range(charts.count())]
    found += [
        (name, lang, "chart without a title and summary", label)
        for label in labels
        if len(label) < 40 or ". " not in label
    ]
    if name != "present":
        tables = page.get_by_text(t("chart.table", lang, title="").strip(": ")).count()
        if tables != len(labels):
            found.append((name, lang, "charts without their table", f"{tables} tables for {len(labels)} charts"))
    return found


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_page_meets_wcag_21_aa(app, browser, lang):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(f"{app}/profile?province=53&lang={lang}")
    found = audit(page, "profile", lang)
    for declared in registry.PAGES:
        if declared.name in ("profile", "present"):
            continue
        page.locator("[data-testid=stSidebarNav]").get_by_role(
            "link", name=t(f"nav.{declared.name}", lang), exact=True
        ).click()
        found += audit(page, declared.name, lang)
    page.goto(f"{app}/present?lang={lang}")
    found += audit(page, "present", lang)
    context.close()
    assert found == []

"""The browser sweep: every page of the registry in each language, loaded once (the `visit`
fixture, tests/conftest.py), and every check below run on that load.

- the page opens (no "page not found"), with no exception, no console error and no request
  outside localhost, its title at the top;
- WCAG 2.1 AA: axe-core (installed from the npm registry by `make test`) finds no critical or
  serious violation, every chart has a text alternative (its title and a one-line summary) and
  its data as a table;
- no text of any chart is clipped by its figure or overlaps another (screenshots of each page
  under build/screenshots/).
A page's own checks run on the same load: see the `pages` mark in tests/conftest.py.
"""

from __future__ import annotations

from playwright.sync_api import expect

from inklusi import config
from inklusi.i18n import t
from testkit.chromium import axe_serious, chart_problems

SHOTS = config.build_dir() / "screenshots"


def test_the_page_opens_with_no_error_and_nothing_from_outside(visit):
    page = visit.page
    if visit.name != "present":  # a slide's heading is the slide's title
        expect(page.locator("h1").first).to_have_text(t(f"{visit.name}.title", visit.lang))
        # the title right under Streamlit's 60-pixel header bar, not below a band of about 110 px
        assert page.locator("h1").first.bounding_box()["y"] <= 64
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator("[data-testid='stException']").count() == 0
    assert visit.watch.outside == []
    assert visit.watch.app_errors() == []


def test_axe_finds_no_critical_or_serious_violation(visit):
    assert axe_serious(visit.page) == []


def test_every_chart_has_a_title_a_summary_and_its_table(visit):
    page = visit.page
    charts = page.locator("[data-testid=stPlotlyChart]")
    labels = [charts.nth(i).get_attribute("aria-label") or "" for i in range(charts.count())]
    assert [label for label in labels if len(label) < 40 or ". " not in label] == []
    if visit.name != "present":  # a slide's data table is in the speaker notes and the story file
        tables = page.get_by_text(t("chart.table", visit.lang, title="").strip(": ")).count()
        assert tables == len(labels), f"{tables} tables for {len(labels)} charts"


def test_no_chart_text_is_clipped_or_overlaps_another(visit):
    SHOTS.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(path=SHOTS / f"page-1280x800-{visit.name}-{visit.lang}.png", full_page=True)
    assert chart_problems(visit.page) == []

"""Embedding in a real browser: one chart alone (?embed=true&chart=KEY) with its title and source,
a whole page without the side panel (?embed=true), a key the page does not have, and the
export panel's iframe snippet working in another page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from testkit.chromium import Watch, watched_page

VISIBLE_CHARTS = "() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.offsetParent !== null).length"


@pytest.fixture
def page(browser):
    with watched_page(browser, viewport={"width": 1366, "height": 768}) as page:
        yield page
        assert page.watch.outside == []
        assert page.watch.app_errors() == []


def test_a_chart_alone_keeps_its_title_and_source_and_nothing_else(app, page):
    page.goto(f"{app}/?embed=true&chart=overview.ranking&lang=en&indicator=imdi&year=2025")
    chart = page.locator(".js-plotly-plot:visible")
    expect(chart).to_have_count(1, timeout=30_000)
    title = chart.locator(".gtitle")  # its lines are drawn without the spaces between them
    expect(title).to_have_attribute("data-unformatted", re.compile(r"\(IMDI\) 2025:(<br>| )ranking"))
    expect(chart.locator(".gtitle")).to_contain_text("Source: Kementerian Komdigi")
    expect(chart.locator(".annotation-text", has_text="National 44.53")).to_be_visible()  # its marks kept
    assert page.evaluate(VISIBLE_CHARTS) == 1
    expect(page.locator("h1")).to_be_hidden()
    expect(page.locator("section[data-testid='stSidebar']")).to_be_hidden()
    expect(page.get_by_text("Download this view's data")).to_have_count(0)


def test_a_whole_page_embedded_has_its_charts_and_sentences_without_the_side_panel(app, page):
    page.goto(f"{app}/profile?embed=true&province=53&lang=en")
    expect(page.get_by_role("heading", name="East Nusa Tenggara")).to_be_visible(timeout=30_000)
    expect(page.locator(".js-plotly-plot:visible")).to_have_count(3, timeout=30_000)  # trend, pillars, peers
    expect(
        page.get_by_text("East Nusa Tenggara scored 44.54 on Indonesian Digital Society Index (IMDI) in 2025")
    ).to_be_visible()
    expect(page.locator("section[data-testid='stSidebar']")).to_be_hidden()
    expect(page.locator("[data-testid='stExpandSidebarButton']")).to_be_hidden()
    expect(page.locator("header[data-testid='stHeader']")).to_have_count(1)  # Streamlit draws it ...
    expect(page.locator("header[data-testid='stHeader']")).to_be_hidden()  # ... and it stays hidden
    expect(page.get_by_text("Download this view's data")).to_have_count(0)


def test_a_chart_the_page_does_not_have_is_named_with_the_charts_it_has(app, page):
    page.goto(f"{app}/gaps?embed=true&chart=overview.ranking&lang=en")
    expect(page.get_by_text("This page has no chart «overview.ranking» to embed")).to_be_visible(timeout=30_000)
    expect(page.get_by_text(re.compile(r"Its charts: gaps\.sigma"))).to_be_visible()


def test_the_export_panel_gives_an_iframe_that_shows_the_chart_in_another_page(app, page):
    page.goto(f"{app}/compare?provinces=31,53&indicator=iptik&lang=en")
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
    page.get_by_text("Download this view's data").click()
    snippet = page.locator("[data-testid='stCode']", has_text="<iframe").inner_text(timeout=20_000)
    assert "chart=compare.chart" in snippet and "embed=true" in snippet and "provinces=31%2C53" in snippet
    host = page.context.new_page()  # another site's page: the frame's own loads are watched there
    host.watch = Watch(host)
    host.set_content(f"<!doctype html><html><body><h1>A ministry page</h1>{snippet}</body></html>")
    frame = host.frame_locator("iframe")
    chart = frame.locator(".js-plotly-plot:visible")
    expect(chart).to_have_count(1, timeout=30_000)
    expect(chart.locator(".gtitle")).to_contain_text("over the editions")
    expect(frame.locator("h1")).to_be_hidden()
    assert host.watch.outside == [] and host.watch.app_errors() == []


@pytest.mark.serial  # the session's `make serve` stack runs in the serial part (tests/test_serve.py says why)
def test_an_embedded_chart_works_through_make_serve(browser, site):
    base, _ = site
    with watched_page(browser, viewport={"width": 1366, "height": 768}) as host:
        link = f"{base}/compare?provinces=31%2C53&indicator=imdi&lang=en&chart=compare.chart&embed=true"
        host.set_content(
            f'<!doctype html><html><body><iframe src="{link}" width="100%" height="600"></iframe></body></html>'
        )
        chart = host.frame_locator("iframe").locator(".js-plotly-plot:visible")
        expect(chart).to_have_count(1, timeout=60_000)
        expect(chart.locator(".gtitle")).to_contain_text("over the editions")
        assert host.watch.outside == [] and host.watch.app_errors() == []

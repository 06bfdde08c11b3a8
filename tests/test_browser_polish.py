"""The first screens as a new user sees them, in a real browser at phone, laptop and wide widths:
metric labels whole, the whole archipelago on the map with a margin, a proportionate scatter plot,
and value labels that do not run across the national line."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pandas as pd
import pytest
from playwright.sync_api import expect

from inklusi.config import DATA_DIR
from testkit.chromium import PHONE, TOOLBAR_OVER_TITLE, wait_until_drawn, watched_page

CUT_LABELS = """() => [...document.querySelectorAll("[data-testid='stMetricLabel']")]
    .filter(label => [label, ...label.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1))
    .map(label => label.innerText)"""
ARCHIPELAGO = """([west, south, east, north]) => {
    const plot = [...document.querySelectorAll('.js-plotly-plot')].find(p => p._fullLayout && p._fullLayout.map);
    const map = plot._fullLayout.map._subplot.map;
    const canvas = map.getCanvas();
    const [a, b] = [map.project([west, north]), map.project([east, south])];
    return {left: a.x, top: a.y, right: canvas.clientWidth - b.x, bottom: canvas.clientHeight - b.y,
            width: canvas.clientWidth, height: canvas.clientHeight, spanned: b.x - a.x, tall: b.y - a.y};
}"""
PLOT_AREA = """() => {
    const plot = [...document.querySelectorAll('.js-plotly-plot')].find(p => p._fullLayout && p._fullLayout.xaxis);
    return [plot._fullLayout._size.w, plot._fullLayout._size.h];
}"""
CROSSINGS = """() => {
    const plot = [...document.querySelectorAll('.js-plotly-plot')].find(p => p.querySelector('.barlayer') &&
        (p.layout.shapes || []).length);
    const line = plot.querySelector('.shapelayer path').getBoundingClientRect();
    const x = line.left + line.width / 2;
    return [...plot.querySelectorAll('.barlayer text')].map(t => [t.textContent, t.getBoundingClientRect()])
        .filter(([, box]) => box.left < x - 1 && box.right > x + 1).map(([text]) => text);
}"""
WIDTHS = [(390, 844), (768, 1024), (1366, 768), (1920, 1080)]


@pytest.fixture(params=WIDTHS, ids=lambda size: f"{size[0]}px")
def page(browser, request):
    width, height = request.param
    phone = {"user_agent": PHONE["user_agent"]} if width < 500 else {}
    with watched_page(browser, viewport={"width": width, "height": height}, **phone) as page:
        yield page
        assert page.watch.outside == []
        assert page.watch.app_errors() == []


@pytest.fixture(scope="module")
def extent(build_dir) -> list[float]:
    """West, south, east and north edge of every province (the built 38-province map)."""
    points = []

    def walk(coordinates):
        if isinstance(coordinates[0], (int, float)):
            points.append(coordinates)
        else:
            for part in coordinates:
                walk(part)

    for feature in json.loads((build_dir / "boundaries" / "provinces_38.geojson").read_text())["features"]:
        walk(feature["geometry"]["coordinates"])
    return [min(p[0] for p in points), min(p[1] for p in points), max(p[0] for p in points), max(p[1] for p in points)]


def test_the_overview_shows_the_whole_archipelago_whole_labels_and_clear_values(app, page, extent):
    page.goto(f"{app}/?indicator=imdi&year=2025&lang=en")
    canvas = page.locator(".maplibregl-canvas").first
    expect(canvas).to_be_visible(timeout=30_000)
    canvas.hover()  # headless Chromium paints the WebGL map on the first interaction
    page.wait_for_function(  # fitted: Plotly first draws the map at its fixed zoom, the browser then fits it
        f"() => {{ const m = ({ARCHIPELAGO})({extent}); return Math.min(m.left, m.right, m.top, m.bottom) >= 8 "
        "&& Math.max(m.spanned / m.width, m.tall / m.height) >= 0.85; }",
        timeout=20_000,
    )
    shown = page.evaluate(ARCHIPELAGO, extent)
    assert min(shown["left"], shown["right"], shown["top"], shown["bottom"]) >= 8, shown  # a margin on every side
    # as large as the frame allows: the archipelago fills its width or its height, less the margins
    assert max(shown["spanned"] / shown["width"], shown["tall"] / shown["height"]) >= 0.85, shown
    expect(page.get_by_text("MSMEs mentored (synthetic data)")).to_be_visible()
    assert page.evaluate(CUT_LABELS) == []
    assert page.evaluate(CROSSINGS) == []  # 44.54 and 44.41 sit either side of the national 44.53
    assert page.evaluate(TOOLBAR_OVER_TITLE) == []


@pytest.mark.parametrize("path", ["/sectors?lang=en", "/profile?province=53&lang=en"])
def test_metric_labels_are_whole(app, browser, path):
    """A phone (its own layout, from the user agent) loads the page; a computer loads it once and is
    resized through the wider screens (the labels' fit is the browser's layout, not the server's)."""
    for agent, sizes in (({"user_agent": PHONE["user_agent"]}, WIDTHS[:1]), ({}, WIDTHS[1:])):
        with watched_page(browser, viewport={"width": sizes[0][0], "height": sizes[0][1]}, **agent) as page:
            page.goto(app + path)
            expect(page.locator("[data-testid='stMetricLabel']").first).to_be_visible(timeout=30_000)
            for width, height in sizes:
                page.set_viewport_size({"width": width, "height": height})
                page.wait_for_function(f"() => window.innerWidth === {width}")
                wait_until_drawn(page)
                assert page.evaluate(CUT_LABELS) == [], width
                assert page.evaluate(TOOLBAR_OVER_TITLE) == [], width
            assert page.watch.outside == [] and page.watch.app_errors() == []


def test_the_skills_scatter_is_proportionate(app, page):
    page.goto(f"{app}/adoption?lang=en")
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
    width, height = page.evaluate(PLOT_AREA)
    assert height >= 400, (width, height)  # 38 points, not a 200-pixel strip
    if width <= 1000:  # up to a laptop; a 1920-pixel screen gives the plot its whole width (about 1400 px)
        assert height >= 0.45 * width, (width, height)


# A cell of a reference table that cuts its text (wider than its box), or a table wider than the page.
CUT_CELLS = """() => [...document.querySelectorAll('[data-testid=stTable]')].flatMap(box => {
    const table = box.querySelector('table'), wide = table.getBoundingClientRect().width - box.clientWidth;
    return [...(wide > 1 ? [`the table is ${wide} px wider than the page`] : []),
            ...[...table.querySelectorAll('th, td')]
                .filter(c => [c, ...c.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1))
                .map(c => c.innerText)];
})"""


@pytest.mark.pages("sources")
def test_the_sources_tables_wrap_their_text_instead_of_cutting_it(visit):
    page = visit.page
    tables = page.locator("[data-testid=stTable]")
    expect(tables).to_have_count(3)  # the datasets, the corrections, the indicators
    assert page.evaluate(CUT_CELLS) == []
    sources = pd.read_csv(DATA_DIR / "sources.csv")
    rows = tables.first.locator("tbody tr")
    expect(rows).to_have_count(len(sources))
    shown = [row.locator("td").all_inner_texts() for row in rows.all()]
    assert {tuple(cells[1:3]) for cells in shown} == set(zip(sources["publisher"], sources["title"], strict=True))
    hosts = {urlsplit(u).netloc for u in sources["published_at"].dropna()}
    assert {cells[4] for cells in shown} <= hosts | {"—"} and hosts <= {cells[4] for cells in shown}  # by its site
    links = tables.first.locator("tbody a").evaluate_all("links => links.map(a => [a.href, a.innerText])")
    assert len(links) == sources["published_at"].notna().sum()
    assert all(urlsplit(href).netloc == text for href, text in links)  # each link goes to the site it names

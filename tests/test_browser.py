"""The dashboard in a real browser: every province drawn, click to profile, language, offline.
Every page's load in both languages is checked by the sweep (tests/test_sweep.py); the checks
here interact with a page, or open links the sweep does not."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from playwright.sync_api import expect

from inklusi.export import files
from inklusi.i18n import t
from inklusi.story.plan import SLIDES
from testkit.chromium import Watch, choose, wait_until_drawn
from testkit.servers import server
from tests.exported import shell_export

RENDERED_PROVINCES = """() => {
    const plot = [...document.querySelectorAll('.js-plotly-plot')].find(p => p._fullLayout && p._fullLayout.map);
    const map = plot._fullLayout.map._subplot.map;
    const fills = map.queryRenderedFeatures().filter(f => f.layer.id.endsWith('-fill'));
    const ids = new Set(fills.map(f => String(f.id).padStart(2, '0')));
    return [...ids].sort();
}"""
PROJECT = """([lng, lat]) => {
    const plot = [...document.querySelectorAll('.js-plotly-plot')].find(p => p._fullLayout && p._fullLayout.map);
    const point = plot._fullLayout.map._subplot.map.project([lng, lat]);
    const box = plot.querySelector('.maplibregl-canvas').getBoundingClientRect();
    return [box.left + point.x, box.top + point.y];
}"""


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1500, "height": 1000})
    page = context.new_page()
    page.watch = Watch(page)
    yield page
    context.close()


def open_overview(page, url):
    page.goto(url)
    expect(page.locator("h1").first).to_be_visible(timeout=30_000)
    map_canvas = page.locator(".maplibregl-canvas").first
    expect(map_canvas).to_be_visible(timeout=30_000)
    map_canvas.hover()  # headless Chromium paints the WebGL map on the first interaction
    wait_until_drawn(page)


def rendered(page) -> list[str]:
    """The provinces the map has painted, once it has painted any (within 10 s)."""
    page.wait_for_function(f"() => ({RENDERED_PROVINCES})().length > 0", timeout=10_000, polling=100)
    return page.evaluate(RENDERED_PROVINCES)


@pytest.mark.parametrize("query, layout", [("indicator=imdi&year=2025", 38), ("indicator=ild&year=2022", 34)])
def test_the_map_draws_every_province_of_its_layout(app, page, build_dir, query, layout):
    open_overview(page, f"{app}/?{query}")
    labels = pd.read_csv(build_dir / "boundaries" / "labels.csv", dtype={"kode": str})
    assert rendered(page) == sorted(labels[labels.layout == layout].kode)
    assert page.watch.outside == []
    assert page.watch.app_errors() == []


def click_a_point(page, x: float, y: float) -> None:
    """Point, wait for plotly's hover label, then click: plotly takes a click's point from the
    hover it computes (throttled) after the pointer moves, so a click at once can land before it."""
    page.mouse.move(x, y)
    expect(page.locator(".hoverlayer .hovertext").first).to_be_visible(timeout=10_000)
    page.mouse.click(x, y)


def test_clicking_a_province_opens_its_profile(app, page, build_dir):
    open_overview(page, f"{app}/?indicator=imdi&year=2025")
    labels = pd.read_csv(build_dir / "boundaries" / "labels.csv", dtype={"kode": str})
    centre = labels[(labels.layout == 38) & (labels.kode == "62")].iloc[0]  # Kalimantan Tengah
    x, y = page.evaluate(PROJECT, [float(centre.lng), float(centre.lat)])
    click_a_point(page, x, y)
    expect(page).to_have_url(re.compile(r"/profile\?.*province=62"), timeout=20_000)
    expect(page.get_by_role("heading", name="Kalimantan Tengah")).to_be_visible(timeout=20_000)
    assert page.watch.outside == []


def test_clicking_a_tile_opens_its_profile(app, page):
    page.goto(f"{app}/?view=tiles&indicator=imdi&year=2025")
    tile = page.locator("g.textpoint", has_text=re.compile(r"^NTT$")).first
    expect(tile).to_be_visible(timeout=30_000)
    box = tile.bounding_box()
    click_a_point(page, box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(re.compile(r"/profile\?.*province=53"), timeout=20_000)
    expect(page.get_by_role("heading", name="Nusa Tenggara Timur")).to_be_visible(timeout=20_000)


def test_the_language_switch_changes_the_labels_and_the_link(app, page):
    page.goto(f"{app}/?indicator=imdi&year=2025")
    expect(page.get_by_role("heading", name="Ringkasan nasional")).to_be_visible(timeout=30_000)
    page.get_by_role("radio", name="EN", exact=True).click()
    expect(page.get_by_role("heading", name="National overview")).to_be_visible(timeout=20_000)
    expect(page.get_by_text("MSMEs mentored")).to_be_visible()
    expect(page).to_have_url(re.compile(r"lang=en"))
    page.reload()
    expect(page.get_by_role("heading", name="National overview")).to_be_visible(timeout=30_000)


def test_a_shared_link_to_any_page_opens_that_page_on_a_fresh_server(page, build_dir):
    with server() as fresh:  # the first session of a server is the one that knows no page yet
        page.goto(fresh + "/sectors?lang=en")
        expect(page.get_by_role("heading", name="MSME sectors and mentoring")).to_be_visible(timeout=30_000)
        wait_until_drawn(page)
        assert page.get_by_text("Page not found").count() == 0


# Links the sweep does not open: the tile map, and a link whose value is a Markdown image and
# an HTML image (the note shows the characters, fetches nothing).
ODD_LINKS = [
    "/?view=tiles&lang=en",
    "/?indicator=![x](http://example.com/x.png)&province=<img src=//example.com/y.png>",
]


@pytest.mark.parametrize("path", ODD_LINKS)
def test_no_odd_link_reaches_outside_localhost(app, page, path):
    page.goto(app + path)
    wait_until_drawn(page)
    assert page.get_by_text("Page not found").count() == 0
    assert page.watch.outside == []
    assert page.watch.app_errors() == []
    assert page.locator("[data-testid='stException']").count() == 0


def test_the_view_chosen_in_the_page_survives_a_reload(app, page):
    page.goto(f"{app}/?indicator=imdi&year=2024&lang=en")
    expect(page.get_by_role("heading", name="National overview")).to_be_visible(timeout=30_000)
    page.get_by_role("radio", name="Tiles", exact=True).click()
    page.get_by_role("radio", name="Gap to national", exact=True).click()
    expect(page).to_have_url(re.compile(r"view=tiles.*colour=gap|colour=gap.*view=tiles"), timeout=20_000)
    chosen = page.url
    page.reload()
    expect(page.get_by_role("heading", name="National overview")).to_be_visible(timeout=30_000)
    expect(page.locator("g.textpoint", has_text=re.compile(r"^NTT$")).first).to_be_visible(timeout=30_000)
    assert page.url == chosen
    for label in ("Tiles", "Gap to national"):
        expect(page.get_by_role("radio", name=label, exact=True)).to_be_checked()
    expect(page.get_by_text("National value 2024", exact=True)).to_be_visible()


@pytest.mark.parametrize(
    "path, fmt",
    [
        ("/sectors?sector=tekstil&lang=en", "csv"),
        ("/?indicator=ild&year=2021&lang=en", "csv"),
        ("/?indicator=ild&year=2021&lang=en", "datapackage"),
        ("/sectors?sector=tekstil&lang=en", "dta"),
    ],
)
def test_a_download_equals_the_shell_export_of_the_same_link(app, page, tmp_path, path, fmt):
    page.goto(app + path)
    expect(page.locator("h1").first).to_be_visible(timeout=30_000)
    wait_until_drawn(page)  # a choice made while the page still runs can be drawn over (CI lost one)
    page.get_by_text("Download this view's data").click()
    if fmt != "csv":
        choose(page, "Format", t(f"export.format_{fmt}", "en"))
        expect(page.get_by_text(f".{files.EXTENSIONS[fmt]}. The JSON metadata")).to_be_visible(timeout=20_000)
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("button", name="Download data").click()
    downloaded = tmp_path / download.value.suggested_filename
    download.value.save_as(downloaded)
    shell = tmp_path / f"shell.{files.EXTENSIONS[fmt]}"
    done = shell_export(page.url, fmt, shell)
    assert done.returncode == 0, done.stderr
    assert downloaded.read_bytes() == shell.read_bytes()
    assert downloaded.suffix == shell.suffix and len(downloaded.read_bytes()) > 100


def test_the_exported_story_opens_from_disk_without_network(app, browser, tmp_path):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{app}/present?lang=en&pin=53")
    page.wait_for_function("() => window.inklusiDrawn === 1.5", timeout=30_000)  # drawn for 1920 x 1080
    expect(page.locator("h1").first).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Settings").click()
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download the story").click()
    path = tmp_path / "story.html"
    download.value.save_as(path)
    offline = browser.new_context(viewport={"width": 1600, "height": 900})
    story_page = offline.new_page()
    requests = []
    story_page.on(
        "request", lambda r: requests.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None
    )
    story_page.goto(path.as_uri())
    drawn = (
        "() => [...document.querySelectorAll('.js-plotly-plot')].map(p => Boolean(p._fullLayout) && p.data.length > 0)"
    )
    every = len(SLIDES) - 2  # every slide but the QR code and the sources
    story_page.wait_for_function(f"() => ({drawn})().filter(Boolean).length === {every}", timeout=30_000, polling=100)
    assert story_page.evaluate(drawn) == [True] * every
    assert story_page.locator(".maplibregl-canvas").count() == 3  # national, skills, MSMEs online
    assert requests == []
    offline.close()
    context.close()


def test_the_kiosk_advances_by_itself(app, page):
    page.goto(f"{app}/present?lang=en&kiosk=10")
    topic = page.locator(".st-key-slide-title p")
    expect(topic).to_have_text("The national picture", timeout=30_000)
    expect(topic).to_have_text("The west-east gap", timeout=25_000)
    expect(page).to_have_url(re.compile(r"slide=2"))


OVERLAID = """() => {
    const plot = [...document.querySelectorAll('.js-plotly-plot')].find(p => p._fullLayout && p._fullLayout.map);
    return plot.data.filter(t => t.meta === 'overlay').map(t => [t.name, [...t.locations].sort()]);
}"""


@pytest.mark.parametrize("lang, legend", [("id", "tidak andal"), ("en", "unreliable")])
def test_the_msme_map_draws_38_provinces_and_marks_the_unreliable_estimates(app, page, build_dir, lang, legend):
    open_overview(page, f"{app}/?indicator=ecommerce_usaha&year=2024&lang={lang}")
    labels = pd.read_csv(build_dir / "boundaries" / "labels.csv", dtype={"kode": str})
    assert rendered(page) == sorted(labels[labels.layout == 38].kode)
    overlays = page.evaluate(OVERLAID)
    assert (
        len(overlays) == 1 and overlays[0][1] == ["94", "95"] and legend in overlays[0][0]
    )  # Papua Tengah, Pegunungan
    expect(page.locator(".legendtext", has_text=legend).first).to_be_visible()
    assert page.watch.outside == [] and page.watch.app_errors() == []


@pytest.mark.pages("adoption")
def test_skills_against_adoption_draws_38_provinces_and_its_correlation(visit):
    page = visit.page
    expect(page.get_by_text("ρ = 0", exact=False).first).to_be_visible()
    points = page.evaluate(
        "() => document.querySelector('.js-plotly-plot')._fullData.filter(t => t.mode === "
        "'markers+text').reduce((n, t) => n + t.x.length, 0)"
    )
    assert points == 38

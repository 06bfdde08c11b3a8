"""The overview map, and the presenter's map slide, played through the editions in a real browser:
each edition in turn, on the province layout it was published on, with one colour scale for all
of them (the lowest and highest provincial value of any edition, computed here with pandas)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from testkit.chromium import watched_page

MAP = """() => {
    const plot = [...document.querySelectorAll('.js-plotly-plot')].find(p => p._fullLayout && p._fullLayout.map);
    if (!plot) return null;
    const coloured = plot._fullData.find(t => t.type === 'choroplethmap' && t.showscale);
    const shapes = plot._fullData.filter(t => t.type === 'choroplethmap' && t.hoverinfo !== 'skip');
    return {
        title: plot.layout.title.text,
        zmin: coloured.zmin,
        zmax: coloured.zmax,
        provinces: new Set(shapes.flatMap(t => Array.from(t.locations))).size,
    };
}"""


# The tests share one page and build on each other (the play, then its release); the play's 2-s
# frames are timed by the server, which a parallel worker starves: in the serial part, in order.
pytestmark = pytest.mark.serial


@pytest.fixture(scope="module")
def page(browser, app):
    with watched_page(browser, viewport={"width": 1366, "height": 768}) as page:
        page.goto(f"{app}/?indicator=imdi&year=2025&lang=en")
        expect(page.get_by_role("heading", name="National overview")).to_be_visible(timeout=30_000)
        expect(page.locator(".maplibregl-canvas").first).to_be_visible(timeout=30_000)
        yield page


COLLECT = f"""() => {{
    window.frames_seen = [];
    setInterval(() => {{
        const m = ({MAP})();
        const last = window.frames_seen[window.frames_seen.length - 1];
        if (m && (!last || last.title !== m.title || last.zmin !== m.zmin)) window.frames_seen.push(m);
    }}, 40);
}}"""


def edition(frame: dict) -> int:
    return int(re.search(r"(?:\(IMDI\)|Index)(?:<br>| )(\d{4})", frame["title"])[1])


def play_through(page, values, button: str) -> list[dict]:
    """Press play and collect the frames drawn on the fixed scale until the last edition shows;
    check each against the editions (every one, in order, each on its layout, one scale)."""
    imdi = values[(values.indicator == "imdi") & (values.province != "ID")]
    low, high = imdi.value.min(), imdi.value.max()
    layouts = imdi.groupby("year").layout.first().to_dict()
    page.evaluate(COLLECT)  # every frame the browser draws, however briefly, whatever the machine's load
    page.get_by_role("button", name=button).click()
    page.wait_for_function(  # the play has reached the last edition, on the fixed scale
        f"() => window.frames_seen.some(f => Math.abs(f.zmin - {low}) < 1e-9 && /(IMDI\\)|Index) 2025/.test("
        "f.title.replace(/<br>/g, ' ')))",
        timeout=120_000,
    )
    played = [f for f in page.evaluate("() => window.frames_seen") if f["zmin"] == pytest.approx(low)]
    assert list(dict.fromkeys(edition(f) for f in played)) == [2022, 2023, 2024, 2025]
    for frame in played:
        assert frame["zmax"] == pytest.approx(high)  # one colour scale: colours compare across frames
        assert frame["provinces"] == layouts[edition(frame)]  # 34 provinces in 2022, 38 from 2023
    return played


def test_the_map_plays_every_edition_on_its_layout_with_one_colour_scale(page, values):
    play_through(page, values, "Play the editions 2022–2025")
    expect(page.get_by_text(re.compile(r"One colour scale for every edition: 20\.9\d* to 5\d"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"year=2025"))


def test_after_the_play_the_page_shows_the_last_edition_and_keeps_the_scale_until_released(page, values):
    latest = values[(values.indicator == "imdi") & (values.province != "ID") & (values.year == 2025)]
    expect(page.get_by_role("button", name="Play the editions 2022–2025")).to_be_enabled(timeout=20_000)
    expect(page.get_by_text("National value 2025", exact=True)).to_be_visible()
    page.get_by_role("button", name="Each edition's own colour scale").click()
    expect(page.get_by_text(re.compile("One colour scale for every edition"))).to_have_count(0, timeout=20_000)
    # released: the 2025 map on its own scale again, from its own lowest value
    page.wait_for_function(
        f"() => {{ const m = ({MAP})(); return m && Math.abs(m.zmin - {latest.value.min()}) < 1e-9; }}"
    )
    assert page.watch.outside == []
    assert page.watch.app_errors() == []


def test_the_presenters_map_slide_plays_the_editions_and_is_released_to_its_own(browser, app, values):
    latest = values[(values.indicator == "imdi") & (values.province != "ID") & (values.year == 2025)]
    with watched_page(browser, viewport={"width": 1280, "height": 720}) as page:
        page.goto(f"{app}/present?slide=1&pin=53&lang=en")
        expect(page.locator(".maplibregl-canvas").first).to_be_visible(timeout=30_000)
        played = play_through(page, values, "Play the editions 2022–2025")
        imdi = values[(values.indicator == "imdi") & (values.province != "ID")].value
        scale = f"one colour scale for every edition: {imdi.min():.2f}–{imdi.max():.2f}"
        assert all(scale in f["title"] for f in played), played[0]["title"]
        expect(page).to_have_url(re.compile(r"slide=1"))  # the slide's link does not take the year
        head = page.locator(".st-key-slide-head").bounding_box()
        assert head["height"] < 80  # the header stays one line, its settings on the screen
        page.get_by_role("button", name="Each edition's own colour scale").click()
        page.wait_for_function(
            f"() => {{ const m = ({MAP})(); return m && Math.abs(m.zmin - {latest.value.min()}) < 1e-9 "
            "&& /Index 2025/.test(m.title); }"
        )
        expect(page.get_by_role("button", name="Play the editions 2022–2025")).to_be_visible()
        assert page.watch.outside == []
        assert page.watch.app_errors() == []

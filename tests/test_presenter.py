"""Presenter mode on real screens: every slide fits a projector without scrolling, no text of
any chart of a slide is clipped or overlaps another (the pages' charts: tests/test_sweep.py),
the QR codes decode to the slide's light audience page, a phone gets the chart in its first screen, and the
speaker view shows the notes. Screenshots of every size are kept under build/screenshots/."""

from __future__ import annotations

import math
import re
import shutil
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from inklusi import config
from inklusi.i18n import t
from inklusi.story.plan import SLIDES
from testkit import hosts
from testkit.chromium import CHART_TEXTS, PHONE, Watch, chart_problems, wait_until_drawn
from testkit.servers import server

SCREENS = [(1280, 720, "id"), (1920, 1080, "en")]  # the lowest projector screen and the largest
# What would make a slide scroll, and where its parts are.
SLIDE_LAYOUT = """() => ({
    scrolling: [...document.querySelectorAll('*')].filter(e => {
        const s = getComputedStyle(e);
        return /(auto|scroll)/.test(s.overflowY) && e.clientHeight > 0 && e.scrollHeight > e.clientHeight + 1;
    }).map(e => e.getAttribute('data-testid') || e.className.toString().slice(0, 40)),
    page: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
    sentences: [...document.querySelectorAll('.st-key-slide-body [data-testid=stMarkdownContainer] p')]
        .map(p => [p.getBoundingClientRect().bottom, parseFloat(getComputedStyle(p).fontSize)]),
    chart: (() => { const c = document.querySelector('.st-key-slide-body .js-plotly-plot');
        if (!c) return null; const r = c.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })(),
    topic: (() => { const p = document.querySelector('.st-key-slide-title p');
        return [p.scrollWidth, p.clientWidth]; })(),
    headline: (() => { const h = document.querySelector('.st-key-slide-body h1'); const s = getComputedStyle(h);
        return [h.scrollWidth, h.clientWidth, h.getBoundingClientRect().height,
                parseFloat(s.lineHeight) || 1.15 * parseFloat(s.fontSize)]; })(),
    head: document.querySelector('.st-key-slide-head').getBoundingClientRect().height,
    type: [...document.querySelectorAll('.st-key-slide-body .js-plotly-plot')].flatMap(p => [...p.querySelectorAll(
        '.xtick text, .ytick text, .legendtext, .textpoint text, .bartext, .cbaxis text, .annotation-text')])
        .filter(e => e.textContent.trim() && e.getBoundingClientRect().height > 0)
        .map(e => [e.textContent.trim().slice(0, 30), parseFloat(getComputedStyle(e).fontSize)]),
})"""
SHOTS = config.build_dir() / "screenshots"
QR_SLIDE = SLIDES.index("qr") + 1
# The slides whose chart draws provinces one by one, and the pinned province's name there (pin=53).
PROVINCE_CHARTS = ("national", "gap", "skills", "adoption", "msme", "next", "world")
ROOM_TYPE = 22  # px of tick labels, legends and value labels a room reads at 1280 x 720; in proportion above
PINNED = {"id": "Nusa Tenggara Timur", "en": "East Nusa Tenggara"}


def decoded(path) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(np.asarray(Image.open(path).convert("L")))]


def wait_for_slide(page, number: int, count: int, has_chart: bool) -> None:
    expect(page.locator(".st-key-slide-head p", has_text=f"{number} / {count}")).to_be_visible(timeout=30_000)
    if has_chart:
        page.wait_for_function(
            "() => { const p = document.querySelector('.st-key-slide-body .js-plotly-plot');"
            " return p && p._fullLayout && p.querySelector('.main-svg'); }",
            timeout=30_000,
        )
    wait_until_drawn(page)  # and still: the chart takes the height left once the sentences are laid out


@pytest.mark.parametrize("width, height, lang", SCREENS, ids=[f"{w}x{h}" for w, h, _ in SCREENS])
def test_every_slide_fits_the_screen_with_nothing_clipped(app, browser, width, height, lang):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    watch = Watch(page)
    page.goto(f"{app}/present?lang={lang}&pin=53")
    step = min(2, max(1, math.floor(min(width / 1280, height / 720) * 8) / 8))  # 1920 x 1080: 1.5
    page.wait_for_function(f"() => window.inklusiDrawn === {step}", timeout=30_000)  # drawn for this screen
    SHOTS.mkdir(parents=True, exist_ok=True)
    count = len(SLIDES)
    report, titles = [], []
    for number, key in enumerate(SLIDES, start=1):
        wait_for_slide(page, number, count, key not in ("qr", "sources"))
        titles.append(page.locator("h1").first.inner_text())
        page.screenshot(path=SHOTS / f"present-{width}x{height}-{number}-{key}.png")
        layout = page.evaluate(SLIDE_LAYOUT)
        problems = [f"scrolls: {layout['scrolling']}"] if layout["scrolling"] else []
        if layout["page"][0] > width or layout["page"][1] > height:
            problems.append(f"page {layout['page']} larger than the screen")
        if layout["topic"][0] > layout["topic"][1] or layout["head"] > 80:
            problems.append(f"header not one line: topic {layout['topic']}, header {layout['head']} px high")
        scroll_width, client_width, tall, line = layout["headline"]
        if scroll_width > client_width or tall > 2.5 * line:
            problems.append(f"headline cut or over two lines: {layout['headline']}")
        if width == 1280 and min(size for _, size in layout["sentences"]) < 24:
            problems.append(f"sentences under 24 px: {layout['sentences']}")
        if layout["chart"]:
            left, top, right, bottom = layout["chart"]
            if left < 0 or top < 0 or right > width or bottom > height:
                problems.append(f"chart {layout['chart']} outside the screen")
            if max(bottom for bottom, _ in layout["sentences"]) > top + 1:
                problems.append("the sentences run into the chart")
            problems += chart_problems(page)
            drawn = " ".join(item["text"] for chart in page.evaluate(CHART_TEXTS) for item in chart["texts"])
            if key in PROVINCE_CHARTS and PINNED[lang] not in drawn:
                problems.append(f"the pinned province ({PINNED[lang]}) is not named on the chart")
            small = [(text, size) for text, size in layout["type"] if size < ROOM_TYPE * step - 0.01]
            if small or not layout["type"]:
                problems.append(f"chart text under {ROOM_TYPE * step} px: {small[:5]}")
        report += [f"slide {number} ({key}): {p}" for p in problems]
        page.keyboard.press("ArrowRight")
    assert report == []
    assert len(set(titles)) == count, titles  # the arrow key went through every slide
    assert page.locator("section[data-testid='stSidebar']").is_hidden()
    assert watch.outside == [] and watch.app_errors() == []  # every slide offline
    context.close()


def test_under_make_run_no_qr_code_names_localhost_and_the_presenter_is_told_why(app, browser):
    """make run listens on localhost only: the QR slide and the corner say phones cannot reach it,
    and so do the settings, instead of a code of an address no phone can open."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{app}/present?lang=en&pin=53&slide={QR_SLIDE}")
    wait_for_slide(page, QR_SLIDE, len(SLIDES), False)
    expect(page.locator(".st-key-slide-body [data-testid=stAlert]")).to_contain_text("make serve")
    assert page.locator(".st-key-slide-body img").count() == 0
    page.get_by_role("button", name="Settings").click()
    expect(page.locator("[data-testid=stPopoverBody] [data-testid=stAlert]")).to_contain_text("make serve")
    page.goto(f"{app}/present?lang=en&pin=53&slide=3&qr=1")
    wait_for_slide(page, 3, len(SLIDES), True)
    expect(page.locator(".st-key-slide-qr")).to_contain_text(t("present.qr_unreachable", "en"))
    assert page.locator(".st-key-slide-qr img").count() == 0
    context.close()


@pytest.mark.skipif(not shutil.which("ip"), reason="iproute2 is not installed (.ci/run installs it)")
def test_a_deck_opened_on_localhost_gives_the_room_this_machines_address_beside_the_chart(browser):
    """As under make serve (the room's port set): the QR codes decode to this machine's address on
    the default route, the corner QR sits beside the chart and never over it."""
    with server({"INKLUSI_ROOM_PORT": "8080"}) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        page = context.new_page()
        room = f"http://{hosts.routed_address()}:8080/app/static/audience"
        page.goto(f"{base}/present?lang=id&pin=53&slide={QR_SLIDE}")
        wait_for_slide(page, QR_SLIDE, len(SLIDES), False)
        page.locator(".st-key-qr-slide img").screenshot(path=SHOTS / "present-qr-slide-id.png")
        assert decoded(SHOTS / "present-qr-slide-id.png") == [f"{room}/id/1-53.html"]
        expect(page.locator(".st-key-qr-slide code")).to_have_text(f"{room}/id/1-53.html")
        for number in (1, 4, 7):
            page.goto(f"{base}/present?lang=en&pin=53&slide={number}&qr=1")
            wait_for_slide(page, number, len(SLIDES), True)
            shot = SHOTS / f"present-qr-corner-{number}.png"
            page.screenshot(path=shot)
            assert decoded(shot) == [f"{room}/en/{number}-53.html"]
            qr = page.locator(".st-key-slide-qr").bounding_box()
            plot = page.locator(".st-key-slide-body .js-plotly-plot").bounding_box()
            assert qr["x"] >= plot["x"] + plot["width"] and qr["x"] + qr["width"] <= 1280, (qr, plot)
        context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/present?lang=en&pin=53&slide=2&qr=1",
        "/present?lang=id&slide=1",
        "/present?lang=en&pin=53&slide=4",
        "/?lang=id",
    ],
)
def test_a_phone_shows_the_chart_and_one_number_in_its_first_screen(app, browser, path):
    context = browser.new_context(**PHONE, is_mobile=True)
    page = context.new_page()
    page.goto(app + path)
    expect(page.locator("h1").first).to_be_visible(timeout=30_000)
    wait_until_drawn(page)
    page.screenshot(path=SHOTS / f"phone-390x844-{path.strip('/?').replace('&', '-').replace('=', '')}.png")
    chart = page.locator(".js-plotly-plot").first.bounding_box()
    assert chart["y"] + 0.6 * chart["height"] <= 844 and chart["x"] >= 0 and chart["x"] + chart["width"] <= 390
    assert chart["width"] >= 0.85 * 390, chart  # the whole width: no corner QR beside it on a phone
    numbers = page.locator("[data-testid=stMetric]:visible, .st-key-slide-body p:visible")
    first = numbers.first.bounding_box()
    assert first["y"] + first["height"] <= chart["y"] + 1, "one headline number above the chart"
    if path == "/?lang=id":
        assert numbers.count() == 4 and page.locator("[data-testid=stMetric]").nth(1).bounding_box()["y"] > 844
    else:  # a live slide: a plot a phone can read, its key in one or two rows (no clipped axis title below)
        plot = page.locator(".js-plotly-plot .nsewdrag, .js-plotly-plot .maplibregl-canvas").first.bounding_box()
        assert plot["height"] >= 300, plot
        legend = page.locator(".js-plotly-plot .legend")
        rows = {round(box["y"]) for box in (e.bounding_box() for e in legend.locator(".traces").all())}
        assert legend.count() == 0 or len(rows) <= 2, rows
    assert chart_problems(page) == []
    context.close()


def test_the_speaker_view_and_the_deck_follow_each_other_and_no_other_deck(app, browser):
    """A deck and its speaker view (one token in their links) stay on one slide whichever moves;
    a second deck on the same server (another presenter) does not move with them. The speaker view
    shows the notes in large type, the current and next slides as pictures and a clock that starts
    on the first Next."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    deck, other = context.new_page(), browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    deck.goto(f"{app}/present?lang=en&slide=6")
    other.goto(f"{app}/present?lang=en&slide=6")
    for page in (deck, other):
        wait_for_slide(page, 6, len(SLIDES), True)
        page.get_by_role("button", name="Settings").click()
        page.get_by_role("button", name=t("present.speaker_tie", "en")).click()
        expect(page.get_by_role("link", name=t("present.speaker_link", "en"))).to_be_visible(timeout=15_000)
        page.keyboard.press("Escape")
    token = parse_qs(urlsplit(deck.url).query)["deck"][0]
    assert token != parse_qs(urlsplit(other.url).query)["deck"][0]
    speaker = context.new_page()
    speaker.goto(f"{app}/present?mode=present&view=speaker&lang=en&slide=1&deck={token}")
    expect(speaker.locator(".st-key-slide-head p", has_text=f"6 / {len(SLIDES)}")).to_be_visible(timeout=30_000)
    body = speaker.locator(".st-key-speaker-body")
    expect(body).to_contain_text("synthetic")
    expect(body).to_contain_text(t("present.elapsed_waiting", "en"))
    expect(body.locator("img")).to_have_count(2)  # the current slide and the next one
    note = body.locator("li").first
    assert float(note.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 20
    deck.get_by_role("button", name="Next").click()
    expect(speaker.locator(".st-key-slide-head p", has_text=f"7 / {len(SLIDES)}")).to_be_visible(timeout=30_000)
    expect(body).to_contain_text(re.compile(t("present.elapsed", "en", time=r"\d\d:\d\d")))
    for number in (6, 5):
        speaker.get_by_role("button", name="Previous").click()
        expect(speaker.locator(".st-key-slide-head p", has_text=f"{number} / {len(SLIDES)}")).to_be_visible(
            timeout=30_000
        )
        expect(deck.locator(".st-key-slide-head p", has_text=f"{number} / {len(SLIDES)}")).to_be_visible(timeout=30_000)
    expect(other.locator(".st-key-slide-head p", has_text=f"6 / {len(SLIDES)}")).to_be_visible()
    context.close()

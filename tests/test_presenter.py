"""Presenter mode on real screens: every slide fits a projector without scrolling, no text of
any chart of a slide is clipped or overlaps another (the pages' charts: tests/test_sweep.py),
the QR codes decode to the slide's light audience page, a phone gets the chart in its first screen, and the
speaker view shows the notes. Screenshots of every size are kept under build/screenshots/."""

from __future__ import annotations

import re

import numpy as np
import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from inklusi import config
from inklusi.i18n import t
from inklusi.story.plan import SLIDES
from testkit.chromium import PHONE, Watch, chart_problems, wait_until_drawn
from testkit.servers import server

SCREENS = [(1280, 720, "id"), (1280, 800, "en"), (1366, 768, "id"), (1920, 1080, "en")]
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
})"""
SHOTS = config.build_dir() / "screenshots"
QR_SLIDE = SLIDES.index("qr") + 1


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
        report += [f"slide {number} ({key}): {p}" for p in problems]
        page.keyboard.press("ArrowRight")
    assert report == []
    assert len(set(titles)) == count, titles  # the arrow key went through every slide
    assert page.locator("section[data-testid='stSidebar']").is_hidden()
    assert watch.outside == [] and watch.app_errors() == []  # every slide offline
    context.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_qr_codes_decode_to_the_light_page_of_the_view(app, browser, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{app}/present?lang={lang}&pin=53&slide={QR_SLIDE}")
    wait_for_slide(page, QR_SLIDE, len(SLIDES), False)
    shot = SHOTS / f"present-qr-slide-{lang}.png"
    page.locator(".st-key-qr-slide img").screenshot(path=shot)
    [link] = decoded(shot)
    assert link == f"{app}/app/static/audience/{lang}/1-53.html", link
    expect(page.locator(".st-key-qr-slide code")).to_have_text(link)

    page.goto(f"{app}/present?lang={lang}&pin=53&slide=3&qr=1")
    wait_for_slide(page, 3, len(SLIDES), True)
    corner = SHOTS / f"present-qr-corner-{lang}.png"
    page.locator(".st-key-slide-qr img").screenshot(path=corner)
    [link] = decoded(corner)
    assert link == f"{app}/app/static/audience/{lang}/3-53.html", link
    box = page.locator(".st-key-slide-qr").bounding_box()
    assert box["x"] + box["width"] <= 1280 and box["y"] + box["height"] <= 800
    context.close()


def test_the_qr_code_uses_the_public_address_the_presenter_sets(browser):
    public = "http://192.168.1.20:8501"
    with server({"INKLUSI_PUBLIC_URL": public}) as base:  # fresh: a server reads the setting when it starts
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(f"{base}/present?lang=en&slide={QR_SLIDE}")
        wait_for_slide(page, QR_SLIDE, len(SLIDES), False)
        page.locator(".st-key-qr-slide img").screenshot(path=SHOTS / "present-qr-public.png")
        [link] = decoded(SHOTS / "present-qr-public.png")
        assert link == f"{public}/app/static/audience/en/1.html", link
        context.close()


@pytest.mark.parametrize("path", ["/present?lang=en&pin=53&slide=2", "/present?lang=id&slide=1", "/?lang=id"])
def test_a_phone_shows_the_chart_and_one_number_in_its_first_screen(app, browser, path):
    context = browser.new_context(**PHONE, is_mobile=True)
    page = context.new_page()
    page.goto(app + path)
    expect(page.locator("h1").first).to_be_visible(timeout=30_000)
    wait_until_drawn(page)
    page.screenshot(path=SHOTS / f"phone-390x844-{path.strip('/?').replace('&', '-').replace('=', '')}.png")
    chart = page.locator(".js-plotly-plot").first.bounding_box()
    assert chart["y"] + 0.6 * chart["height"] <= 844 and chart["x"] >= 0 and chart["x"] + chart["width"] <= 390
    numbers = page.locator("[data-testid=stMetric]:visible, .st-key-slide-body p:visible")
    first = numbers.first.bounding_box()
    assert first["y"] + first["height"] <= chart["y"] + 1, "one headline number above the chart"
    if path == "/?lang=id":
        assert numbers.count() == 4 and page.locator("[data-testid=stMetric]").nth(1).bounding_box()["y"] > 844
    assert chart_problems(page) == []
    context.close()


def test_the_speaker_view_shows_notes_the_next_title_and_a_clock(app, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{app}/present?mode=present&view=speaker&lang=en&slide=6")
    expect(page.locator(".st-key-slide-title p")).to_contain_text(t("notes.title", "en"), timeout=30_000)
    body = page.locator(".st-key-slide-body")
    expect(body).to_contain_text("synthetic")
    expect(body).to_contain_text(t("present.next_slide", "en", title=t("story.next_topic", "en")).replace("**", ""))
    expect(page.get_by_text(re.compile(r"^\d\d:\d\d$"))).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(page.locator(".st-key-slide-head p", has_text=f"7 / {len(SLIDES)}")).to_be_visible(timeout=15_000)
    context.close()

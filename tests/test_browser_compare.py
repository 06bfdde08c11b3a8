"""The comparison page in a real browser, from one link: what it keeps and drops, the lines, the
break on the time axis, the panels at a click, and the download against the shell export."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from playwright.sync_api import expect

from testkit.chromium import watched_page
from tests.exported import shell_export

LINK = "/compare?lang=en&indicator=imdi&provinces=31,53,95,99,31,91"
TRACES = """() => {
    const plot = [...document.querySelectorAll('.js-plotly-plot')].find(p => p._fullData && p._fullData.length);
    const plain = values => Array.from(values, v => (v === null || Number.isNaN(v) ? null : v));
    return plot._fullData.filter(t => t.name && t.hoverinfo !== 'skip')
        .map(t => ({name: t.name, x: plain(t.x), y: plain(t.y), xaxis: t.xaxis}));
}"""
BREAKS = """() => {
    const plot = [...document.querySelectorAll('.js-plotly-plot')].find(p => p.data && p.data.length);
    return (plot.layout.shapes || []).map(s => s.x0);
}"""


# The tests share one page, and the later ones change its view (panels, a longer link): one worker, in order.
pytestmark = pytest.mark.xdist_group("compare")


@pytest.fixture(scope="module")
def page(browser, app):
    with watched_page(browser, viewport={"width": 1366, "height": 768}) as page:
        page.base = app
        page.goto(app + LINK)
        expect(page.get_by_role("heading", name="Compare provinces over the editions")).to_be_visible(timeout=30_000)
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
        yield page


def test_the_link_keeps_what_it_can_and_says_what_it_dropped(page):
    expect(page.get_by_text("not recognised and are left out: «99»")).to_be_visible()
    expect(page.get_by_text("named more than once in the link, used once only: «31»")).to_be_visible()
    expect(page).to_have_url(re.compile(r"provinces=31%2C53%2C95%2C91(&|$)"), timeout=20_000)


def test_a_line_per_province_and_the_national_line_with_the_published_values(page, values):
    traces = {t["name"]: t for t in page.evaluate(TRACES)}
    assert list(traces) == ["Jakarta", "East Nusa Tenggara", "Highland Papua", "Papua", "National"]
    imdi = values[values.indicator == "imdi"]
    ntt = imdi[imdi.province == "53"].set_index("year")["value"]
    assert dict(zip(traces["East Nusa Tenggara"]["x"], traces["East Nusa Tenggara"]["y"], strict=True)) == ntt.to_dict()
    highland = dict(zip(traces["Highland Papua"]["x"], traces["Highland Papua"]["y"], strict=True))
    assert highland[2022] is None  # formed in 2022, not published on the 34-province layout of 2022: no point
    assert highland[2025] == imdi.query("year == 2025 and province == '95'").value.iloc[0]
    national = imdi[imdi.province == "ID"].set_index("year")["value"]
    assert dict(zip(traces["National"]["x"], traces["National"]["y"], strict=True)) == national.to_dict()
    expect(page.get_by_text("Highland Papua is compared with Papua: before the 2022 split")).to_be_visible()
    # data/breaks.csv: 34 -> 38 provinces and a pillar's method in 2023, two pillars' methods in 2025
    assert page.evaluate(BREAKS) == [2022.5, 2024.5]
    expect(page.get_by_text("Dotted line before 2023 (province layout): Layout changed from 34 to 38")).to_be_visible()
    expect(page.get_by_text("Dotted line before 2025 (method): The digital skills pillar was replaced")).to_be_visible()
    expect(page.locator(".js-plotly-plot .annotation-text", has_text="34 → 38 provinces · method")).to_be_visible()


def test_the_download_equals_the_shell_export_of_the_same_link(page, tmp_path):
    page.get_by_text("Download this view's data").click()
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("button", name="Download data").click()
    downloaded = tmp_path / download.value.suggested_filename
    download.value.save_as(downloaded)
    shell = tmp_path / "shell.csv"
    done = shell_export(page.url, "csv", shell)
    assert done.returncode == 0, done.stderr
    assert downloaded.read_bytes() == shell.read_bytes()
    assert list(pd.read_csv(downloaded, dtype={"province": str})["province"].unique()) == ["31", "53", "95", "91"]


def test_a_click_shows_one_panel_per_province(page):
    page.get_by_role("radio", name="A panel per province", exact=True).click()
    expect(page).to_have_url(re.compile(r"show=panels"), timeout=20_000)
    expect(page.locator(".js-plotly-plot .annotation-text", has_text="Highland Papua")).to_be_visible(timeout=20_000)
    axes = {t["xaxis"] for t in page.evaluate(TRACES)}
    assert len(axes) == 4  # one panel each, the national line in every one
    assert page.watch.outside == []
    assert page.watch.app_errors() == []
    assert page.locator("[data-testid='stException']").count() == 0


def test_a_link_with_one_province_too_many_and_an_indicator_of_one_edition(page):
    codes = "11,12,13,14,15,16,17,18,19"
    page.goto(f"{page.base}/compare?lang=id&indicator=ild_2020&provinces={codes}")
    expect(page.get_by_text("Paling banyak 8 provinsi dibandingkan; yang lebih dari itu dilewati: «19»")).to_be_visible(
        timeout=30_000
    )
    expect(page.get_by_text("hanya punya satu edisi (2020)")).to_be_visible()

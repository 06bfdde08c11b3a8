"""The light audience view (inklusi/audience): every page says the story's own sentences, its
table the values pandas computes from data/values.csv, each page is small, the pages are built
again when an input changes, Streamlit serves them as HTML under make run, and through make serve
a phone gets a page with nothing from outside, no console error, the chart, axe-core's approval,
a working language switch, a live link and a fallback that says what it did not understand."""

from __future__ import annotations

import gzip
import shutil
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from inklusi import config
from inklusi.audience import build, filename, page
from inklusi.i18n import LANGS, t
from inklusi.story import deck as story
from inklusi.story.plan import SLIDES
from inklusi.story.slide import PHONE as PHONE_SCREEN
from testkit.chromium import PHONE, axe_serious, fast_3g, watched_page

NUMBER = {key: i for i, key in enumerate(SLIDES, start=1)}


@pytest.fixture(scope="module")
def pages(run):
    """(lang, pin) -> {slide key: (slide, its page parsed)}, built as the build step builds them."""
    built = {}
    for lang in LANGS:
        for pin in ("", "53"):
            deck = story.slides(run, lang, pin, lambda layout: None, PHONE_SCREEN)
            built[(lang, pin)] = {
                slide.key: (
                    slide,
                    BeautifulSoup(
                        page.page(slide, i, len(deck), lang, pin, edition="e", synthetic=False), "html.parser"
                    ),
                )
                for i, slide in enumerate(deck, start=1)
            }
    return built


def plain(sentence: str) -> str:
    return sentence.replace("**", "")


def table(soup) -> pd.DataFrame:
    rows = [[cell.get_text() for cell in tr.find_all(["th", "td"])] for tr in soup.select("table tbody tr")]
    return pd.DataFrame(rows).set_index(0)


def read(text: str, lang: str) -> float:
    """A printed number back (1.234,5 in Indonesian, 1,234.5 in English), marks and % dropped."""
    text = text.replace("†", "").replace("%", "").strip()
    text = text.replace(".", "").replace(",", ".") if lang == "id" else text.replace(",", "")
    return float(text)


def names(provinces, lang: str) -> pd.Series:
    return provinces.set_index("kode")["nama" if lang == "id" else "name_en"]


def latest(values, indicator: str, year: int) -> pd.Series:
    rows = values[(values.indicator == indicator) & (values.year == year) & (values.province != "ID")]
    return rows.set_index("province").value


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("pin", ["", "53"])
def test_every_page_says_the_slides_sentences_title_and_source(pages, lang, pin):
    for key, (slide, soup) in pages[(lang, pin)].items():
        said = [p.get_text() for p in soup.select(".said > *")]
        assert said == [plain(s) for s in slide.sentences], key
        assert soup.h1.get_text() == slide.title and soup.html["lang"] == lang
        if slide.chart:
            assert soup.select_one(".source").get_text() == slide.chart.labels.source
            svg = soup.select_one("figure svg")
            assert svg["role"] == "img" and svg.title.get_text() and svg.desc.get_text() == slide.alt
            assert soup.select_one("table caption").get_text() == slide.chart.labels.title
        live = soup.select_one("a.live")["href"]
        assert live == f"/present?lang={lang}&slide={NUMBER[key]}" + (f"&pin={pin}" if pin else "")
        other = next(code for code in LANGS if code != lang)
        assert soup.select_one(f'a[hreflang="{other}"]')["href"] == f"../{other}/{filename(NUMBER[key], pin)}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_map_slides_tables_hold_the_published_values_ranked(pages, values, provinces, lang):
    """IMDI 2025 and the digital-literacy pillar as published; small manufacturers online computed
    here from BPS's two counts; highest first."""
    using, not_using = latest(values, "imk_internet", 2025), latest(values, "imk_tanpa_internet", 2025)
    expected = {
        "national": latest(values, "imdi", 2025),
        "skills": latest(values, "imdi_literasi", 2025),
        "msme": 100 * using / (using + not_using),
    }
    for key, published in expected.items():
        shown = table(pages[(lang, "")][key][1])
        want = published.rename(names(provinces, lang)).sort_values(ascending=False)
        assert list(shown.index) == list(want.index), key
        assert [read(v, lang) for v in shown[1]] == pytest.approx(list(want), abs=0.005), key


@pytest.mark.parametrize("lang", LANGS)
def test_the_gap_table_holds_the_mean_of_each_time_zone_in_each_edition(pages, values, provinces, lang):
    """On the like set: the provinces valued in every edition whose territory the 2022 split left
    unchanged (neither a new province nor the one it came from)."""
    imdi = values[(values.indicator == "imdi") & (values.province != "ID") & values.value.notna()]
    every = imdi.groupby("province")["year"].nunique() == imdi["year"].nunique()
    moved = provinces[provinces.kode != provinces.kode_2012]
    like = set(every[every].index) - set(moved.kode) - set(moved.kode_2012)
    imdi = imdi[imdi.province.isin(like)]
    zones = imdi.merge(provinces, left_on="province", right_on="kode").pivot_table(
        index="year", columns="zona_waktu", values="value", aggfunc="mean"
    )
    shown = table(pages[(lang, "")]["gap"][1])
    assert [int(y) for y in shown.index] == list(zones.index)
    for column, zone in zip(shown.columns, ("WIB", "WITA", "WIT"), strict=True):
        assert [read(v, lang) for v in shown[column]] == pytest.approx(list(zones[zone]), abs=0.005 + 1e-9)


def test_the_adoption_table_holds_each_provinces_skills_and_adoption(pages, values, provinces):
    using, not_using = latest(values, "imk_internet", 2025), latest(values, "imk_tanpa_internet", 2025)
    want = pd.DataFrame({"x": latest(values, "imdi_literasi", 2025), "y": 100 * using / (using + not_using)})
    want = want.rename(index=names(provinces, "en"))
    shown = table(pages[("en", "")]["adoption"][1])
    assert sorted(shown.index) == sorted(want.index)
    for name, row in shown.iterrows():
        assert (read(row[1], "en"), read(row[2], "en")) == pytest.approx(tuple(want.loc[name]), abs=0.005), name


def test_marks_synthetic_unreliable_and_derived_as_the_slides_do(pages):
    soup = pages[("en", "")]["mentoring"][1]
    assert "synthetic" in soup.h1.get_text()
    msme = pages[("en", "")]["msme"]
    assert "derived" in msme[1].select_one("figcaption").get_text()
    for key, (slide, soup) in pages[("en", "")].items():
        daggers = "†" in soup.select_one("table").get_text() if slide.chart else False
        assert daggers == (t("reliability.legend", "en") in soup.get_text()), key


def test_every_built_page_is_far_under_300_kb_and_read_only():
    built = sorted(config.STATIC_AUDIENCE.glob("*/*.html"))
    assert len(built) == len(LANGS) * len(SLIDES) * len(build.pins())
    sizes = {path.name: len(gzip.compress(path.read_bytes())) for path in built}
    assert max(path.stat().st_size for path in built) <= 300_000
    assert max(sizes.values()) <= 30_000
    assert all(path.stat().st_mode & 0o222 == 0 for path in built)


def test_the_pages_are_built_again_when_an_input_changes(tmp_path):
    data = tmp_path / "build"
    data.mkdir()
    for path in config.build_dir().glob("*.parquet"):
        shutil.copy(path, data / path.name)
    before, edition = build.inputs(data)
    assert build.inputs(data) == (before, edition)
    (data / "provinces.parquet").write_bytes((data / "provinces.parquet").read_bytes() + b"\0")
    after, changed = build.inputs(data)
    assert after != before and changed != edition
    assert (config.STATIC_AUDIENCE / build.STAMP).read_text() == build.inputs(config.build_dir())[0]
    code = {path.relative_to(config.REPO).as_posix() for path in build._code_files()}
    assert {
        "inklusi/story/deck.py",
        "inklusi/pages/overview/slide.py",
        "inklusi/audience/svg.py",
        "inklusi/messages.toml",
        "inklusi/pages/gaps/messages.toml",
    } <= code


def test_streamlit_serves_the_pages_as_html_under_make_run(app):
    response = urllib.request.urlopen(f"{app}/app/static/audience/en/1.html", timeout=30)
    assert response.headers["Content-Type"].startswith("text/html")
    assert BeautifulSoup(response.read(), "html.parser").html["lang"] == "en"


@pytest.fixture(scope="module")
def phone(site, browser):
    """One phone's page of a pinned slide through make serve, and its first answer."""
    base, _ = site
    with watched_page(browser, **PHONE) as tab:
        answer = tab.goto(f"{base}/audience/en/1-53.html")
        yield tab, answer, base


@pytest.mark.browser
@pytest.mark.serial
def test_a_phone_gets_the_page_from_nginx_compressed_with_nothing_from_outside(phone):
    tab, answer, _ = phone
    headers = answer.all_headers()
    assert answer.status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert headers["cache-control"] == "no-cache" and headers["content-encoding"] in ("gzip", "br")
    expect(tab.locator("figure svg")).to_be_visible()
    assert tab.locator("figure svg rect").count() >= 38
    assert tab.watch.outside == [] and tab.watch.errors == []


@pytest.mark.browser
@pytest.mark.serial
def test_axe_finds_no_critical_or_serious_violation_on_a_phone(phone):
    tab, _, _ = phone
    assert axe_serious(tab) == []


@pytest.mark.browser
@pytest.mark.serial
def test_the_language_switch_and_the_live_link_work(phone):
    tab, _, base = phone
    tab.get_by_role("link", name=t("audience.switch", "en")).click()
    expect(tab.locator("html")).to_have_attribute("lang", "id")
    assert tab.url == f"{base}/audience/id/1-53.html"
    tab.locator("a.live").click()
    tab.wait_for_url(f"{base}/present?lang=id&slide=1&pin=53")
    expect(tab.locator(".st-key-slide-title p")).to_have_text(t("story.national_topic", "id"), timeout=60_000)
    assert urlsplit(tab.url).path == "/present"  # the live view does not send the visitor back


@pytest.mark.browser
@pytest.mark.serial
def test_a_link_not_understood_falls_back_and_says_which_part(site, browser):
    base, _ = site
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(f"{base}/audience/fr/3-99.html", timeout=30)
    assert answer.value.code == 404 and answer.value.headers["Content-Type"].startswith("text/html")
    with watched_page(browser, **PHONE) as tab:
        tab.goto(f"{base}/audience/fr/3-99.html")
        tab.wait_for_url(f"{base}/audience/id/3.html")
        notice = tab.locator("#notice")
        expect(notice).to_be_visible()
        for lang in LANGS:
            expect(notice).to_contain_text(t("audience.part_lang", lang))
            expect(notice).to_contain_text(t("audience.part_province", lang))
            expect(notice).not_to_contain_text(t("audience.part_slide", lang) + ",")
        tab.goto(f"{base}/audience/")  # no page at all: the app's first page, in its default language
        tab.wait_for_url(f"{base}/audience/id/1.html")
        expect(notice).to_contain_text(t("audience.part_slide", "en"))
        assert tab.watch.outside == []


@pytest.mark.browser
@pytest.mark.serial
def test_a_phone_on_fast_3g_sees_the_chart(site, browser):
    """Chromium's network emulation at fast 3G (1.6 Mbit/s, 150 ms); the time it takes is
    measured by make bench (bench/audience.py), not asserted here."""
    base, _ = site
    with watched_page(browser, **PHONE) as tab:
        fast_3g(tab)
        tab.goto(f"{base}/audience/en/3.html", wait_until="commit")
        expect(tab.locator("figure svg")).to_be_visible()

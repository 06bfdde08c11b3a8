"""The presenter's story: its sentences state the numbers independent computations give."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd
import pytest

from inklusi import boundaries, config, i18n, queries, story


@pytest.fixture(scope="module")
def decks(con):
    run = lambda name, **params: queries.run(con, name, params)  # noqa: E731
    maps = lambda layout: boundaries.load_geojson(config.boundaries_dir(), layout)  # noqa: E731
    return {
        (lang, pin): {s.key: s for s in story.slides(run, lang, pin, maps)}
        for lang in ("id", "en")
        for pin in ("", "53")
    }


def text(slide) -> str:
    return " ".join(slide.sentences)


def rounded(value: float, places: int = 2) -> str:
    """Half up, as the dashboard rounds (an independent implementation)."""
    return str(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_seven_slides_each_with_sentences_and_a_chart_but_the_last(decks, lang):
    deck = decks[(lang, "")]
    assert list(deck) == list(story.SLIDES)
    for key, slide in deck.items():
        assert slide.sentences and slide.title
        assert (slide.figure is None) == (key == "sources")


def test_national_slide_states_the_published_values(decks, values):
    imdi = values[(values.indicator == "imdi") & (values.province != "ID") & (values.year == 2025)]
    national = values[(values.indicator == "imdi") & (values.province == "ID")].set_index("year").value
    for lang, comma in (("id", ","), ("en", ".")):
        sentence = text(decks[(lang, "")]["national"])
        assert f"{national[2025]:.2f}".replace(".", comma) in sentence
        assert f"{national[2022]:.2f}".replace(".", comma) in sentence
        assert f"{imdi.value.max():.2f}".replace(".", comma) in sentence
        assert f"{imdi.value.max() - imdi.value.min():.2f}".replace(".", comma) in sentence


def test_gap_slide_states_the_zone_means(decks, values, provinces):
    imdi = values[(values.indicator == "imdi") & (values.province != "ID") & (values.year == 2025)]
    zone = imdi.merge(provinces, left_on="province", right_on="kode").groupby("zona_waktu").value.mean()
    sentence = text(decks[("en", "")]["gap"])
    for name in ("WIB", "WITA", "WIT"):
        assert rounded(zone[name]) in sentence
    assert rounded(zone["WIB"] - zone["WIT"]) in sentence
    cv = imdi.value.std(ddof=0) / imdi.value.mean()
    assert f"{rounded(100 * cv, 1)}%" in sentence


def test_mentoring_and_sector_slides_state_the_records(decks, build_dir):
    records = pd.read_parquet(build_dir / "mentoring.parquet")
    sentence = text(decks[("en", "53")]["mentoring"])
    for year, group in records.groupby("year"):
        assert f"{year}: {len(group):,} MSMEs mentored in {group.area.nunique()} " in sentence
    assert f"{(records.province == '53').sum():,} participants" in sentence
    sectors = text(decks[("en", "")]["sectors"])
    top = records.sector.value_counts()
    assert f"{top.iloc[0]:,} participants ({100 * top.iloc[0] / len(records):.1f}%)" in sectors
    gain = (records.post_score - records.pre_score).dropna().mean()
    assert f"{gain:.1f} points on average" in sectors
    assert f"{100 * records.online_after.mean():.1f}% after" in sectors


def test_pinned_province_is_named_and_highlighted(decks):
    pinned = decks[("id", "53")]
    assert "Nusa Tenggara Timur" in text(pinned["national"]) and "Nusa Tenggara Timur" not in text(
        decks[("id", "")]["national"]
    )
    outline = [tr for tr in pinned["national"].figure.data if list(tr.locations) == ["53"]]
    assert outline and outline[0].marker.line.width >= 3


def test_next_slide_names_the_priority_provinces_it_counts(decks):
    slide = decks[("en", "")]["next"]
    assert f"{len(slide.facts['priority'])} provinces have high need" in text(slide)


def test_story_html_is_self_contained(decks):
    deck = list(decks[("en", "53")].values())
    page = story.to_html(deck, "en", "Inklusi")
    assert page.count('class="slide"') == len(deck)
    assert "<script src=" not in page and "<link" not in page, "no script, style or font fetched from elsewhere"
    assert page.count("Plotly.newPlot") >= 6, "every chart is drawn by the plotly.js inside the file"


def test_every_sentence_is_in_both_languages_with_the_same_numbers(decks):
    for key in story.SLIDES:
        numbers_id = sorted(
            n.replace(".", "").replace(",", ".")
            for n in pd.Series(text(decks[("id", "53")][key])).str.findall(r"\d[\d.,]*\d|\d").iloc[0]
        )
        numbers_en = sorted(
            n.replace(",", "") for n in pd.Series(text(decks[("en", "53")][key])).str.findall(r"\d[\d.,]*\d|\d").iloc[0]
        )
        if key != "sources":
            assert np.allclose(sorted(map(float, numbers_id)), sorted(map(float, numbers_en))), key
    assert i18n.t("story.next", "en", n=1, what="x", x="1", y="2")

"""Words for the room (DESIGN.md, "Words for the room", rules 12-18): every slide within the limits a
room can follow, no statistical term on a slide's face, pages that open with a few words, and the
five classes of misleading sentence an independent review found (comparisons between unlike sets,
marks that do not travel, changes read from two endpoints, verdicts where nothing moved, a page
whose card, chart and verdict show different sets). Every expectation is computed here with pandas
from data/, never taken from the code under test."""

from __future__ import annotations

import json
import re
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd
import pytest

from inklusi.config import DATA_DIR
from inklusi.store import queries
from inklusi.story.deck import slides as build_deck
from tests.apptest import open_app

pytestmark = pytest.mark.xdist_group("claims")  # the session's enumeration of claims, once

CONTENT = ("national", "gap", "skills", "adoption", "msme", "mentoring", "next", "world")
PINS = ("", "53", "31", "95")
MAX_WORDS, MAX_SENTENCE, MAX_NUMBERS, MAX_MEAN = 60, 25, 3, 1.5
RUN = re.compile(r"\d+(?:[.,]\d+)*")
YEAR = re.compile(r"(19|20)\d\d")
SPLIT = {"91", "92", "93", "94", "95", "96"}  # Kemendagri codes of the provinces the 2022 split changed
JARGON = {
    "en": (
        "coefficient of variation",
        "beta",
        "theil",
        "rho",
        "ρ",
        "confidence interval",
        "95%",
        "95 %",
        "moran",
        "gini",
        "spearman",
        "regression",
        "interval",
    ),
    "id": (
        "koefisien variasi",
        "beta",
        "theil",
        "rho",
        "ρ",
        "selang kepercayaan",
        "interval kepercayaan",
        "95%",
        "95 %",
        "moran",
        "gini",
        "spearman",
        "regresi",
        "interval",
    ),
}
ABOUT_AS_WIDE = {"en": "about as wide", "id": "kurang lebih sama lebar"}
WIDER = {"en": ("wider", "narrower"), "id": ("lebih lebar", "lebih sempit")}
TOLERANCE = 0.10  # spreads within 10 % of each other (range and CV alike) are "about as wide"


def sentences_of(texts: list[str]) -> list[str]:
    """The grammatical sentences of a slide's or a block's sentences."""
    return [s for text in texts for s in re.split(r"(?<=[.!?])\s+(?=[A-Z«(])", text.strip()) if s]


NUMERIC = re.compile(r"[+\-−±]?[\d.,]+%?(?:[→–-][+\-−]?[\d.,]+%?)*")


def numbers_in(sentence: str) -> int:
    """Numbers as the issue counts them: a token of digits with its sign, separators and % is one
    ("34→38" is two, "95 %" one, "G20" none); a year anchors a number and is not counted."""
    count = 0
    for token in sentence.split():
        bare = token.strip("()[],.;:!?«»\"'").rstrip("†")
        if NUMERIC.fullmatch(bare):
            count += sum(1 for run in RUN.findall(bare) if not YEAR.fullmatch(run))
    return count


def readability(texts: list[str]) -> dict:
    said = sentences_of(texts)
    counts = [numbers_in(s) for s in said]
    return {
        "words": sum(len(s.split()) for s in said),
        "longest": max((len(s.split()) for s in said), default=0),
        "most_numbers": max(counts, default=0),
        "mean_numbers": float(np.mean(counts)) if counts else 0.0,
    }


@pytest.fixture(scope="module")
def decks(run):
    remembered = queries.remembering(run)
    return {
        (lang, pin): {s.key: s for s in build_deck(remembered, lang, pin, lambda layout: None)}
        for lang in ("id", "en")
        for pin in PINS
    }


# ---- every content slide within the limits ----------------------------------------------------


@pytest.mark.parametrize("pin", PINS)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_content_slide_is_within_the_limits_a_room_can_follow(decks, lang, pin):
    for key in CONTENT:
        slide = decks[(lang, pin)][key]
        measured = readability(slide.sentences)
        assert len(slide.title.split()) <= 15, (key, slide.title)
        assert measured["words"] <= MAX_WORDS, (key, measured, slide.sentences)
        assert measured["longest"] <= MAX_SENTENCE, (key, measured, slide.sentences)
        assert measured["most_numbers"] <= MAX_NUMBERS, (key, measured, slide.sentences)
        assert measured["mean_numbers"] <= MAX_MEAN, (key, measured, slide.sentences)
        assert len(slide.sentences) <= 4 if pin else len(slide.sentences) <= 3, (key, slide.sentences)


def test_the_limits_hold_for_every_pinned_province(every):
    for claim in every:
        if claim.kind == "slide" and claim.key[0] in CONTENT:
            measured = readability(claim.sentences)
            assert measured["words"] <= MAX_WORDS and measured["longest"] <= MAX_SENTENCE, (claim.key, measured)
            assert measured["most_numbers"] <= MAX_NUMBERS and measured["mean_numbers"] <= MAX_MEAN, claim.key


def jargon(text: str, lang: str) -> list[str]:
    lowered = text.lower()
    return [term for term in JARGON[lang] if re.search(rf"(?<![\w.,]){re.escape(term)}(?!\w)", lowered)]


def test_no_statistical_term_on_the_face_of_a_slide(every):
    for claim in every:
        if claim.kind == "slide":
            assert jargon(" ".join([claim.headline, *claim.sentences]), claim.lang) == [], (claim.key, claim.text)


def test_a_generated_sentence_is_short_and_holds_few_numbers(every):
    """Profiles, adoption pairs, targeting lists and gaps verdicts: 25 words and 3 numbers a sentence."""
    for claim in every:
        if claim.kind in ("profile", "adoption", "gaps"):
            for sentence in sentences_of(claim.sentences):
                assert len(sentence.split()) <= MAX_SENTENCE and numbers_in(sentence) <= MAX_NUMBERS, sentence


def test_no_missing_value_is_printed_as_a_number(every):
    for claim in every:
        assert not re.search(r"\bnan\b|\bNone\b(?! of)", claim.text), claim.text


def test_a_pinned_province_is_named_on_every_slide_about_provinces(decks, provinces):
    """Named, with its value or with what is missing (no value that edition, not yet formed)."""
    for (lang, pin), deck in decks.items():
        if not pin:
            continue
        name = provinces.set_index("kode").loc[pin, "nama" if lang == "id" else "name_en"]
        for key in ("national", "gap", "skills", "adoption", "msme", "next", "world"):
            assert name in " ".join(deck[key].sentences), (key, pin, deck[key].sentences)


def words_before_the_first_chart(at) -> int:
    """The words a page shows above its first chart (its title and the side panel not counted)."""
    counted = 0

    def walk(node) -> bool:
        nonlocal counted
        kind = getattr(node, "type", "")
        if kind == "plotly_chart":
            return True
        if kind in ("markdown", "caption", "alert", "info", "warning", "success", "error"):
            counted += len(re.sub(r"[*_`#>]", " ", str(node.value)).split())
        for child in getattr(node, "children", {}).values():
            if walk(child):
                return True
        return False

    walk(at.main)
    return counted


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", ["world", "gaps", "adoption"])
def test_the_page_opens_with_at_most_sixty_words_before_its_first_chart(page, lang):
    at = open_app({"lang": lang}, f"app_pages/{page}.py")
    assert words_before_the_first_chart(at) <= MAX_WORDS


# ---- class 1: comparisons between like sets ------------------------------------------------------


def like_set(rows: pd.DataFrame) -> set[str]:
    """The provinces valued in every edition of a frame (year, layout, province, value), with the
    territory of every edition the same (across the 2022 split, the split provinces left out)."""
    valued = rows.dropna(subset=["value"])
    if valued["layout"].nunique() > 1:
        valued = valued[~valued["province"].isin(SPLIT)]
    years = valued["year"].nunique()
    counts = valued.groupby("province")["year"].nunique()
    return set(counts[counts == years].index)


def spread(values: pd.Series) -> tuple[float, float]:
    return float(values.max() - values.min()), float(values.std(ddof=0) / values.mean())


def test_the_world_slide_compares_the_provinces_with_every_member_as_its_chart_draws_them(decks):
    countries = pd.read_csv(DATA_DIR / "countries.csv", dtype=str)
    members = set(countries.loc[countries["g20"].str.lower() == "true", "iso3"]) - {"IDN"}
    values = pd.read_csv(DATA_DIR / "country_values.csv")
    latest = values[values["country"].isin(members) & (values["year"] <= 2023)]
    latest = latest.sort_values("year").groupby("country").tail(1)
    rows = pd.read_csv(DATA_DIR / "values.csv", dtype={"province": str})
    provinces = rows[(rows["indicator"] == "internet_penduduk") & (rows["year"] == 2023) & (rows["province"] != "ID")]
    (m_range, m_cv), (p_range, p_cv) = spread(latest["value"]), spread(provinces["value"].dropna())
    assert len(latest) == len(members) == 19
    ratios = (p_range / m_range - 1, p_cv / m_cv - 1)
    expected = "about" if min(ratios) <= TOLERANCE and max(ratios) >= -TOLERANCE else "wider"
    assert expected == "about"  # 56.84 against 56.59 points; CV 15.3 % against the members' own
    for lang in ("id", "en"):
        text = " ".join([decks[(lang, "")]["world"].title, *decks[(lang, "")]["world"].sentences])
        assert ABOUT_AS_WIDE[lang] in text and not any(w in text for w in WIDER[lang]), text
        notes = " ".join(decks[(lang, "")]["world"].notes)
        assert "African Union" in notes or "Uni Afrika" in notes, notes


def test_the_gap_slides_zone_means_verdict_and_chart_use_one_set(decks, values, provinces):
    rows = values[(values["indicator"] == "imdi") & (values["province"] != "ID")]
    kept = like_set(rows)
    assert len(kept) == 31  # 32 with an unchanged territory, less Jakarta (no 2023 value)
    zones = provinces.set_index("kode")["zona_waktu"]
    means = rows[rows["province"].isin(kept)].assign(zone=lambda f: f["province"].map(zones))
    means = means.groupby(["year", "zone"])["value"].mean().unstack()
    for lang in ("id", "en"):
        slide = decks[(lang, "")]["gap"]
        chart = slide.chart.frame.set_index("year")
        for zone in ("WIB", "WITA", "WIT"):
            assert np.allclose(chart[zone].to_numpy(float), means[zone].to_numpy(float)), zone
        assert slide.facts["n"] == 31 and "31" in " ".join(slide.sentences)
        assert set(slide.facts["verdict"].n.values()) == {31}


def test_a_spread_compared_across_editions_is_on_the_provinces_valued_in_each(every, values):
    for claim in every:
        if claim.kind != "gaps":
            continue
        found = claim.facts["verdict"]
        rows = values[(values["indicator"] == claim.key[0]) & (values["province"] != "ID")]
        rows = rows[rows["year"].isin(found.years)]
        kept = like_set(rows)
        on_set = rows[rows["province"].isin(kept)].groupby("year")["value"].agg(lambda v: v.std(ddof=0) / v.mean())
        assert set(found.n.values()) == {len(kept)}, claim.key
        assert np.allclose([found.cv[y] for y in found.years], on_set.loc[list(found.years)].to_numpy()), claim.key


# ---- class 2: marks that travel with the value ------------------------------------------------------


def shaky(values: pd.DataFrame, indicators: pd.DataFrame) -> set[tuple[str, int, str]]:
    """(indicator, year, province) of every estimate BPS calls unreliable, and of every share of a count
    BPS calls unreliable (the indicator's `parent` a count with an RSE above 25 % in that province)."""
    counts = values[values["rse"] > 25]
    marked = {(i, int(y), p) for i, y, p in counts[["indicator", "year", "province"]].itertuples(index=False)}
    parent = indicators.set_index("id")["parent"].dropna()
    shares = values[values["indicator"].map(parent).notna()]
    for i, y, p in shares[["indicator", "year", "province"]].itertuples(index=False):
        if (parent[i], int(y), p) in marked and indicators.set_index("id").loc[parent[i], "unit_en"] == "businesses":
            marked.add((i, int(y), p))
    return marked


@pytest.fixture(scope="module")
def unreliable(values) -> set[tuple[str, int, str]]:
    return shaky(values, pd.read_csv(DATA_DIR / "indicators.csv", dtype=str))


def test_a_value_built_on_an_unreliable_count_carries_the_mark_in_a_profile(every, unreliable):
    for claim in every:
        if claim.kind != "profile":
            continue
        series = claim.facts["series"]
        shown = series[series["value"].notna() & ~series["via_parent"].astype(bool)]
        if len(shown) and (claim.key[1], int(shown.iloc[-1]["year"]), claim.key[0]) in unreliable:
            assert "†" in claim.text, claim.text


def test_every_province_named_in_a_list_carries_its_mark(every, unreliable):
    for claim in every:
        if claim.kind not in ("adoption", "targeting"):
            continue
        names = claim.facts["names"]
        for province, name in names.items():
            measures = claim.facts["measures"]
            if any((indicator, year, province) in unreliable for indicator, year in measures) and name in claim.text:
                assert re.search(re.escape(name) + r"†", claim.text), (claim.key, name, claim.text)


def test_a_value_of_the_34_province_layout_names_papua_as_the_undivided_province(every):
    for claim in every:
        if claim.kind == "profile" and claim.key[0] in ("91", "92"):
            series = claim.facts["series"]
            shown = series[series["value"].notna() & ~series["via_parent"].astype(bool)]
            if len(shown) and int(shown.iloc[-1]["layout"]) == 34:
                assert "undivided" in claim.text or "belum dibagi" in claim.text, claim.text


def test_a_slide_that_names_a_derived_share_says_derived(decks):
    for (lang, _), deck in decks.items():
        for key in ("adoption", "next", "msme"):
            text = " ".join([deck[key].title, *deck[key].sentences])
            assert ("derived" in text) if lang == "en" else ("turunan" in text), (key, text)


def chart_labels(at) -> list[str]:
    texts = []
    for chart in at.get("plotly_chart"):
        for trace in json.loads(chart.proto.spec)["data"]:
            texts += [str(x) for x in np.ravel(trace.get("text") or []) if x is not None]
    return texts


def test_a_profiles_charts_print_the_display_decimals_and_marks_and_a_single_edition_as_a_value():
    at = open_app({"lang": "en", "province": "95", "indicator": "imk_internet_persen"}, "app_pages/profile.py")
    labels = chart_labels(at)
    assert labels and not [x for x in labels if re.search(r"\d[.,]\d{3,}", x)], labels  # at most 2 decimals
    assert not [x for x in labels if x.strip() == "384"], labels  # the unreliable count carries its †
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        for trace in spec["data"]:
            xs = [x for x in np.ravel(trace.get("x") or []) if x is not None]
            assert not (trace.get("mode", "").startswith("lines") and len(set(xs)) == 1), trace.get("name")


# ---- class 3: changes read from every edition ---------------------------------------------------


def test_a_change_since_the_first_edition_says_when_the_latest_step_runs_the_other_way(every):
    for claim in every:
        if claim.kind != "profile":
            continue
        series = claim.facts["series"]
        shown = series[series["value"].notna() & ~series["via_parent"].astype(bool)]
        if len(shown) < 3:
            continue
        decimals = claim.facts["decimals"]
        published = [float(v) for v in shown["value"]]
        printed = [round(v, decimals) for v in published]
        years = [int(y) for y in shown["year"]]
        first, before, last = printed[0], printed[-2], printed[-1]
        if (last - first) * (last - before) < 0:
            turn = len(printed) - 2  # the latest run of steps the other way began here
            while turn > 0 and (printed[turn] - printed[turn - 1]) * (last - before) > 0:
                turn -= 1
            said = claim.text
            step = Decimal(repr(abs(published[-1] - published[turn]))).quantize(
                Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP
            )
            but = f"but down {step:,} since {years[turn]}"
            if last > before:
                but = but.replace("down", "up")
            if claim.lang == "en":
                assert but in said, said
            else:
                assert "tetapi" in said and f"sejak {years[turn]}" in said, said


# ---- class 4: no verdict where nothing moved ----------------------------------------------------


def test_a_spread_that_prints_the_same_is_little_changed(every):
    little = {"en": "little changed", "id": "hampir tidak berubah"}
    for claim in every:
        if claim.kind != "gaps":
            continue
        found = claim.facts["verdict"]
        first, last = (f"{100 * found.cv[y]:.1f}" for y in (found.years[0], found.years[-1]))
        if first == last:
            assert little[claim.lang] in claim.text, claim.text


def test_one_verdict_a_paragraph_on_skills_and_adoption(every):
    none = {"en": "no clear", "id": "tidak jelas"}
    for claim in every:
        if claim.kind == "adoption":
            found = claim.facts["found"]
            clear = found.low > 0 or found.high < 0
            assert (none[claim.lang] in claim.text.lower()) == (not clear), claim.text
            if not clear:
                assert "predict" not in claim.text.replace("do not predict", "").replace("does not predict", "")


# ---- class 5: the card, the chart, the verdict and the export show one set, or say which ----------


def test_the_gaps_export_holds_the_verdicts_series_beside_the_charts(run, state_of, values):
    from inklusi.export import files

    view = files.build(run, "gaps", state_of(indicator="imdi"), "view")
    frame = view.frame
    assert {"subset", "start", "n", "cv", "beta", "beta_low", "beta_high"} <= set(frame.columns), frame.columns
    rows = values[(values["indicator"] == "imdi") & (values["province"] != "ID")]
    kept = like_set(rows)
    verdict = frame[frame["subset"] == "verdict"]
    editions = verdict[verdict["start"] == verdict["year"]].set_index("year")
    on_set = rows[rows["province"].isin(kept)].groupby("year")["value"].agg(lambda v: v.std(ddof=0) / v.mean())
    assert np.allclose(editions.loc[on_set.index, "cv"].to_numpy(float), on_set.to_numpy())
    assert (editions["n"] == len(kept)).all()
    steps = verdict[verdict["start"] < verdict["year"]]
    assert len(steps) == 4 and steps[["beta", "beta_low", "beta_high"]].notna().all().all()  # the span, 3 steps
    assert set(frame["subset"]) >= {"all", "verdict"} and not frame.duplicated(list(view.key)).any()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_gaps_page_says_which_set_its_cards_and_chart_show(lang):
    at = open_app({"lang": lang, "indicator": "imdi"}, "app_pages/gaps.py")
    shown = " ".join(str(e.value) for e in [*at.markdown, *at.caption])
    assert "31" in shown and "38" in shown, shown  # the verdict's set and the edition's whole

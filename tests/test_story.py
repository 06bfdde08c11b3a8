"""The presenter's story: its sentences state the numbers independent computations give."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd
import pytest

from inklusi import config
from inklusi.figures.common import HIGHLIGHT
from inklusi.pages.sectors.slide import going_digital, mentoring
from inklusi.store import boundaries
from inklusi.story import deck as story
from inklusi.story.html import to_html
from inklusi.story.plan import SLIDES


@pytest.fixture(scope="module")
def decks(run):
    maps = lambda layout: boundaries.load_geojson(config.boundaries_dir(), layout)  # noqa: E731
    return {
        (lang, pin): {s.key: s for s in story.slides(run, lang, pin, maps)}
        for lang in ("id", "en")
        for pin in ("", "53")
    }


def text(slide) -> str:
    """What the slide says on its face: the headline and its sentences."""
    return " ".join([slide.title, *slide.sentences])


def like_set(values: pd.DataFrame, provinces: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """An indicator's province values on the like set of its editions: the provinces valued in
    every edition whose territory the 2022 split did not change (an independent computation)."""
    frame = values[(values.indicator == indicator) & (values.province != "ID") & values.value.notna()]
    every = frame.groupby("province").year.nunique() == frame.year.nunique()
    moved = provinces[provinces.kode != provinces.kode_2012]
    kept = set(every[every].index) - set(moved.kode) - set(moved.kode_2012)
    return frame[frame.province.isin(kept)]


def rounded(value: float, places: int = 2) -> str:
    """Half up, as the dashboard rounds (an independent implementation)."""
    return str(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_slide_has_sentences_notes_and_a_chart_but_the_qr_code_and_the_sources(decks, lang):
    deck = decks[(lang, "")]
    assert list(deck) == list(SLIDES)
    for key, slide in deck.items():
        assert slide.sentences and slide.title and slide.notes
        assert (slide.figure is None) == (key in ("qr", "sources"))


def test_national_slide_states_the_published_values(decks, values, provinces):
    """The published national value of the first and the latest edition in the headline; the
    highest and the lowest province by name and the points between them."""
    imdi = values[(values.indicator == "imdi") & (values.province != "ID") & (values.year == 2025)]
    national = values[(values.indicator == "imdi") & (values.province == "ID")].set_index("year").value
    for lang, comma in (("id", ","), ("en", ".")):
        slide = decks[(lang, "")]["national"]
        assert f"{national[2025]:.2f}".replace(".", comma) in slide.title
        assert f"{national[2022]:.2f}".replace(".", comma) in slide.title
        named = names(provinces, lang)
        top, bottom = imdi.set_index("province").value.idxmax(), imdi.set_index("province").value.idxmin()
        sentence = text(slide)
        assert named[top] in sentence and named[bottom] in sentence
        assert f"{imdi.value.max() - imdi.value.min():.2f}".replace(".", comma) in sentence


def names(provinces: pd.DataFrame, lang: str) -> dict[str, str]:
    return provinces.set_index("kode")["nama" if lang == "id" else "name_en"].to_dict()


def test_gap_slide_states_the_west_east_gap_on_the_like_set(decks, values, provinces):
    """The west (WIB) minus the east (WIT) in the first and the latest edition, both on the same
    provinces, and how many they are."""
    imdi = like_set(values, provinces, "imdi").merge(provinces, left_on="province", right_on="kode")
    zones = imdi.pivot_table(index="year", columns="zona_waktu", values="value", aggfunc="mean")
    gap = zones["WIB"] - zones["WIT"]
    sentence = text(decks[("en", "")]["gap"])
    assert f"On {imdi.province.nunique()} provinces" in sentence
    assert rounded(gap.iloc[-1]) in sentence and rounded(gap.iloc[0]) in sentence


def test_gap_slide_gives_the_cv_of_every_edition_on_the_like_set_in_its_notes(decks, values, provinces):
    """The evidence (every edition's coefficient of variation) is in the speaker notes, off the
    face; the headline follows it: the spread fell in the first step and rose in each after."""
    imdi = like_set(values, provinces, "imdi")
    cv = imdi.groupby("year").value.agg(lambda v: v.std(ddof=0) / v.mean())
    slide = decks[("en", "")]["gap"]
    notes = " ".join(slide.notes)
    for year, value in cv.items():
        assert f"{rounded(100 * value, 1)}% ({year})" in notes
    assert "coefficient of variation" not in text(slide).lower()
    steps = np.sign(cv.diff().dropna())
    assert list(steps) == [-1, 1, 1]
    assert slide.title == f"The spread fell in {cv.index[1]}, when the method and layout changed, and has risen since"


def test_mentoring_slide_states_the_records_and_says_they_are_synthetic(decks, build_dir):
    records = pd.read_parquet(build_dir / "mentoring.parquet")
    slide = decks[("en", "53")]["mentoring"]
    sentence = text(slide)
    for year, group in records.groupby("year"):
        assert f"{year}: {len(group):,} MSMEs mentored in {group.area.nunique()} " in sentence
    assert f"{(records.province == '53').sum():,} participants (synthetic)" in sentence
    assert "synthetic" in slide.title and "synthetic" in slide.figure.layout.title.text
    assert any("synthetic" in note for note in slide.notes)


def test_msme_slide_states_the_bps_figures(decks, values, reference_dir):
    """The share of small manufacturers using the internet in NTT and in the top province, from
    the two published counts (an independent computation), the national e-commerce count and
    the lack-of-knowledge shares, as in the reference tables."""
    imk = pd.read_csv(reference_dir / "msme" / "bps_imk_internet_provinsi_2025.csv")
    share = 100 * imk.imk_using_internet / (imk.imk_using_internet + imk.imk_not_using_internet)
    ntt = share[imk.province == "NUSA TENGGARA TIMUR"].iloc[0]
    slide = decks[("en", "53")]["msme"]
    sentence = text(slide)
    rank = int((share > ntt).sum()) + 1
    assert f"East Nusa Tenggara: {rounded(ntt)}, rank {rank}." in slide.sentences
    assert f"{rounded(share.min())}% in Maluku to {rounded(share.max())}% in Jakarta" in slide.title
    assert "derived by Inklusi from two BPS counts" in sentence
    assert "4,400,972" in sentence and "21.46%" in sentence and "28.96%" in sentence
    assert rounded(100 * (4_400_972 / 3_816_750 - 1), 1) + "%" in sentence


def test_a_pinned_province_is_never_its_own_comparator(run, reference_dir):
    """Jakarta pinned, the highest share: the headline spans the lowest to it, and its own
    sentence gives its value and rank 1, compared with no one."""
    imk = pd.read_csv(reference_dir / "msme" / "bps_imk_internet_provinsi_2025.csv")
    share = 100 * imk.imk_using_internet / (imk.imk_using_internet + imk.imk_not_using_internet)
    slide = going_digital(run, "en", "31", lambda layout: None)
    assert slide.title.count("Jakarta") == 1 and f"{rounded(share.min())}% in Maluku" in slide.title
    assert slide.sentences[-1] == f"Jakarta: {rounded(share.max())}, rank 1."


def test_adoption_slide_states_the_rank_correlation(decks, values):
    """Spearman's rho of IMDI digital literacy 2025 and IMK internet use 2025, computed here with
    pandas ranks (an independent computation)."""
    literacy = values[(values.indicator == "imdi_literasi") & (values.year == 2025) & (values.province != "ID")]
    using = values[(values.indicator == "imk_internet") & (values.year == 2025)].set_index("province").value
    not_using = values[(values.indicator == "imk_tanpa_internet") & (values.year == 2025)].set_index("province").value
    pair = literacy.set_index("province").value.to_frame("x").join((using / (using + not_using)).rename("y"))
    rho = pair.x.rank().corr(pair.y.rank())
    slide = decks[("en", "")]["adoption"]
    assert slide.facts["rho"] == pytest.approx(rho) and f"ρ = {rounded(rho)}" in " ".join(slide.notes)
    assert slide.facts["n"] == 38 == len(pair)
    spread = 1.959964 / np.sqrt(len(pair) - 3)  # Fisher's z interval, 95 %
    low, high = np.tanh(np.arctanh(rho) - spread), np.tanh(np.arctanh(rho) + spread)
    assert low < 0 < high and slide.title.startswith("No clear link between")
    assert "ρ" not in text(slide) and "rank" not in text(slide)


def test_pinned_province_is_named_and_highlighted(decks):
    pinned = decks[("id", "53")]
    assert "Nusa Tenggara Timur" in text(pinned["national"]) and "Nusa Tenggara Timur" not in text(
        decks[("id", "")]["national"]
    )
    outline = [tr for tr in pinned["national"].figure.data if list(tr.locations) == ["53"]]
    assert outline and outline[0].marker.line.width >= 3


def test_the_pinned_province_has_its_own_line_and_zone_on_the_gap_slide(decks, values, provinces):
    """NTT pinned: its published IMDI of every edition as a line named in full, in the pinned
    colour; its zone (WITA) drawn solid and the other zones dotted; unpinned, no such line."""
    slide = decks[("en", "53")]["gap"]
    traces = {trace.name: trace for trace in slide.figure.data}
    published = values[(values.indicator == "imdi") & (values.province == "53")].set_index("year")["value"]
    line = traces["East Nusa Tenggara"]
    assert list(line.y) == [published[int(year)] for year in line.x]
    assert line.line.color == HIGHLIGHT and line.line.dash == "solid"
    assert provinces.set_index("kode").loc["53", "zona_waktu"] == "WITA"
    assert {name: traces[name].line.dash for name in ("WIB", "WITA", "WIT")} == {
        "WIB": "dot",
        "WITA": "solid",
        "WIT": "dot",
    }
    unpinned = decks[("en", "")]["gap"].figure.data
    assert [trace.name for trace in unpinned] == ["WIB", "WITA", "WIT"]
    assert all(trace.line.color != HIGHLIGHT for trace in unpinned)


def test_the_mentoring_slide_highlights_the_pinned_areas_or_says_there_were_none(run, decks, build_dir):
    """NTT pinned: its area (Labuan Bajo) is among the bars and the only red one, whatever its size;
    a province the records never reach (Aceh) gets a sentence that says it had no area."""
    records = pd.read_parquet(build_dir / "mentoring.parquet")
    newest = records[records.year == records.year.max()]
    slide = decks[("en", "53")]["mentoring"]
    bar = slide.figure.data[0]
    red = [name for name, colour in zip(bar.y, bar.marker.color, strict=True) if colour == HIGHLIGHT]
    assert red == ["Labuan Bajo"] and set(newest[newest.province == "53"].area) == {"labuanbajo"}
    assert len(bar.y) == min(8, newest.area.nunique())  # the eight largest: 22-pixel names fit at 1280 x 720
    counts = newest.groupby("area").size().sort_values(ascending=False)
    assert slide.chart.frame["participants"].tolist() == counts.iloc[: len(bar.y)].tolist()
    assert "8 largest of 13 areas" in slide.figure.layout.title.text
    smallest = newest.groupby("area").size().idxmin()  # a pinned area outside the eight largest joins them
    owner = newest.loc[newest.area == smallest, "province"].iloc[0]
    ninth = mentoring(run, "en", owner, None)
    assert len(ninth.chart.frame) == 9 and ninth.chart.options["highlight"] == smallest
    assert smallest in set(ninth.chart.frame["area"]) and smallest not in set(slide.chart.frame["area"])
    assert "11" not in set(records.province)
    aceh = mentoring(run, "en", "11", None)
    assert aceh.sentences[-1] == f"Aceh had no mentoring area ({records.year.min()}–{records.year.max()})."
    assert aceh.chart.options["highlight"] is None
    years = f"{records.year.min()}–{records.year.max()}"
    assert mentoring(run, "id", "11", None).sentences[-1] == f"Aceh tidak punya kawasan pendampingan ({years})."


def test_next_slide_names_the_priority_provinces_it_counts(decks, provinces):
    slide = decks[("en", "")]["next"]
    priority = slide.facts["priority"]
    assert slide.title.startswith(f"{len(priority)} provinces have weak digital skills")
    named = names(provinces, "en")
    assert all(named[code] in " ".join(slide.notes) for code in priority)
    assert "synthetic" not in text(slide).lower()  # the default target rests on real figures


def test_story_html_is_self_contained(decks):
    deck = list(decks[("en", "53")].values())
    link = "http://192.168.1.20:8501/present?lang=en&pin=53&slide=1"
    page = to_html(deck, "en", "Inklusi", link)
    assert page.count('class="slide"') == len(deck)
    assert page.count('<aside class="notes">') == len(deck) and "@media print" in page
    assert f"<code>{link.replace('&', '&amp;')}</code>" in page
    assert "<script src=" not in page and "<link" not in page, "no script, style or font fetched from elsewhere"
    assert page.count("Plotly.newPlot") >= 6, "every chart is drawn by the plotly.js inside the file"


def test_every_sentence_is_in_both_languages_with_the_same_numbers(decks):
    for key in SLIDES:
        numbers_id = sorted(
            n.replace(".", "").replace(",", ".")
            for n in pd.Series(text(decks[("id", "53")][key])).str.findall(r"\d[\d.,]*\d|\d").iloc[0]
        )
        numbers_en = sorted(
            n.replace(",", "") for n in pd.Series(text(decks[("en", "53")][key])).str.findall(r"\d[\d.,]*\d|\d").iloc[0]
        )
        if key != "sources":
            assert np.allclose(sorted(map(float, numbers_id)), sorted(map(float, numbers_en))), key

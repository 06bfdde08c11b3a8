"""The World page: every country value equals the reference copy, the facts of its sentences equal
an independent pandas computation on the reference copy and values.csv, both languages state the
same numbers, bad links fall back with a note, the export carries ITU's terms, and the page works
offline in Chromium with no serious accessibility violation."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from playwright.sync_api import expect
from streamlit.testing.v1 import AppTest

from inklusi.config import DATA_DIR, REPO
from inklusi.export import files, metadata, stata
from inklusi.i18n import t
from inklusi.pages.world import facts as world
from inklusi.pages.world.words import block
from inklusi.site import viewstate
from inklusi.store import reference

COPY = "international/itu_internet_users_pct_g20_asean_2019_2024.csv"
SOURCE_IDS = {"OWID": "itu_owid", "WB": "itu_wb"}
# The copy's English names where CLDR (Babel) spells the same country otherwise.
CLDR_SPELLING = {
    "Turkey": "Türkiye",
    "Lao PDR": "Laos",
    "Viet Nam": "Vietnam",
    "Brunei Darussalam": "Brunei",
    "Myanmar": "Myanmar (Burma)",
    "European Union (27)": "European Union",
}
APP = str(REPO / "dashboard.py")


@pytest.fixture(scope="module")
def copy(reference_dir) -> pd.DataFrame:
    return pd.read_csv(reference_dir / COPY, comment="#", dtype={"year": int})


@pytest.fixture(scope="module")
def provinces_2023(values) -> pd.DataFrame:
    rows = values[(values["indicator"] == "internet_penduduk") & (values["province"] != "ID")]
    assert set(rows["year"]) == {2023}
    return rows


def test_every_country_value_equals_its_reference_copy(copy):
    ours = pd.read_csv(DATA_DIR / "country_values.csv", dtype={"year": int})
    theirs = copy.drop(columns="country").rename(columns={"iso3": "country", "internet_users_pct": "value"})
    theirs["source"] = theirs["source_id"].map(SOURCE_IDS)
    merged = ours.merge(theirs, on=["country", "year"], how="outer", suffixes=("", "_copy"), indicator=True)
    assert set(merged["_merge"]) == {"both"}
    assert (merged["value"] == merged["value_copy"]).all()  # exactly, not rounded
    assert (merged["source"] == merged["source_copy"]).all()
    assert len(ours) == len(copy) == 150


def test_country_names_in_both_languages_name_the_copys_countries(copy, run):
    values = run("country_values")
    english, indonesian = world.names_of(values, "en"), world.names_of(values, "id")
    for iso3, name in copy[["iso3", "country"]].drop_duplicates().itertuples(index=False):
        assert english[iso3].casefold() == CLDR_SPELLING.get(name, name).casefold(), iso3
    assert indonesian["DEU"] == "Jerman" and indonesian["EU27"] == "Uni Eropa" and indonesian["WLD"] == "Dunia"


def test_the_copys_caveats_are_flags_in_the_data(copy):
    ours = pd.read_csv(DATA_DIR / "country_values.csv")
    assert set(ours.loc[ours["flag"] == "capped", "country"]) == set(
        copy.loc[copy["internet_users_pct"] == 100, "iso3"]
    )
    philippines = copy[copy["iso3"] == "PHL"].set_index("year")["internet_users_pct"]
    assert philippines[2023] - philippines[2024] > 10
    assert ours.loc[ours["flag"] == "break", ["country", "year"]].values.tolist() == [["PHL", 2024]]


def expected(copy: pd.DataFrame, provinces: pd.DataFrame, year: int) -> dict:
    """The facts of a year from the reference copy and values.csv, with plain pandas."""
    g20 = copy[copy["group"].str.contains("G20")]
    valued = g20[g20["year"] == year].sort_values("internet_users_pct", ascending=False)
    median = valued["internet_users_pct"].median()
    india = copy[(copy["iso3"] == "IND") & (copy["year"] <= year)].sort_values("year").iloc[-1]
    order = list(valued["iso3"])
    # what the provinces are compared with: every member's latest value up to the year, not Indonesia
    latest = g20[(g20["year"] <= year) & (g20["iso3"] != "IDN")].sort_values("year").groupby("iso3").tail(1)
    compared = latest["internet_users_pct"]
    return {
        "members": g20["iso3"].nunique(),
        "valued": order,
        "rank": order.index("IDN") + 1 if "IDN" in order else None,
        "median": median,
        "above": set(provinces.loc[provinces["value"] > median, "province"]),
        "india": (int(india["year"]), float(india["internet_users_pct"])),
        "below": set(provinces.loc[provinces["value"] < india["internet_users_pct"], "province"]),
        "member_range": compared.max() - compared.min(),
        "province_range": provinces["value"].max() - provinces["value"].min(),
        "member_cv": compared.std(ddof=0) / compared.mean(),
        "province_cv": provinces["value"].std(ddof=0) / provinces["value"].mean(),
    }


def facts_of(run, year: int) -> world.Standing:
    provinces = run("indicator_by_province", indicator="internet_penduduk", year=2023).assign(year=2023)
    return world.standing(run("country_values"), provinces, year)


@pytest.mark.parametrize("year", [2019, 2020, 2021, 2022, 2023])
def test_the_standing_equals_an_independent_computation(copy, provinces_2023, run, year):
    want, got = expected(copy, provinces_2023, year), facts_of(run, year)
    assert got.n_members == want["members"] == 20  # 19 countries and the EU: the African Union has no figure
    assert got.valued == want["valued"] and got.rank == want["rank"]
    assert got.median == pytest.approx(want["median"], abs=1e-12)
    assert set(got.above_median) == want["above"] and set(got.below_india) == want["below"]
    assert got.india == want["india"]
    assert got.member_gap["range"] == pytest.approx(want["member_range"])
    assert got.province_gap["range"] == pytest.approx(want["province_range"])
    ratios = [want["province_range"] / want["member_range"] - 1, want["province_cv"] / want["member_cv"] - 1]
    wider, narrower = all(r > 0.10 for r in ratios), all(r < -0.10 for r in ratios)
    assert got.verdict == ("wider" if wider else "narrower" if narrower else "about")


def test_2023_as_the_closing_note_states_it(run):
    facts = facts_of(run, 2023)
    assert (facts.rank, len(facts.valued), facts.n_members) == (13, 13, 20)
    assert facts.above_median == [] and facts.below_india == ["91"] and facts.india[0] == 2020
    assert facts.capped == [("SAU", 2021)] and [b[:2] for b in facts.breaks] == [("PHL", 2024)]


def test_a_year_with_too_few_members_is_not_ranked(run):
    facts = facts_of(run, 2024)
    assert facts.valued == ["IDN"] and facts.rank is None and facts.median is None


NUMBER = re.compile(r"\d[\d.,]*\d|\d")


def numbers(text: str, lang: str) -> list[float]:
    """Every number of a text, read in the language's format."""
    found = []
    for raw in NUMBER.findall(text):
        plain = raw.replace(".", "").replace(",", ".") if lang == "id" else raw.replace(",", "")
        found.append(float(plain))
    return sorted(found)


@pytest.mark.parametrize("year", [2020, 2023, 2024])
def test_both_languages_state_the_same_numbers_and_verdicts(run, year):
    facts = facts_of(run, year)
    values = run("country_values")
    provinces = run("indicator_by_province", indicator="internet_penduduk", year=2023)
    by_lang = {
        lang: block(
            facts,
            world.names_of(values, lang),
            reference.province_names(lang),
            dict(zip(provinces["province"], provinces["value"], strict=True)),
            lang,
        )
        for lang in ("id", "en")
    }
    for face_id, face_en in zip(
        [by_lang["id"].headline, *by_lang["id"].sentences, *by_lang["id"].evidence],
        [by_lang["en"].headline, *by_lang["en"].sentences, *by_lang["en"].evidence],
        strict=True,
    ):
        assert numbers(face_id, "id") == numbers(face_en, "en"), face_en
    english = " ".join([by_lang["en"].text, *by_lang["en"].evidence])
    assert "India: 2020 (43.41%)" in english  # India's cut-off year is said with its value
    assert "Papua (undivided)" in english  # the undivided province, rule 4
    assert ("Saudi Arabia is at ITU's cap of 100% (since 2021)" in english) == (year >= 2021)
    assert "Philippines 2024: 67.26%, 10.60 points below 2023 (77.87%)" in english
    assert "European Union ages 16-74" in english and "Indonesia ages 5+" in english
    assert "African Union" in english
    if year == 2023:
        assert by_lang["en"].headline == "The gap between Indonesia's provinces is about as wide as between G20 members"
        assert english.count("56.84") == 2 and "56.59" in english  # the two ranges, on the like sets
        assert "None of the provinces (2023, 34-province layout) is above the median of the 13" in english


def open_world(params: dict) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page("app_pages/world.py").run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_page_in_both_languages_keeps_good_link_values(lang):
    at = open_world({"lang": lang, "w_year": "2021", "countries": "IND,PHL", "provinces": "31,94"})
    assert not at.warning and not at.error
    assert at.title[0].value == t("world.title", lang)
    assert {k: at.query_params[k] for k in ("w_year", "countries", "provinces")} == {
        "w_year": "2021",
        "countries": "IND,PHL",
        "provinces": "31,94",
    }
    assert at.session_state["w.countries"] == ["IND", "PHL"]
    assert len(at.get("plotly_chart")) == 3


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    "field, bad, fallback",
    [
        ("w_year", "1999", 2023),
        ("w_year", "abc", 2023),
        ("countries", "IND,XXX", ""),
        ("countries", "IND,IND", ""),
        ("countries", "<img src=http://example.com/x.png>", ""),
    ],
)
def test_bad_link_values_fall_back_with_the_pages_note(lang, field, bad, fallback):
    at = open_world({"lang": lang, field: bad})
    notes = [w.value for w in at.warning]
    assert len(notes) == 1 and t(f"field.{field}", lang) in notes[0]
    assert "http://" not in notes[0] and "<img" not in notes[0]
    assert at.session_state["inklusi.state"][field] == fallback
    assert at.markdown[0].value  # the sentences are still there


@pytest.fixture(scope="module")
def world_fields(con):
    return [f for f in viewstate.app_fields(con) if f.name in ("w_year", "countries", "provinces")]


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["w_year", "countries", "provinces"]), st.text(max_size=30), max_size=3))
def test_any_link_value_resolves_to_an_option_of_the_page(world_fields, raw):
    fields = world_fields
    state, notes = viewstate.resolve(raw, fields)
    for field in fields:
        assert state[field.name] in field.options(state)
    assert {n[0] for n in notes} <= set(raw)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_provinces_the_link_names_wrongly_are_left_out_with_the_pages_note(lang):
    """The provinces field is the one /compare reads: names and codes, each kept once."""
    at = open_world({"lang": lang, "provinces": "99,ntt,53,Jabar"})
    notes = [w.value for w in at.warning]
    assert notes == [
        t("compare.dropped_unknown", lang, given="«99»"),
        t("compare.dropped_repeated", lang, given="«53»"),
    ]
    assert at.session_state["inklusi.state"]["provinces"] == "53,32"
    assert at.session_state["w.provinces"] == ["53", "32"]


def test_the_presenters_pinned_province_is_highlighted_on_the_page():
    at = open_world({"lang": "en", "pin": "53"})
    axis = json.loads(at.get("plotly_chart")[1].proto.spec)
    marked = [trace for trace in axis["data"] if trace.get("mode") == "markers+text"][0]
    assert "East Nusa Tenggara" in marked["meta"]["labels"] and "Indonesia" in marked["meta"]["labels"]


def test_the_export_carries_the_copys_values_and_itus_terms(run, state_of, copy):
    view = files.build(run, "world", state_of(w_year=2022), "view")
    countries = view.frame[view.frame["place_type"] == "country"].set_index("place")
    latest = copy[copy["year"] <= 2022].sort_values("year").groupby("iso3").tail(1).set_index("iso3")
    assert countries["value"].to_dict() == latest["internet_users_pct"].to_dict()
    assert countries["year"].to_dict() == latest["year"].to_dict()
    assert countries.loc["IND", "in_year"] == False and countries.loc["IDN", "in_year"] == True  # noqa: E712
    meta = metadata.describe(view, "en")
    itu = [s for s in meta["sources"] if s["terms"] == "itu"]
    assert {s["id"] for s in itu} == {"itu_owid", "itu_wb"} and "CC BY-NC-SA 3.0 IGO" in itu[0]["terms_text"]
    with zipfile.ZipFile(io.BytesIO(files.encode(view, "datapackage", "en"))) as package:
        described = json.loads(package.read("datapackage.json"))
    assert {"name": "CC-BY-NC-SA-3.0-IGO", "title": t("terms.itu", "en")} in described["licenses"]
    assert any("CC BY-NC-SA 3.0 IGO" in note for note in stata.notes(meta, "en"))


@pytest.mark.pages("world")
def test_the_page_draws_its_three_charts_in_chromium(visit):
    """On the sweep's load of /world (offline, axe-core and chart text are the sweep's checks)."""
    expect(visit.page.locator(".js-plotly-plot")).to_have_count(3)
    assert visit.page.get_by_text(t("world.title", visit.lang)).count() >= 1


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_slide_says_what_the_page_says_and_keeps_the_evidence_in_its_notes(run, copy, provinces_2023, lang):
    from inklusi.pages.world import slide as world_slide

    slide = world_slide.standing_slide(run, lang, "53", lambda layout: None)
    values = run("country_values")
    page = block(
        facts_of(run, 2023),
        world.names_of(values, lang),
        reference.province_names(lang),
        dict(zip(provinces_2023["province"], provinces_2023["value"], strict=True)),
        lang,
    )
    assert slide.title == page.headline and slide.sentences[:3] == page.sentences
    assert all(line in slide.notes for line in page.evidence)
    members = copy[copy["group"].str.contains("G20") & (copy["year"] <= 2023) & (copy["iso3"] != "IDN")]
    latest = members.sort_values("year").groupby("iso3").tail(1)["internet_users_pct"]
    ntt = provinces_2023.set_index("province").loc["53", "value"]
    below = int((latest < ntt).sum())
    assert slide.facts["rank"] == 13 and slide.facts["year"] == 2023
    pinned = t(
        "world.pin" if below else "world.pin_none",
        lang,
        name=reference.province_name("53", lang),
        value=f"{ntt:.2f}".replace(".", "," if lang == "id" else ".") + "%",
        n=below,
        members=len(latest),
        year=2023,
    )
    assert slide.sentences[3] == pinned
    assert {"itu_owid", "itu_wb", "bps_internet_penduduk_2023"} <= set(slide.sources)

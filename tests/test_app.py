"""Every page in both languages, every indicator family and edition, and links good and bad."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from inklusi.config import DATA_DIR, REPO
from inklusi.i18n import t
from inklusi.site import registry
from inklusi.story.plan import SLIDES
from tests.apptest import APP, open_app

PAGES = [f"app_pages/{page.name}.py" for page in registry.PAGES]
TITLES = {"id": "Ringkasan nasional", "en": "National overview"}
FAMILY_HEADS = [
    "imdi",
    "imdi_keterampilan",
    "imdi_literasi",
    "ild",
    "ild_2020",
    "iptik",
    "iptik_keahlian",
    "internet_rt",
    "internet_penduduk",
    "belanja_online",
    "evdci",
]


def sampled_editions() -> list[tuple[str, int]]:
    """The latest edition of each family head on each province layout it has (34: before the
    2022 split; 38 after): the page's code paths differ by family and layout, not by year. The
    queries are checked on every edition (tests/test_queries.py)."""
    values = pd.read_csv(DATA_DIR / "values.csv", dtype={"province": str})
    provincial = values[(values.province != "ID") & values.indicator.isin(FAMILY_HEADS)]
    editions = provincial.groupby(["indicator", "year"]).province.nunique().reset_index(name="provinces")
    editions["layout"] = editions.provinces.gt(34).map({True: 38, False: 34})
    latest = editions.groupby(["indicator", "layout"]).year.max()
    return sorted((indicator, int(year)) for (indicator, _), year in latest.items())


def shown_text(at: AppTest) -> str:
    parts = [
        e.value for kind in ("markdown", "caption", "title", "header", "warning", "info") for e in getattr(at, kind)
    ]
    parts += [m.label + " " + m.value for m in at.metric]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_page_runs_in_both_languages(page, lang):
    at = open_app({"lang": lang}, page)
    assert not at.error
    assert at.session_state["w.lang"] == lang


@pytest.mark.parametrize("indicator, year", sampled_editions())
@pytest.mark.parametrize("lang", ["id", "en"])
def test_overview_for_every_family_and_layout(indicator, year, lang):
    at = open_app({"lang": lang, "indicator": indicator, "year": str(year)})
    assert at.title[0].value == TITLES[lang]
    assert not at.warning, [w.value for w in at.warning]
    assert at.session_state["w.indicator"] == indicator and at.session_state["w.year"] == year


def test_overview_headline_shows_the_published_national_value():
    at = open_app({"indicator": "imdi", "year": "2025"})
    national = next(m for m in at.metric if m.label.startswith("Nilai nasional"))
    assert national.value == "44,53"
    assert "+1,19" in national.proto.delta  # 44.53 - 43.34, IMDI 2024
    english = open_app({"lang": "en", "indicator": "imdi", "year": "2025"})
    assert next(m for m in english.metric if m.label.startswith("National value")).value == "44.53"


def test_a_charts_table_is_built_when_opened_and_states_each_value_and_rank():
    at = open_app({"lang": "en", "indicator": "imdi", "year": "2025"})
    assert len(at.dataframe) == 0  # the closed tables are not built
    at.session_state["overview.ranking.table.open"] = True
    table = at.run().dataframe[0].value
    values = pd.read_csv(DATA_DIR / "values.csv", dtype={"province": str})
    names = pd.read_csv(DATA_DIR / "provinces.csv", dtype={"kode": str}).set_index("kode")["name_en"]
    imdi = values.query("indicator == 'imdi' and year == 2025 and province != 'ID'").sort_values("value")[::-1]
    expected = [f"{v:.2f} · Rank {i + 1} of 38" for i, v in enumerate(imdi["value"])]
    assert table.iloc[:, 1].tolist() == [names[p] for p in imdi["province"]]
    assert [text.rsplit(": ", 1)[1] for text in table.iloc[:, 2]] == expected


@pytest.mark.parametrize("indicator", FAMILY_HEADS)
@pytest.mark.parametrize("province", ["", "53", "96"])
def test_profile_with_and_without_a_province(indicator, province):
    params = {"indicator": indicator, "lang": "en"} | ({"province": province} if province else {})
    at = open_app(params, "app_pages/profile.py")
    if not province:
        assert any("Choose a province" in i.value for i in at.info)
    else:
        assert at.header[0].value in ("East Nusa Tenggara", "Southwest Papua")


def test_profile_of_a_mentored_province_says_the_records_are_synthetic():
    at = open_app({"province": "53"}, "app_pages/profile.py")
    assert any("sintetis" in i.value for i in at.info)
    mentored = next(m for m in at.metric if m.label == "UMKM didampingi")
    assert mentored.value == "6.400"  # data/mentoring_areas.csv: 2,800 in 2021 + 3,600 in 2022


def test_link_parameters_round_trip():
    params = {
        "lang": "en",
        "indicator": "iptik",
        "year": "2021",
        "province": "61",
        "view": "tiles",
        "classes": "natural",
        "colour": "gap",
    }
    at = open_app(params)
    assert {
        k: at.query_params[k][0] if isinstance(at.query_params[k], list) else at.query_params[k] for k in params
    } == params
    assert not at.warning


@pytest.mark.parametrize(
    "field, bad",
    [
        ("province", "99"),
        ("year", "abc"),
        ("indicator", "'; DROP TABLE x; --"),
        ("province", "x" * 10_000),
        ("lang", "fr"),
        ("view", "<img src=http://example.com/x.png>"),
    ],
)
def test_bad_link_values_fall_back_with_a_visible_note(field, bad):
    at = open_app({field: bad})
    assert at.warning, "a note says the value was not understood"
    note = at.warning[0].value
    assert "http://" not in note and "<img" not in note and len(note) < 400
    assert at.title[0].value == TITLES["id"]
    defaults = {"province": "", "year": 2025, "indicator": "imdi", "lang": "id", "view": "map"}
    assert at.session_state[f"w.{field}"] == defaults[field]


def test_changing_the_indicator_keeps_a_valid_year():
    at = open_app({"indicator": "imdi", "year": "2023"})
    at.selectbox(key="w.indicator").select("ild").run()
    assert not at.exception
    assert at.session_state["w.year"] == 2022
    assert at.query_params["indicator"] in ("ild", ["ild"])


@pytest.mark.parametrize("indicator", FAMILY_HEADS)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_gaps_page_for_every_family(indicator, lang):
    at = open_app({"lang": lang, "indicator": indicator}, "app_pages/gaps.py")
    assert not at.warning
    assert at.metric, "the spread measures are shown"


def test_gaps_page_with_too_few_provinces_says_so():
    at = open_app({"lang": "en", "indicator": "imdi_infrastruktur_pemerintah", "year": "2023"}, "app_pages/gaps.py")
    assert not at.info or "too few" not in at.info[0].value  # 37 provinces: enough


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sector_filters_that_leave_no_rows_say_so(lang):
    at = open_app({"lang": lang, "m_year": "2021", "area": "kalbar"}, "app_pages/sectors.py")  # a 2022 area only
    assert any(("Tidak ada catatan" if lang == "id" else "No records") in i.value for i in at.info)
    charts = {c.key for c in at.get("plotly_chart")}
    assert charts and all(k.startswith("msme.") for k in charts), "only the national picture is drawn"


@pytest.mark.parametrize(
    "params", [{}, {"sector": "tekstil", "gender": "perempuan"}, {"m_year": "2022", "scale": "kecil"}]
)
def test_sector_page_with_filters_shows_the_synthetic_banner(params):
    at = open_app(params | {"lang": "en"}, "app_pages/sectors.py")
    assert any("synthetic" in i.value for i in at.info)
    mentored = next(m for m in at.metric if m.label == "MSMEs mentored")
    assert mentored.value != "0"


@pytest.mark.parametrize("need", ["imdi_keterampilan-2024", "imdi_literasi-2025", "iptik_keahlian-2022", "ild-2022"])
@pytest.mark.parametrize("per", ["umk", "penduduk"])
def test_targeting_names_priorities(need, per):
    at = open_app({"lang": "en", "need": need, "per": per}, "app_pages/targeting.py")
    assert any(s.value.startswith("Priority provinces") for s in at.subheader)
    assert any("**Rule:**" in m.value for m in at.markdown)


def test_targeting_thresholds_from_the_link():
    at = open_app(
        {"lang": "en", "need": "imdi_keterampilan-2024", "x_cut": "100", "y_cut": "100000"}, "app_pages/targeting.py"
    )
    listed = next(s.value for s in at.subheader if s.value.startswith("Priority provinces"))
    assert listed == "Priority provinces (38)"  # every province is below 100 and below any coverage


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("pin", ["", "53"])
def test_every_slide_renders(lang, pin):
    titles = []
    for slide in range(1, len(SLIDES) + 1):
        at = open_app(
            {"lang": lang, "pin": pin, "slide": str(slide)} if pin else {"lang": lang, "slide": str(slide)},
            "app_pages/present.py",
        )
        titles.append(at.title[0].value)
        if pin and slide == 1:
            assert any(
                ("Nusa Tenggara Timur" if lang == "id" else "East Nusa Tenggara") in m.value for m in at.markdown
            )
    assert len(set(titles)) == len(SLIDES)


def test_presentation_buttons_move_and_wrap():
    last = len(SLIDES)
    at = open_app({"lang": "en", "slide": str(last)}, "app_pages/present.py")
    at.button(key="present.next").click().run()
    assert at.session_state["inklusi.state"]["slide"] == 1
    at.button(key="present.prev").click().run()
    assert at.session_state["inklusi.state"]["slide"] == last


def test_the_first_page_does_not_wait_for_the_statistics_packages():
    """scipy, matplotlib and PySAL take seconds to import; the overview, a server's first page, needs none."""
    code = (
        f"import sys; from streamlit.testing.v1 import AppTest; at = AppTest.from_file({APP!r}, default_timeout=60)"
        ".run(); assert not at.exception; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'scipy', 'matplotlib', 'inequality', 'esda'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("name", [p.name for p in registry.PAGES])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_link_notices_name_each_field_in_the_pages_language(name, lang):
    """A bad value in a link is named by the field's label in the page's language, on every page."""
    declared = registry.page(name)
    bad = {"year": "abc"} | ({declared.fields[-1]: "zzz"} if declared.fields else {})
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in ({"lang": lang} | bad).items():
        at.query_params[key] = value
    at.switch_page(f"app_pages/{name}.py").run()  # the first run draws the page, as a link opens it
    assert not at.exception
    notes = [w.value for w in at.warning]
    for field in bad:
        label = t(f"field.{field}", lang)
        assert any(f" {label} " in f" {n} " or f"{label} «" in n for n in notes), (field, label, notes)

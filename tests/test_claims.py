"""The rules of DESIGN.md ("Sentences are claims"), written as checks on every generated claim
(tests/claims.py enumerates them), and the same facts in both languages."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from inklusi.config import DATA_DIR
from inklusi.store import reference
from inklusi.story.plan import SLIDES
from tests import breaks_by_hand as by_hand
from tests import claims as enumerate_claims

YEAR = r"(\d{4})"
# What a gaps headline says of the spread (the CV on the like set), in both languages: one of these
# and only one matches each headline.
HEADLINES = {
    "closing": {
        "en": f"^The spread between provinces fell from {YEAR} to {YEAR}$",
        "id": f"^Sebaran antarprovinsi menyempit dari {YEAR} ke {YEAR}$",
    },
    "widening": {
        "en": f"^The spread between provinces rose from {YEAR} to {YEAR}$",
        "id": f"^Sebaran antarprovinsi melebar dari {YEAR} ke {YEAR}$",
    },
    "little": {"en": f"is little changed from {YEAR} to {YEAR}$", "id": f"hampir tidak berubah dari {YEAR} ke {YEAR}$"},
    "few": {"en": "^Too few provinces", "id": "^Terlalu sedikit provinsi"},
    "mixed_closing": {
        "en": f"fell from {YEAR} to {YEAR}; the picture is mixed$",
        "id": f"menyempit dari {YEAR} ke {YEAR}; gambarannya campuran$",
    },
    "mixed_widening": {
        "en": f"rose from {YEAR} to {YEAR}; the picture is mixed$",
        "id": f"melebar dari {YEAR} ke {YEAR}; gambarannya campuran$",
    },
    "mixed_unclear": {
        "en": f"moved no clear way from {YEAR} to {YEAR}$",
        "id": f"tidak bergerak jelas dari {YEAR} ke {YEAR}$",
    },
    "turn_closing_widening": {
        "en": f"^The spread fell (?:in|until) {YEAR}.* and has risen since$",
        "id": f"^Sebarannya menyempit (?:pada|hingga) {YEAR}.* dan melebar sejak itu$",
    },
    "turn_widening_closing": {
        "en": f"^The spread rose (?:in|until) {YEAR}.* and has fallen since$",
        "id": f"^Sebarannya melebar (?:pada|hingga) {YEAR}.* dan menyempit sejak itu$",
    },
    "decided_closing": {"en": "fell, but .* alone decides it$", "id": "menyempit, tetapi .* saja yang menentukannya$"},
    "decided_widening": {"en": "rose, but .* alone decides it$", "id": "melebar, tetapi .* saja yang menentukannya$"},
}
DECIDED = {"en": "alone decides it", "id": "saja yang menentukannya"}
CROSSES = {
    "id": ("elintasi perubahan", "Metodenya berubah", "Tata letak provinsinya berubah", "tata letak provinsinya pada"),
    "en": (
        "cross changes",
        "crosses changes",
        "Crosses changes",
        "method changed",
        "province layout changed",
        "the province layout in",
    ),
}
LAGS = {"en": "adopting less than their skills predict", "id": "adopsinya di bawah perkiraan keterampilannya"}
NO_LINK = {"en": "^No clear link", "id": "tidak jelas$"}
SPLIT = {"91", "92", "93", "94", "95", "96"}  # the 2022 split: the two old provinces and the four new ones


def said(headline: str, lang: str) -> tuple[str, tuple[int, ...]]:
    """What a gaps headline says, and its years; exactly one reading matches."""
    found = [(k, re.search(p[lang], headline)) for k, p in HEADLINES.items()]
    found = [(k, m) for k, m in found if m]
    assert len(found) == 1, headline
    key, match = found[0]
    return key, tuple(int(y) for y in match.groups())


def like_cv(values: pd.DataFrame, indicator: str) -> tuple[pd.Series, int]:
    """The CV of every edition on the like set (valued in every edition, the split provinces left
    out across layouts) and the set's size: computed here with pandas."""
    rows = values[(values.indicator == indicator) & (values.province != "ID")].dropna(subset=["value"])
    every = rows.groupby("province")["year"].nunique() == rows["year"].nunique()
    kept = set(every[every].index)
    if rows["layout"].nunique() > 1:
        kept -= SPLIT
    rows = rows[rows["province"].isin(kept)]
    return rows.groupby("year")["value"].agg(lambda v: v.std(ddof=0) / v.mean()), len(kept)


# Every claim is enumerated once (about 80 decks and 4,000 other sentences): on one xdist worker,
# not once on each.
pytestmark = pytest.mark.xdist_group("claims")


def names_a_break(text: str, lang: str) -> bool:
    return any(phrase in text for phrase in CROSSES[lang])


def break_years(table, parents, indicator) -> set[int]:
    """The years of the breaks of an indicator and of everything below it (by hand, tests/breaks_by_hand.py)."""
    return {int(year) for year, _, _ in by_hand.expected(table, parents, indicator)}


def of(every, kind):
    return [c for c in every if c.kind == kind]


def test_the_enumeration_covers_every_kind_of_claim(every):
    counts = Counter(c.kind for c in every)
    provinces = len(reference.provinces())
    assert counts["slide"] == 2 * (provinces + 1) * len(SLIDES)
    assert counts["notes"] == 2 * len(SLIDES)
    assert counts["adoption"] == 2 * 12
    assert counts["gaps"] >= 2 * 20
    assert counts["profile"] >= 2 * provinces * 50


def test_a_trend_verdict_uses_every_edition_on_the_like_set(every, values):
    """The headline follows the CV of every edition on the like set: fell (rose) only when the last
    is below (above) the first at the printed precision and the latest step does not turn the other
    way; little changed when the two print alike; a turn at the edition where the direction turned.
    The set's size is said when it is not the whole."""
    for claim in of(every, "gaps"):
        cv, n = like_cv(values, claim.key[0])
        assert list(cv.index) == list(claim.facts["verdict"].years), claim.key
        key, years = said(claim.headline, claim.lang)
        shown = (100 * cv).round(1)
        if key in ("closing", "widening", "little", "mixed_closing", "mixed_widening", "mixed_unclear"):
            assert years == (cv.index[0], cv.index[-1]), claim.headline
        if key == "closing":
            assert shown.iloc[-1] < shown.iloc[0] and cv.iloc[-1] <= cv.iloc[-2], claim.key
        if key == "widening":
            assert shown.iloc[-1] > shown.iloc[0] and cv.iloc[-1] >= cv.iloc[-2], claim.key
        if key == "little":
            assert shown.iloc[-1] == shown.iloc[0], claim.key
        if key in ("mixed_closing", "decided_closing"):
            assert cv.iloc[-1] < cv.iloc[0], claim.key
        if key in ("mixed_widening", "decided_widening"):
            assert cv.iloc[-1] > cv.iloc[0], claim.key
        if key == "turn_closing_widening":
            assert cv[years[0]] < cv.iloc[0] and cv.iloc[-1] > cv[years[0]], claim.key
        if key == "turn_widening_closing":
            assert cv[years[0]] > cv.iloc[0] and cv.iloc[-1] < cv[years[0]], claim.key
        counted = re.search(r"(\d+) (?:provinces|provinsi)", " ".join(claim.sentences))
        if claim.facts["verdict"].layout == "matched":
            assert counted and int(counted[1]) == n, claim.text


def test_a_verdict_that_a_left_out_edition_or_province_overturns_says_so(every):
    for claim in of(every, "gaps"):
        found = claim.facts["verdict"]
        direction = found.downgraded_from or found.word
        overturned = {w for w in found.checks.values()} - {direction}
        if direction in ("closing", "widening") and overturned:  # a mixed verdict claims no direction
            assert DECIDED[claim.lang] in claim.headline, claim.headline
            if found.checks.get("first_edition", direction) != direction:
                assert f"({found.years[0]})" in claim.headline, claim.headline
            else:
                assert reference.province_names(claim.lang)[found.influential] in claim.headline, claim.headline


def test_a_comparison_across_a_break_names_it(every, table, parents):
    for claim in of(every, "gaps"):
        years = claim.facts["verdict"].years
        if any(years[0] < y <= years[-1] for y in break_years(table, parents, claim.key[0])):
            assert names_a_break(claim.text, claim.lang), claim.key
    for claim in of(every, "profile"):
        since = re.search(r"(?:Since|Sejak) (\d{4})", claim.text)
        latest = re.search(r"(?:In|Pada) .* (\d{4}),", claim.text)
        if since and latest:
            crossed = [y for y in break_years(table, parents, claim.key[1]) if int(since[1]) < y <= int(latest[1])]
            assert bool(crossed) == names_a_break(claim.text, claim.lang), claim.text
    for claim in of(every, "slide"):
        if claim.key[0] in ("national", "gap"):
            assert names_a_break(claim.text, claim.lang), claim.text


def test_no_value_rank_or_change_before_a_province_existed(every, provinces):
    formed = dict(zip(provinces["kode"], provinces["tahun_dibentuk"].astype(int), strict=True))
    undivided = set(provinces.loc[provinces["kode"] != provinces["kode_2012"], "kode_2012"])
    for claim in of(every, "profile"):
        province = claim.key[0]
        for year in re.findall(r"(?:Since|Sejak|In .*?|Pada .*?) (\d{4})", claim.text):
            assert int(year) > formed[province] or formed[province] < 2022, claim.text
        series = claim.facts["series"]
        since = re.search(r"(?:Since|Sejak) (\d{4})", claim.text)
        if province in undivided and since and int(series.loc[series["year"] == int(since[1]), "layout"].iloc[0]) == 34:
            latest = series.dropna(subset=["value"]).iloc[-1]
            if int(latest["layout"]) == 38:
                assert "undivided" in claim.text or "belum dibagi" in claim.text, claim.text


def test_lags_only_when_skills_predict_adoption(every):
    for claim in of(every, "adoption"):
        found = claim.facts["found"]
        says_lags = LAGS[claim.lang] in claim.text
        assert says_lags == bool(found.points["lags"].any()), claim.key
        if says_lags:  # both the rank correlation and the robust fit exclude zero, on the same side
            assert (found.low > 0 and found.slope_low > 0) or (found.high < 0 and found.slope_high < 0)
            assert not re.search(NO_LINK[claim.lang], claim.headline), claim.headline
    for claim in of(every, "slide"):
        if claim.key[0] == "adoption":
            assert (LAGS[claim.lang] in claim.text) == bool(claim.facts["lagging"]), claim.text


def test_every_named_unreliable_estimate_carries_its_mark(every):
    for claim in of(every, "profile"):
        series = claim.facts["series"]
        shown = series[series["value"].notna() & ~series["via_parent"].astype(bool)]
        if len(shown) and shown.iloc[-1]["reliability"] == "unreliable":
            assert "†" in claim.text, claim.text
        if len(shown) and shown.iloc[-1]["flag"] == "derived":
            assert "(derived)" in claim.text or "(turunan)" in claim.text, claim.text


def test_thresholds_say_what_they_are(every):
    kinds = {
        "en": ("published national value", "unweighted mean", "records' national rate"),
        "id": ("nilai nasional terbitan", "rata-rata provinsi tanpa bobot", "laju nasional catatan"),
    }
    for claim in [*of(every, "targeting"), *[c for c in of(every, "slide") if c.key[0] == "next"]]:
        assert sum(claim.text.count(k) for k in kinds[claim.lang]) == 2, claim.text


def test_a_pinned_province_is_never_its_own_comparator(every):
    for claim in of(every, "slide"):
        pin = claim.facts["pin"]
        if not pin:
            continue
        names = reference.province_names(claim.lang)
        name = names[pin]
        longer = [n for n in names.values() if n != name and name in n]
        for sentence in re.split(r"(?<=[.!?])\s", claim.text):
            for other in longer:
                sentence = sentence.replace(other, "")
            assert sentence.count(name) <= 1, sentence


def test_provenance_of_the_dewg_totals_is_a_row_of_sources(every):
    sources = pd.read_csv(DATA_DIR / "sources.csv").set_index("id")
    for claim in every:
        if "DEWG" in claim.text and "Labuan Bajo" in claim.text and claim.kind == "slide":
            assert sources.loc["suara_dewg_2022", "publisher"] in claim.text, claim.text


NUMBER = re.compile(r"\d[\d.,]*\d|\d")
LICENCE = re.compile(r"CC BY(-[A-Z]+)* \d\.\d( IGO)?")


def numbers(text: str, lang: str) -> list[float]:
    found = NUMBER.findall(LICENCE.sub("", text))  # a licence's version is its name, the same in both
    if lang == "id":
        return sorted(float(n.replace(".", "").replace(",", ".")) for n in found)
    return sorted(float(n.replace(",", "")) for n in found)


def test_both_languages_state_the_same_numbers_and_verdicts(every):
    for key, langs in enumerate_claims.pairs(every).items():
        if key[:2] == ("slide", "sources") or key[:2] == ("notes", "sources"):
            continue  # the source titles are the publishers' own, in one language
        bahasa, english = langs["id"], langs["en"]
        assert np.allclose(numbers(bahasa.text, "id"), numbers(english.text, "en")), key
        if key[0] == "gaps":
            assert said(bahasa.headline, "id") == said(english.headline, "en"), key

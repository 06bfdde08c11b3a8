"""Every generated claim of the dashboard, enumerated: each slide in both languages with every
pinned province (and none), its speaker notes, the profile summary of every province and
indicator, every skills-by-adoption pair, every targeting list, and the gaps verdict of every
indicator with two or more editions. The rules of DESIGN.md ("Sentences are claims") are
checked on these texts by tests/test_claims.py."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from inklusi.i18n import LANGS, number, pick, t
from inklusi.pages.adoption import facts as adoption
from inklusi.pages.adoption import words as adoption_words
from inklusi.pages.gaps import facts as verdict
from inklusi.pages.gaps import words as trends
from inklusi.pages.profile.words import profile_summary
from inklusi.pages.targeting import facts as targeting
from inklusi.statistics.metrics import level_of
from inklusi.store import breaks, measures, reference
from inklusi.store.measures import split
from inklusi.story.deck import slides as story_slides
from inklusi.words import values
from inklusi.words.narrative import measure_label


@dataclass
class Claim:
    kind: str  # slide, notes, profile, adoption, targeting, gaps
    key: tuple  # what it is about, the same in both languages
    lang: str
    text: str
    facts: dict = field(default_factory=dict)
    headline: str = ""  # a slide's title, a page block's headline
    sentences: list[str] = field(default_factory=list)  # the sentences shown, one an item

    def __post_init__(self) -> None:
        self.sentences = self.sentences or [self.text]


def slides(run) -> list[Claim]:
    claims = []
    for pin in ["", *reference.provinces()["kode"]]:
        for lang in LANGS:
            for slide in story_slides(run, lang, pin, lambda layout: None):
                facts = {"pin": pin, **slide.facts}
                text = " ".join(slide.sentences)
                claims.append(Claim("slide", (slide.key, pin), lang, text, facts, slide.title, list(slide.sentences)))
                if not pin:  # the notes do not depend on the pinned province
                    claims.append(Claim("notes", (slide.key,), lang, " ".join(slide.notes), facts))
    return claims


def profiles(run, con) -> list[Claim]:
    catalogue = run("indicator_catalogue").set_index("id")
    editions = run("indicator_editions")
    provincial = sorted(set(editions.loc[editions["n_provinces"] > 0, "indicator"]))
    provinces = reference.provinces().set_index("kode")
    undivided = set(provinces.loc[provinces.index != provinces["kode_2012"], "kode_2012"])
    claims = []
    for indicator in provincial:
        levels = {
            int(y): level_of(run("indicator_by_province", indicator=indicator, year=int(y)))
            for y in editions.loc[editions["indicator"] == indicator, "year"]
        }
        crossed = breaks.breaks(con, indicator)
        for province in provinces.index:
            series = run("indicator_series", indicator=indicator, province=province)
            series = series.assign(national=[levels.get(int(y)) for y in series["year"]])
            for lang in LANGS:
                said = profile_summary(
                    reference.province_name(province, lang),
                    pick(catalogue.loc[indicator], "name", lang),
                    series,
                    lang=lang,
                    decimals=int(catalogue.loc[indicator, "decimals"]),
                    undivided=province in undivided,
                    crossed=crossed,
                    margin_pct=None
                    if pd.isna(catalogue.loc[indicator, "margin_pct"])
                    else catalogue.loc[indicator, "margin_pct"],
                )
                text = " ".join(said)
                decimals = int(catalogue.loc[indicator, "decimals"])
                facts = {"province": province, "indicator": indicator, "series": series, "decimals": decimals}
                claims.append(Claim("profile", (province, indicator), lang, text, facts, sentences=said))
    return claims


def adoption_pairs(run) -> list[Claim]:
    claims = []
    for skill in measures.SKILLS:
        for measure in measures.ADOPTION:
            found = adoption.compare(run, skill, measure)
            catalogue = run("indicator_catalogue").set_index("id")
            for lang in LANGS:
                said = adoption_words.block(
                    found,
                    skill=measure_label(catalogue, skill, lang),
                    adoption=measure_label(catalogue, measure, lang),
                    years=(split(skill)[1], split(measure)[1]),
                    names=reference.province_names(lang),
                    lang=lang,
                )
                facts = {"found": found, "names": names_of(lang), "measures": [split(skill), split(measure)]}
                claims.append(
                    Claim("adoption", (skill, measure), lang, said.text, facts, said.headline, said.sentences)
                )
    return claims


def targeting_lists(run) -> list[Claim]:
    claims = []
    for need in measures.NEEDS:
        for per in targeting.PER:
            x_cut, y_cut = targeting.defaults(run, need, per)
            kinds = targeting.threshold_kinds(run, need, per)
            chosen = targeting.priorities(targeting.table(run, need, per), x_cut, y_cut)
            chosen = chosen[chosen["priority"]].sort_values("skill")
            shaky = targeting.unreliable(run, (need, per))
            for lang in LANGS:
                names = reference.province_names(lang)
                rule = t(
                    "targeting.rule",
                    lang,
                    need=need,
                    x=number(x_cut, lang, 2),
                    x_kind=t(f"targeting.threshold_{kinds[0]}", lang),
                    second=per,
                    y=number(y_cut, lang, 2),
                    y_kind=t(f"targeting.threshold_{kinds[1]}", lang),
                )
                text = rule + " " + ", ".join(values.named(names[p], p in shaky) for p in chosen["province"])
                used = [split(m) for m in (need, per) if not targeting.is_coverage(m)]
                facts = {"priority": list(chosen["province"]), "names": names, "measures": used}
                claims.append(Claim("targeting", (need, per), lang, text, facts))
    return claims


def gaps_verdicts(run, con) -> list[Claim]:
    editions = run("indicator_editions")
    counts = editions[editions["n_provinces"] >= verdict.MIN_PROVINCES].groupby("indicator").size()
    claims = []
    for indicator in counts[counts >= 2].index:
        found = verdict.of_indicator(run, indicator)
        crossed = breaks.between(breaks.breaks(con, indicator), found.years[0], found.years[-1])
        for lang in LANGS:
            said = trends.block(found, lang=lang, names=reference.province_names(lang), crossed=crossed)
            facts = {"verdict": found, "crossed": crossed}
            claims.append(Claim("gaps", (indicator,), lang, said.text, facts, said.headline, said.sentences))
    return claims


def names_of(lang: str) -> dict[str, str]:
    return reference.province_names(lang)


def every_claim(run, con) -> list[Claim]:
    return [*slides(run), *profiles(run, con), *adoption_pairs(run), *targeting_lists(run), *gaps_verdicts(run, con)]


def pairs(claims: list[Claim]) -> dict[tuple, dict[str, Claim]]:
    """The claims by kind and key, each with its text in every language."""
    paired: dict[tuple, dict[str, Claim]] = {}
    for claim in claims:
        paired.setdefault((claim.kind, *claim.key), {})[claim.lang] = claim
    return paired

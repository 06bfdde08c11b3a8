"""The sentences of the World page and its slide, from one facts object (facts.Standing) in either
language: the year of every value is said, a ranking uses one year's values and says how many
members have one, thresholds say what they are, Papua on the 34-province layout is named as the
undivided province, and the caveats of the series (ITU's cap, a survey break, age bases) are
stated where they bear on a verdict."""

from __future__ import annotations

from inklusi.i18n import number, percent, t
from inklusi.pages.world.facts import INDIA, MIN_RANKED, TOLERANCE, Standing
from inklusi.words.block import Block
from inklusi.words.province_table import layout_name


def pct(value: float, lang: str) -> str:
    """A percentage with the decimals of the province series (two)."""
    return percent(value, lang, 2)


def block(
    facts: Standing, countries: dict[str, str], provinces: dict[str, str], values: dict[str, float], lang: str
) -> Block:
    """What the page and the slide say: a headline (the provinces' spread against the members'), Indonesia's
    rank among the members valued in the year, and the ranges of both; the rest (the members without a
    value that year, the median, India, ITU's cap, a survey break, the age bases, the rule) is the
    evidence. countries: iso3 -> name; provinces: code -> name; values: province code -> value."""

    def province(code: str) -> str:
        return layout_name(provinces[code], code, facts.province_layout, lang)

    said = [rank(facts, lang)]
    (low, _), (high, _) = facts.lowest_province, facts.highest_province
    said.append(
        t(
            "world.provinces_range",
            lang,
            range=number(facts.province_gap["range"], lang, 2),
            low_name=province(low),
            high_name=province(high),
        )
    )
    if facts.comparators:
        (high_c, _, _), (low_c, low_y, _) = facts.comparators[0], facts.comparators[-1]
        capped = {c for c, _ in facts.capped}
        high_name = t("common.value_capped", lang, value=countries[high_c]) if high_c in capped else countries[high_c]
        said.append(
            t(
                "world.members_range",
                lang,
                range=number(facts.member_gap["range"], lang, 2),
                low_name=countries[low_c],
                low_year=low_y,
                high_name=high_name,
            )
        )
    return Block(t(f"world.head_{facts.verdict}", lang), said, evidence(facts, countries, province, values, lang))


def rank(facts: Standing, lang: str) -> str:
    if facts.rank is not None and facts.rank == len(facts.valued):
        return t("world.rank_last", lang, year=facts.year, value=pct(facts.indonesia, lang))
    if facts.rank is not None:
        return t(
            "world.rank", lang, year=facts.year, value=pct(facts.indonesia, lang), rank=facts.rank, n=len(facts.valued)
        )
    if len(facts.valued) < MIN_RANKED:
        return t("world.too_few", lang, year=facts.year, n=len(facts.valued), least=MIN_RANKED)
    return t("world.rank_none", lang, year=facts.year, n=len(facts.valued))


def evidence(facts: Standing, countries: dict[str, str], province, values: dict[str, float], lang: str) -> list[str]:
    said = [
        t(
            "world.how_gap",
            lang,
            year=facts.year,
            p_range=number(facts.province_gap["range"], lang, 2),
            c_range=number(facts.member_gap["range"], lang, 2),
            p_cv=percent(100 * facts.province_gap["cv"], lang),
            c_cv=percent(100 * facts.member_gap["cv"], lang),
            tolerance=number(100 * TOLERANCE, lang, 0),
        ),
        t("world.members", lang),
    ]
    if facts.missing:
        listed = ", ".join(
            f"{countries[c]} ({y if y is not None else t('common.no_data', lang)})" for c, y in facts.missing
        )
        said.append(t("world.missing", lang, year=facts.year, names=listed))
    where = t("world.provinces_of", lang, year=facts.province_year, layout=facts.province_layout)
    if facts.median is not None:
        common = dict(where=where, members=len(facts.valued), median=pct(facts.median, lang), year=facts.year)
        above = ", ".join(f"{province(p)} {pct(values[p], lang)}" for p in facts.above_median)
        said.append(
            t("world.above", lang, n=len(facts.above_median), names=above, **common)
            if facts.above_median
            else t(
                "world.above_none",
                lang,
                highest=f"{province(facts.highest_province[0])} {pct(facts.highest_province[1], lang)}",
                **common,
            )
        )
    if facts.india is not None:
        india_year, india_value = facts.india
        said.append(
            t(
                "world.india" if facts.below_india else "world.india_none",
                lang,
                name=countries[INDIA],
                year=india_year,
                value=pct(india_value, lang),
                where=where,
                n=len(facts.below_india),
                total=facts.province_gap["n"],
                names=", ".join(province(p) for p in facts.below_india),
            )
        )
    said += [t("world.capped", lang, name=countries[c], since=since) for c, since in facts.capped]
    said += [
        t(
            "world.break",
            lang,
            name=countries[c],
            year=year,
            value=pct(value, lang),
            previous_year=previous_year,
            previous=pct(previous, lang),
            drop=number(previous - value, lang, 2),
        )
        for c, year, value, previous_year, previous in facts.breaks
    ]
    bases = ", ".join(t("world.age_base", lang, name=countries[c], base=b) for c, b in sorted(facts.age_bases.items()))
    said.append(t("world.ages", lang, bases=bases))
    return said

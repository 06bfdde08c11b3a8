"""The sentences of the World page and its slide, from one facts object (facts.Standing) in either
language: the year of every value is said, a ranking uses one year's values and says how many
members have one, thresholds say what they are, Papua on the 34-province layout is named as the
undivided province, and the caveats of the series (ITU's cap, a survey break, age bases) are
stated where they bear on a verdict."""

from __future__ import annotations

from inklusi.i18n import number, percent, t
from inklusi.pages.world.facts import INDIA, MIN_RANKED, Standing
from inklusi.store import reference


def pct(value: float, lang: str) -> str:
    """A percentage with the decimals of the province series (two)."""
    return percent(value, lang, 2)


def split_in_2022() -> set[str]:
    """The codes of the provinces split in 2022: on the 34-province layout they are the undivided ones."""
    provinces = reference.provinces()
    return set(provinces.loc[provinces["kode"] != provinces["kode_2012"], "kode_2012"])


def province_name(code: str, layout: int, names: dict[str, str], lang: str) -> str:
    name = names[code]
    return t("layout.old_name", lang, name=name) if layout == 34 and code in split_in_2022() else name


def sentences(
    facts: Standing, countries: dict[str, str], provinces: dict[str, str], values: dict[str, float], lang: str
) -> dict[str, str]:
    """What the page says, by topic (rank, missing, above, india, gap, capped, break, ages), in
    order; a topic that does not apply is left out. countries: iso3 -> name; provinces: code ->
    name; values: province code -> value."""

    def place(code: str) -> str:
        return f"{province_name(code, facts.province_layout, provinces, lang)} {pct(values[code], lang)}"

    said = {}
    if facts.rank is not None:
        said["rank"] = t(
            "world.rank",
            lang,
            year=facts.year,
            value=pct(facts.indonesia, lang),
            rank=facts.rank,
            n=len(facts.valued),
            total=facts.n_members,
        )
    elif len(facts.valued) < MIN_RANKED:
        said["rank"] = t("world.too_few", lang, year=facts.year, n=len(facts.valued), least=MIN_RANKED)
    else:
        said["rank"] = t("world.rank_none", lang, year=facts.year, n=len(facts.valued), total=facts.n_members)
    if facts.missing:
        listed = ", ".join(
            f"{countries[c]} ({y if y is not None else t('common.no_data', lang)})" for c, y in facts.missing
        )
        said["missing"] = t("world.missing", lang, year=facts.year, names=listed)
    where = t("world.provinces_of", lang, year=facts.province_year, layout=facts.province_layout)
    if facts.median is not None:
        common = dict(where=where, members=len(facts.valued), median=pct(facts.median, lang), year=facts.year)
        names = ", ".join(place(p) for p in facts.above_median)
        said["above"] = (
            t("world.above", lang, n=len(facts.above_median), names=names, **common)
            if facts.above_median
            else t("world.above_none", lang, highest=place(facts.highest_province[0]), **common)
        )
    if facts.india is not None:
        india_year, india_value = facts.india
        said["india"] = t(
            "world.india" if facts.below_india else "world.india_none",
            lang,
            name=countries[INDIA],
            year=india_year,
            value=pct(india_value, lang),
            where=where,
            n=len(facts.below_india),
            total=facts.province_gap["n"],
            names=", ".join(place(p) for p in facts.below_india),
        )
    if facts.member_gap.get("n", 0) >= 2:
        said["gap"] = t(
            f"world.gap_{facts.verdict}",
            lang,
            year=facts.year,
            where=where,
            p_range=number(facts.province_gap["range"], lang, 2),
            c_range=number(facts.member_gap["range"], lang, 2),
            p_cv=percent(100 * facts.province_gap["cv"], lang),
            c_cv=percent(100 * facts.member_gap["cv"], lang),
        )
    capped = [t("world.capped", lang, name=countries[c], since=since) for c, since in facts.capped]
    breaks = [
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
    said |= {"capped": " ".join(capped)} if capped else {}
    said |= {"break": " ".join(breaks)} if breaks else {}
    bases = ", ".join(t("world.age_base", lang, name=countries[c], base=b) for c, b in sorted(facts.age_bases.items()))
    said["ages"] = t("world.ages", lang, bases=bases)
    return said

"""A trend verdict (facts.py) in words for the room: the same facts give the block in both languages.

The headline says the verdict in plain words (the spread fell, rose, is little changed, or went one
way and then the other); at most three sentences say on which provinces it was compared, how large
the spread was at both ends, and which changes of method or layout the editions cross; the
evidence (every edition's coefficient of variation, beta for the span and each step, the
leave-one-out checks) goes to the speaker notes and to the page's "How we know" part.
"""

from __future__ import annotations

import pandas as pd

from inklusi.i18n import number, percent, t
from inklusi.pages.gaps.facts import CLOSING, MIXED, UNCLEAR, WIDENING, Step, Verdict, printed
from inklusi.words import breaks as break_words
from inklusi.words.block import Block


def _beta(step: Step, lang: str) -> dict[str, str]:
    b = step.beta
    if b is None:
        return {"slope": t("common.no_data", lang), "low": "-", "high": "-", "n": "0"}
    return {
        "slope": number(b.slope, lang, 2),
        "low": number(b.low, lang, 2),
        "high": number(b.high, lang, 2),
        "n": str(b.n),
    }


def cv_list(found: Verdict, lang: str) -> str:
    return ", ".join(f"{percent(100 * found.cv[y], lang)} ({y})" for y in found.years)


def left_out(found: Verdict, check: str, names: dict[str, str], lang: str) -> str:
    if check == "first_edition":
        return t("trend.without_first", lang, year=found.years[0])
    return t("trend.without_province", lang, name=names.get(found.influential, found.influential))


def _runs(found: Verdict) -> list[tuple[str, int]]:
    """The steps grouped by the way the spread went: (way, the last year of the run)."""
    runs: list[tuple[str, int]] = []
    for step in found.steps:
        if runs and runs[-1][0] == step.sigma:
            runs[-1] = (step.sigma, step.end)
        else:
            runs.append((step.sigma, step.end))
    return runs


def headline(found: Verdict, lang: str, names: dict[str, str], crossed: pd.DataFrame | None = None) -> str:
    """The verdict in plain words, at most 15 words; a verdict that leaving out the first edition or
    one province overturns names what decides it."""
    first, last = found.years[0], found.years[-1]
    if found.downgraded_from:
        if found.checks.get("first_edition", found.downgraded_from) != found.downgraded_from:
            return t(f"trend.head_{found.downgraded_from}_first", lang, year=first)
        name = names.get(found.influential, found.influential)
        return t(f"trend.head_{found.downgraded_from}_one", lang, name=name)
    if found.word in (CLOSING, WIDENING):
        return t(f"trend.head_{found.word}", lang, first=first, last=last)
    if found.word == UNCLEAR:
        key = "little" if printed(found.cv[first]) == printed(found.cv[last]) else "few"
        return t(f"trend.head_{key}", lang, first=first, last=last)
    runs = [(way, end) for way, end in _runs(found) if way != UNCLEAR]
    if len(runs) >= 2 and runs[-1][0] != runs[-2][0]:
        (before, turn), (after, _) = runs[-2], runs[-1]
        when = break_words.when(crossed, turn, lang) if crossed is not None else ""
        one_step = sum(1 for s in found.steps if s.sigma == before and s.end <= turn) == 1
        at = t("trend.in" if one_step else "trend.until", lang)
        return t(f"trend.head_turn_{before}_{after}", lang, at=at, year=turn, when=when)
    return t(f"trend.head_mixed_{found.sigma}", lang, first=first, last=last)


def sentences(
    found: Verdict, *, lang: str, names: dict[str, str], crossed: pd.DataFrame | None = None, whole: int | None = None
) -> list[str]:
    """At most three sentences: the set and the spread at both ends, the breaks crossed, and why
    a mixed verdict is so (a downgraded one's headline names what decides it). whole: the
    provinces of the latest edition's layout (the obvious whole; a smaller set is named)."""
    first, last = found.years[0], found.years[-1]
    n = found.n[last]
    if found.layout == "matched":
        said = [t("trend.set_matched", lang, n=n)]
    elif whole is not None and n < whole:
        said = [t("trend.set_valued", lang, n=n)]
    else:
        said = []
    said.append(
        t(
            "trend.spread",
            lang,
            first=first,
            last=last,
            cv_first=_cv(found, first, lang),
            cv_last=_cv(found, last, lang),
        )
    )
    if crossed is not None and len(crossed):
        said.append(break_words.in_words(crossed, lang))
    if not found.downgraded_from and found.word == MIXED and found.sigma != UNCLEAR and found.beta != found.sigma:
        said.append(t(f"trend.beta_plain_{found.beta}", lang))
    elif found.dropped:
        said.append(t("trend.dropped", lang, names=", ".join(names.get(p, p) for p in found.dropped)))
    return said[:3]


def _cv(found: Verdict, year: int, lang: str) -> str:
    """A CV as a percentage, with a second decimal when one would print the two ends alike."""
    first, last = found.cv[found.years[0]], found.cv[found.years[-1]]
    same = printed(first) == printed(last)
    return percent(100 * found.cv[year], lang, 1 if not same else 2)


def evidence(found: Verdict, *, lang: str, names: dict[str, str], crossed: pd.DataFrame | None = None) -> list[str]:
    """How we know: what the spread is, every edition's CV on the set, beta for the span and each
    step, the leave-one-out checks and what the breaks changed."""
    steps = "; ".join(t("trend.note_step", lang, start=s.start, end=s.end, **_beta(s, lang)) for s in found.steps)
    checks = "; ".join(
        f"{left_out(found, c, names, lang)}: {t(f'trend.word_{w}', lang)}" for c, w in found.checks.items()
    )
    said = [
        t("trend.how_spread", lang),
        t(f"trend.how_set_{found.layout if found.layout == 'matched' else 'layout'}", lang, n=found.n[found.years[-1]]),
        t("trend.how_cvs", lang, cvs=cv_list(found, lang)),
        t(
            "trend.how_beta",
            lang,
            first_year=found.years[0],
            year=found.years[-1],
            steps=steps,
            **_beta(found.span, lang),
        ),
        t(
            "trend.how_checks",
            lang,
            word=t(f"trend.word_{found.word}", lang),
            checks=checks or t("trend.no_checks", lang),
        ),
    ]
    if crossed is not None and len(crossed):
        said.append(t("trend.breaks", lang, notes=break_words.break_notes(crossed, lang)))
    return said


def block(
    found: Verdict,
    *,
    lang: str,
    names: dict[str, str],
    crossed: pd.DataFrame | None = None,
    whole: int | None = None,
) -> Block:
    """The verdict as the page shows it: headline, sentences, and the evidence for "How we know"."""
    return Block(
        headline(found, lang, names, crossed),
        sentences(found, lang=lang, names=names, crossed=crossed, whole=whole),
        evidence(found, lang=lang, names=names, crossed=crossed),
    )

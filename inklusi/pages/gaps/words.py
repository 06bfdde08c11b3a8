"""A trend verdict (facts.py) in words: the same facts give the sentences in both languages.

The sentences state the CV of every edition on the stated layout, the verdict with its beta,
the latest step when it runs another way, what a leave-one-out check did, provinces left out of
beta, and the layout and method breaks the editions cross (data/breaks.csv). The speaker notes
hold the whole evidence: every step's beta and both checks.
"""

from __future__ import annotations

import pandas as pd

from inklusi.i18n import number, percent, t
from inklusi.pages.gaps.facts import Step, Verdict
from inklusi.words.breaks import break_notes, mark_list


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


def _cv_pair(step: Step, lang: str) -> dict[str, str]:
    """The CVs of a step, with a second decimal when one would print them alike."""
    decimals = 1 if percent(100 * step.cv_start, lang) != percent(100 * step.cv_end, lang) else 2
    return {
        "cv_start": percent(100 * step.cv_start, lang, decimals),
        "cv_end": percent(100 * step.cv_end, lang, decimals),
    }


def cv_list(found: Verdict, lang: str) -> str:
    return ", ".join(f"{percent(100 * found.cv[y], lang)} ({y})" for y in found.years)


def layout_phrase(found: Verdict, lang: str, brief: bool = False) -> str:
    key = "trend.layout_matched_brief" if brief and found.layout == "matched" else f"trend.layout_{found.layout}"
    return t(key, lang, n=found.n[found.years[-1]])


def left_out(found: Verdict, check: str, names: dict[str, str], lang: str) -> str:
    if check == "first_edition":
        return t("trend.without_first", lang, year=found.years[0])
    return t("trend.without_province", lang, name=names.get(found.influential, found.influential))


def sentences(
    found: Verdict,
    what: str,
    *,
    lang: str,
    names: dict[str, str],
    crossed: pd.DataFrame | None = None,
    brief: bool = False,
) -> list[str]:
    """The verdict's sentences. what: the indicator's label; names: province code -> name;
    crossed: the breaks (inklusi.store.breaks) between the first and the last edition; brief: name the
    breaks by year and kind only (a slide; the notes hold what changed)."""
    span, last = found.span, found.steps[-1]
    first_year, year = found.years[0], found.years[-1]
    has_breaks = crossed is not None and len(crossed) > 0
    if brief and has_breaks:
        out = [
            t(
                "trend.cvs_brief",
                lang,
                what=what,
                cvs=cv_list(found, lang),
                layout=layout_phrase(found, lang, brief),
                marks=mark_list(crossed, lang),
            )
        ]
    else:
        out = [t("trend.cvs", lang, what=what, cvs=cv_list(found, lang), layout=layout_phrase(found, lang, brief))]
    beta = _beta(span, lang)
    if found.downgraded_from:
        others = [c for c, w in found.checks.items() if w != found.downgraded_from]
        out.append(
            t(
                "trend.downgraded",
                lang,
                was=t(f"trend.word_{found.downgraded_from}", lang),
                left=left_out(found, others[0], names, lang),
                other=t(f"trend.word_{found.checks[others[0]]}", lang),
                first_year=first_year,
                year=year,
                **beta,
            )
        )
    elif found.word == "mixed" and found.sigma == found.beta:
        out.append(t("trend.mixed_turn", lang, first_year=first_year, year=year, **beta))
    elif found.word == "mixed":
        out.append(
            t(
                f"trend.mixed_{found.sigma}_{found.beta}",
                lang,
                first_year=first_year,
                year=year,
                **beta,
            )
        )
    else:
        out.append(t(f"trend.verdict_{found.word}", lang, first_year=first_year, year=year, **beta))
    if found.word in ("mixed", "unclear") and len(found.years) > 2:
        out.append(
            t(
                f"trend.latest_{found.recent}",
                lang,
                start=last.start,
                end=last.end,
                **_cv_pair(last, lang),
                **_beta(last, lang),
            )
        )
    if not found.downgraded_from:
        out += [
            t(
                "trend.check_differs",
                lang,
                left=left_out(found, check, names, lang),
                other=t(f"trend.word_{word}", lang),
            )
            for check, word in found.checks.items()
            if word != found.word
        ]
    if found.dropped:
        out.append(t("trend.dropped", lang, names=", ".join(names.get(p, p) for p in found.dropped)))
    if has_breaks and not brief:
        out.append(t("trend.breaks", lang, notes=break_notes(crossed, lang)))
    return out


def word(found: Verdict, lang: str) -> str:
    return t(f"trend.word_{found.word}", lang)


def notes(found: Verdict, *, lang: str, names: dict[str, str]) -> str:
    """The evidence of a verdict for the speaker: CV per edition, beta of the span and of each step,
    and what each leave-one-out check gave."""
    steps = "; ".join(t("trend.note_step", lang, start=s.start, end=s.end, **_beta(s, lang)) for s in found.steps)
    checks = "; ".join(
        f"{left_out(found, c, names, lang)}: {t(f'trend.word_{w}', lang)}" for c, w in found.checks.items()
    )
    return t(
        "trend.notes",
        lang,
        cvs=cv_list(found, lang),
        layout=layout_phrase(found, lang),
        first_year=found.years[0],
        year=found.years[-1],
        steps=steps,
        checks=checks or t("trend.no_checks", lang),
        word=word(found, lang),
        **_beta(found.span, lang),
    )

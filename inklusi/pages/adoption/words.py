"""The skills-against-adoption finding in words for the room, in either language: a headline that
says whether the two go together, at most three short sentences (the lowest adopters, or the
provinces that lag what their skills predict; what was left out or differs), and the evidence
(the rank correlation and the robust fit with their intervals) for "How we know"."""

from __future__ import annotations

from inklusi.i18n import listed, number, signed, t
from inklusi.pages.adoption.facts import Comparison
from inklusi.words import values
from inklusi.words.block import Block

SHOWN = 5  # the provinces a sentence names; the evidence names every one


def named(rows, names: dict[str, str]) -> list[str]:
    """Provinces by name, each with its † where either of its values is one BPS calls unreliable."""
    return [values.named(names[p], shaky) for p, shaky in rows[["province", "unreliable"]].itertuples(index=False)]


def block(
    found: Comparison, *, skill: str, adoption: str, years: tuple[int, int], names: dict[str, str], lang: str
) -> Block:
    """found: an inklusi.pages.adoption.facts.Comparison; skill, adoption: the measures' labels with
    their years (a derived measure's label says so); years: the two measures' years."""
    verdict = found.verdict
    headline = t(f"adoption.head_{verdict}", lang, skill=skill, adoption=adoption)
    lagging = found.points[found.points["lags"]].sort_values("robust_z")
    if verdict == "unclear":
        said = [
            t("adoption.unclear", lang, n=found.n),
            t("adoption.lowest", lang, names=listed(named(found.lowest(), names), lang)),
        ]
    elif len(lagging):
        shown = named(lagging.head(SHOWN), names)
        more = [t("adoption.more", lang, n=len(lagging) - SHOWN)] if len(lagging) > SHOWN else []
        said = [t("adoption.laggards", lang, n=found.n, names=listed([*shown, *more], lang))]
    else:
        said = [t("adoption.no_laggards", lang, n=found.n)]
    if years[0] != years[1]:
        said.append(t("adoption.years_differ", lang, skill_year=years[0], adoption_year=years[1]))
    if found.left_out:
        said.append(t("adoption.left_out", lang, n=len(found.left_out)))
    return Block(headline, said[:3], evidence(found, lagging, names=names, lang=lang))


def evidence(found: Comparison, lagging, *, names: dict[str, str], lang: str) -> list[str]:
    """How we know: the rank correlation, the robust fit, the rule for lagging and its residuals."""
    said = [
        t(
            "adoption.how_rank",
            lang,
            rho=number(found.rho, lang, 2),
            low=number(found.low, lang, 2),
            high=number(found.high, lang, 2),
            n=found.n,
        ),
        t(
            "adoption.how_fit",
            lang,
            slope=number(found.slope, lang, 2),
            slope_low=number(found.slope_low, lang, 2),
            slope_high=number(found.slope_high, lang, 2),
        ),
    ]
    if len(lagging):
        residuals = [
            f"{names[p]} {signed(r, lang, 1)}" for p, r in zip(lagging["province"], lagging["residual"], strict=True)
        ]
        said.append(t("adoption.how_lags", lang, residuals="; ".join(residuals)))
    if found.rho_reliable is not None:
        said.append(t("adoption.without_unreliable", lang, rho=number(found.rho_reliable, lang, 2)))
    return [*said, t("adoption.how_cause", lang)]

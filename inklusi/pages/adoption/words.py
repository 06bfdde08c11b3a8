"""The skills-against-adoption finding in words, in either language."""

from __future__ import annotations

from inklusi.i18n import number, signed, t


def adoption_sentences(found, *, skill: str, adoption: str, names: dict[str, str], lang: str) -> list[str]:
    """The skills-against-adoption finding in words: the rank correlation with its interval, the
    provinces that lag what their skills predict, and what was left out or differs.

    found: an inklusi.pages.adoption.facts.Comparison; skill, adoption: the measures' labels with their years."""
    verdict = "positive" if found.low > 0 else "negative" if found.high < 0 else "unclear"
    sentences = [
        t(
            f"adoption.rho_{verdict}",
            lang,
            n=found.n,
            skill=skill,
            adoption=adoption,
            rho=number(found.rho, lang, 2),
            low=number(found.low, lang, 2),
            high=number(found.high, lang, 2),
        )
    ]
    slope = {
        "slope": number(found.slope, lang, 2),
        "slope_low": number(found.slope_low, lang, 2),
        "slope_high": number(found.slope_high, lang, 2),
    }
    lagging = found.points.sort_values("robust_z")
    lagging = lagging[lagging["lags"]]
    if not found.predicts:
        lowest = ", ".join(
            names[p] + ("†" if shaky else "") for p, shaky in found.lowest()[["province", "unreliable"]].values
        )
        sentences.append(t("adoption.no_prediction", lang, lowest=lowest, **slope))
    elif len(lagging):
        sentences.append(
            t(
                "adoption.laggards",
                lang,
                names=", ".join(
                    f"{names[p]}{'†' if shaky else ''} ({signed(r, lang, 1)})"
                    for p, r, shaky in zip(lagging["province"], lagging["residual"], lagging["unreliable"], strict=True)
                ),
                **slope,
            )
        )
    else:
        sentences.append(t("adoption.no_laggards", lang, **slope))
    if skill[-4:] != adoption[-4:]:
        sentences.append(t("adoption.years_differ", lang, skill_year=skill[-4:], adoption_year=adoption[-4:]))
    if found.left_out:
        sentences.append(t("adoption.left_out", lang, names=", ".join(names[p] for p in found.left_out)))
    if found.rho_reliable is not None:
        sentences.append(t("adoption.without_unreliable", lang, rho=number(found.rho_reliable, lang, 2)))
    return sentences

"""The skills and adoption page's export: each province's skills and adoption values, the robust fit
and its residual."""

from __future__ import annotations

from inklusi.export.view import Run, View, cited
from inklusi.pages.adoption import facts


def export(run: Run, s: dict, scope: str) -> View:
    """Each province compared: its skills (x) and adoption (y) values, the robust fit and residual."""
    skills_and_adoption = facts.compare(run, s["skill"], s["adoption"])
    frame = skills_and_adoption.points.assign(skill_measure=s["skill"], adoption_measure=s["adoption"])
    sources = {
        x
        for m in (s["skill"], s["adoption"])
        for x in cited(run("indicator_by_province", indicator=facts.split(m)[0], year=facts.split(m)[1]))
    }
    return View(
        "indicator_by_province",
        {"skill": s["skill"], "adoption": s["adoption"]},
        frame[
            [
                "skill_measure",
                "adoption_measure",
                "province",
                "pulau",
                "x",
                "y",
                "unreliable",
                "fitted",
                "residual",
                "robust_z",
                "lags",
            ]
        ],
        sorted(sources),
        derived=f"inklusi.pages.adoption.facts.compare: Spearman rho {skills_and_adoption.rho:.4f} (95% CI "
        f"{skills_and_adoption.low:.4f} to {skills_and_adoption.high:.4f}, n = {skills_and_adoption.n}); "
        "Theil-Sen fit; lags = residual more than one robust SD (1.4826 x MAD) below the fit",
        key=("skill_measure", "adoption_measure", "province"),
    )

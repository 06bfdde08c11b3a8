"""What the sectors page's filters offer: the mentoring records' years, sectors, areas, scales and
genders, from the records being shown (built-in or imported)."""

from __future__ import annotations

import pandas as pd

SCALES = ("mikro", "kecil", "menengah")
GENDERS = ("perempuan", "laki-laki")


def filter_options(cube: pd.DataFrame, sector_order) -> dict[str, list]:
    """The values the mentoring filters offer (from a mentoring_cube result), in a stable order."""
    present = {column: set(cube[column]) for column in ("sector", "scale", "gender")}
    return {
        "m_year": sorted(int(y) for y in set(cube["year"])),
        "sector": [s for s in sector_order if s in present["sector"]],
        "area": sorted(set(cube["area"])),
        "scale": [s for s in SCALES if s in present["scale"]],
        "gender": [g for g in GENDERS if g in present["gender"]],
    }

"""A deterministic generator of synthetic, calibrated MSME mentoring records.

No record-level data of the programme is public. These records reproduce what was
published (26,000 MSMEs in 2021 over 10 priority destinations, 30,000 in 2022 over 13
areas, the nine processing sectors) and make each participant's starting digital-skill
score depend on the province's published IMDI digital-skills pillar. Every other
distribution is a stated assumption (see data/README.md). Every record says it is synthetic.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

SEED = 20220705  # the day the DEWG met in Labuan Bajo
SCALES = ("mikro", "kecil", "menengah")
SCALE_P = (0.82, 0.15, 0.03)
SCALE_SKILL = (0.0, 3.0, 6.0)
AGE_BANDS = ("18-24", "25-34", "35-44", "45-54", "55+")
AGE_P = (0.07, 0.24, 0.31, 0.25, 0.13)
AGE_SKILL = (4.0, 3.0, 0.0, -2.0, -5.0)
CHANNELS = ("marketplace", "media_sosial", "pesan_instan", "situs_web", "lainnya")
CHANNEL_P = (0.38, 0.34, 0.20, 0.04, 0.04)
OFFLINE = "luring"
PRE_SD = 11.0


@dataclass(frozen=True)
class Calibration:
    """The published totals and the stated assumptions the records are drawn from."""

    programmes: pd.DataFrame  # id, year, start, end
    areas: pd.DataFrame  # programme, area, name, province, participants
    sectors: pd.DataFrame  # id, weight, share_female
    sector_weights: pd.DataFrame  # area, sector, multiplier
    skills: dict[str, float]  # province -> IMDI 2022 digital-skills pillar


def _allocate(counts: np.ndarray, total: int) -> np.ndarray:
    """Scale integer counts to a new total, keeping the sum exact (largest remainders)."""
    exact = counts * total / counts.sum()
    base = np.floor(exact).astype(np.int64)
    base[np.argsort(base - exact)[: total - base.sum()]] += 1
    return base


def generate(cal: Calibration, rows: int | None = None, seed: int = SEED) -> pa.Table:
    """All records, in a fixed order. rows=None gives the published totals exactly."""
    areas = cal.areas.reset_index(drop=True)
    counts = areas["participants"].to_numpy(np.int64)
    if rows is not None:
        counts = _allocate(counts, rows)
    rng = np.random.default_rng(seed)
    n = int(counts.sum())
    row_area = np.repeat(np.arange(len(areas)), counts)
    area = areas.iloc[row_area].reset_index(drop=True)
    programme = cal.programmes.set_index("id").loc[area["programme"]].reset_index()

    sector_ids = cal.sectors["id"].to_numpy()
    weights = _sector_weights(cal, areas)
    sector_idx = _draw_rows(rng, weights[row_area])
    female_share = cal.sectors["share_female"].to_numpy(float)[sector_idx]
    scale_idx = rng.choice(len(SCALES), size=n, p=SCALE_P)
    age_idx = rng.choice(len(AGE_BANDS), size=n, p=AGE_P)
    female = rng.random(n) < female_share

    skill = area["province"].map(cal.skills).to_numpy(float)
    pre_mean = skill + np.asarray(SCALE_SKILL)[scale_idx] + np.asarray(AGE_SKILL)[age_idx]
    pre = np.clip(np.rint(rng.normal(pre_mean, PRE_SD)), 0, 100)

    start_lo = pd.to_datetime(programme["start"]).to_numpy("datetime64[D]")
    end_hi = pd.to_datetime(programme["end"]).to_numpy("datetime64[D]")
    weeks = rng.integers(4, 13, size=n)
    span = (end_hi - start_lo).astype(np.int64) - weeks * 7
    start = start_lo + (rng.random(n) * np.maximum(span, 0)).astype(np.int64).astype("timedelta64[D]")
    end = start + (weeks * 7).astype("timedelta64[D]")
    hours = np.clip(np.rint(weeks * rng.normal(3.0, 0.6, n) / 2) * 2, 8, 48)

    p_complete = 1 / (1 + np.exp(-(1.2 + 0.05 * (hours - 24) + 0.02 * (pre - 50))))
    completed = rng.random(n) < p_complete
    gain = rng.normal(5 + 0.45 * hours * (1 - pre / 100), 5.0)
    post = np.where(completed, np.clip(np.rint(pre + gain), 0, 100), np.nan)

    online_before = rng.random(n) < 0.75 / (1 + np.exp(-(pre - 55) / 9))
    adopt = completed & (rng.random(n) < 0.25 + 0.02 * np.clip(gain, 0, 25))
    online_after = online_before | adopt
    channel = np.where(online_after, np.asarray(CHANNELS)[rng.choice(len(CHANNELS), size=n, p=CHANNEL_P)], OFFLINE)

    frame = pd.DataFrame(
        {
            "id": [f"SYN-{y}-{i:07d}" for y, i in zip(programme["year"], _sequence(programme["year"]), strict=True)],
            "year": programme["year"].astype("int16").to_numpy(),
            "programme": area["programme"].to_numpy(),
            "area": area["area"].to_numpy(),
            "province": area["province"].to_numpy(),
            "sector": sector_ids[sector_idx],
            "scale": np.asarray(SCALES)[scale_idx],
            "gender": np.where(female, "perempuan", "laki-laki"),
            "age_band": np.asarray(AGE_BANDS)[age_idx],
            "start_date": start,
            "end_date": end,
            "training_hours": hours.astype("int16"),
            "completed": completed,
            "pre_score": pre.astype("int16"),
            "post_score": pd.array(post, dtype="Int16"),
            "online_before": online_before,
            "online_after": online_after,
            "main_channel": channel,
            "synthetic": np.ones(n, dtype=bool),
        }
    )
    table = pa.Table.from_pandas(frame, preserve_index=False)
    for column in ("start_date", "end_date"):
        table = table.set_column(table.schema.get_field_index(column), column, table[column].cast(pa.date32()))
    return table


def _sector_weights(cal: Calibration, areas: pd.DataFrame) -> np.ndarray:
    """Per area row, the probability of each sector: the base mix times the area's crafts."""
    base = cal.sectors.set_index("id")["weight"].astype(float)
    multipliers = cal.sector_weights.pivot(index="area", columns="sector", values="multiplier")
    multipliers = multipliers.reindex(index=areas["area"], columns=base.index).fillna(1.0).to_numpy(float)
    weights = multipliers * base.to_numpy()
    return weights / weights.sum(axis=1, keepdims=True)


def _draw_rows(rng: np.random.Generator, probabilities: np.ndarray) -> np.ndarray:
    """One categorical draw per row, each row with its own probabilities."""
    cumulative = probabilities.cumsum(axis=1)
    return (rng.random((len(probabilities), 1)) > cumulative).sum(axis=1).clip(max=probabilities.shape[1] - 1)


def _sequence(years: pd.Series) -> np.ndarray:
    """1, 2, 3, ... within each year, in record order."""
    return years.groupby(years).cumcount().to_numpy() + 1

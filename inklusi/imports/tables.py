"""Accepted rows turned into the app's own tables, so that every page reads an import through
the same queries as the built-in data."""

from __future__ import annotations

import pandas as pd

from inklusi.store import reference

MENTORING_TYPES = {
    "id": "string",
    "year": "int16",
    "programme": "string",
    "area": "string",
    "province": "string",
    "sector": "string",
    "scale": "string",
    "gender": "string",
    "age_band": "string",
    "start_date": "object",
    "end_date": "object",
    "training_hours": "Float64",
    "completed": "bool",
    "pre_score": "Float64",
    "post_score": "Float64",
    "online_before": "bool",
    "online_after": "bool",
    "main_channel": "string",
    "synthetic": "bool",
}
# What an absent optional column becomes: a stated placeholder, never a guessed value.
PLACEHOLDERS = {
    "programme": "impor",
    "area": None,
    "scale": "tidak diketahui",
    "gender": "tidak diketahui",
    "age_band": "tidak diketahui",
    "training_hours": None,
    "main_channel": "tidak diketahui",
}


def mentoring_table(accepted: pd.DataFrame) -> pd.DataFrame:
    """Accepted mentoring rows in the schema of the built-in records."""
    frame = accepted.copy()
    for column, value in PLACEHOLDERS.items():
        if column not in frame:
            frame[column] = value
    frame["area"] = frame["area"].fillna(frame["province"])
    frame["synthetic"] = False
    return frame[list(MENTORING_TYPES)].astype(MENTORING_TYPES)


def indicator_tables(accepted: pd.DataFrame, file_name: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Accepted indicator rows as (values, indicators, sources) rows in the built-in schemas.

    The layout of an edition is 34 when its year is before 2023 and it has no province created
    in the 2022 split, else 38."""
    provinces = reference.provinces()
    split = set(provinces.loc[provinces["kode"] != provinces["kode_2012"], "kode"])
    values, indicators, sources = [], [], []
    for (indicator, year), group in accepted.groupby(["indicator", "year"]):
        layout = 34 if year <= 2022 and not (set(group["province"]) & split) else 38
        for row in group.itertuples():
            province = row.province if layout == 38 else reference.to_2012()[row.province]
            note = getattr(row, "note", None) or None
            values.append(
                {
                    "indicator": indicator,
                    "year": int(year),
                    "province": province,
                    "layout": layout,
                    "value": row.value,
                    "source": f"import:{row.source}",
                    "flag": "published",
                    "note_id": note,
                    "note_en": note,
                }
            )
    for indicator, group in accepted.groupby("indicator"):
        unit = group["unit"].iloc[0]
        indicators.append(
            {
                "id": indicator,
                "family": "impor",
                "parent": None,
                "level": "province",
                "name_id": indicator,
                "name_en": indicator,
                "short_id": indicator,
                "short_en": indicator,
                "unit_id": unit,
                "unit_en": unit,
                "scale_min": None,
                "scale_max": None,
                "decimals": 2,
                "series": indicator,
                "successor_of": None,
                "note_id": f"Diimpor dari {file_name}",
                "note_en": f"Imported from {file_name}",
            }
        )
    for source in accepted["source"].unique():
        sources.append(
            {
                "id": f"import:{source}",
                "publisher": source,
                "title": file_name,
                "year": None,
                "published_at": None,
                "copied_from": file_name,
                "terms": "imported",
                "trust": "imported",
                "reference_file": file_name,
            }
        )
    return pd.DataFrame(values), pd.DataFrame(indicators), pd.DataFrame(sources)

"""What an import must hold: the columns of each kind of file, their types and limits, and
the templates offered for download."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pandas as pd

SCALES = ("mikro", "kecil", "menengah")
GENDERS = ("perempuan", "laki-laki")
TEXT_LIMIT = 200  # characters: longer text is refused (with the row, column and limit), never cut


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text, integer, number, date, boolean, province, choice
    required: bool = True
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    blank_ok: bool = False
    limit: int = TEXT_LIMIT


SCHEMAS: dict[str, tuple[Column, ...]] = {
    "mentoring": (
        Column("id", "text"),
        Column("year", "integer", low=2000, high=2100),
        Column("programme", "text", required=False),
        Column("area", "text", required=False),
        Column("province", "province"),
        Column("sector", "choice"),
        Column("scale", "choice", required=False, choices=SCALES),
        Column("gender", "choice", required=False, choices=GENDERS),
        Column("age_band", "text", required=False),
        Column("start_date", "date"),
        Column("end_date", "date"),
        Column("training_hours", "number", required=False, low=0, high=1000, blank_ok=True),
        Column("completed", "boolean"),
        Column("pre_score", "number", low=0, high=100),
        Column("post_score", "number", low=0, high=100, blank_ok=True),
        Column("online_before", "boolean"),
        Column("online_after", "boolean"),
        Column("main_channel", "text", required=False),
    ),
    "indicators": (
        Column("province", "province"),
        Column("year", "integer", low=1990, high=2100),
        Column("indicator", "text"),
        Column("value", "number", blank_ok=True),
        Column("unit", "text"),
        Column("source", "text"),
        Column("note", "text", required=False),
    ),
}
EXAMPLES = {
    "mentoring": {
        "id": "P-0001",
        "year": 2024,
        "programme": "pendampingan-2024",
        "area": "labuanbajo",
        "province": "Nusa Tenggara Timur",
        "sector": "makanan",
        "scale": "mikro",
        "gender": "perempuan",
        "age_band": "35-44",
        "start_date": "2024-05-06",
        "end_date": "2024-07-29",
        "training_hours": 24,
        "completed": "ya",
        "pre_score": 42,
        "post_score": 55,
        "online_before": "tidak",
        "online_after": "ya",
        "main_channel": "marketplace",
    },
    "indicators": {
        "province": "Jabar",
        "year": 2024,
        "indicator": "pelatihan_digital",
        "value": "12,5",
        "unit": "persen",
        "source": "Dinas Kominfo Provinsi, laporan tahunan 2024",
        "note": "",
    },
}


def template(kind: str, fmt: str) -> bytes:
    """A template with the schema's columns and one example row (CSV or xlsx with a schema sheet)."""
    example = pd.DataFrame([EXAMPLES[kind]])
    if fmt == "csv":
        return example.to_csv(index=False).encode("utf-8-sig")
    schema = pd.DataFrame(
        [
            {
                "column": c.name,
                "type": c.kind,
                "required": "ya" if c.required else "tidak",
                "range": "" if c.low is None else f"{c.low:g}-{c.high:g}",
                "values": ", ".join(c.choices),
                "max_length": c.limit if c.kind == "text" else "",
            }
            for c in SCHEMAS[kind]
        ]
    )
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter") as writer:
        example.to_excel(writer, sheet_name="data", index=False)
        schema.to_excel(writer, sheet_name="schema", index=False)
    return buffer.getvalue()

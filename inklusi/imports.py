"""Bring your own data: read a programme file or an indicator table, check every cell, and
keep the valid rows while holding back (and listing) the rest. Nothing is silently dropped
or "fixed"; a province alias is recognised and reported, never guessed.

Readers take CSV (UTF-8 with or without BOM, UTF-16, cp1252; `,` or `;`; decimal commas and
thousands dots), Excel (one sheet, chosen when there are several) and Parquet.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from inklusi import reference
from inklusi.i18n import literal, t
from inklusi.i18n import number as format_number

MAX_BYTES = 10 * 1024 * 1024  # stated on the import page; Streamlit's own upload limit is 20 MB
MAX_ROWS = 2_000_000
TOTAL_WORDS = re.compile(r"^\s*(grand\s+)?(sub)?\s*total\b|^\s*jumlah\b|^\s*total\s+keseluruhan", re.IGNORECASE)
REGENCY = re.compile(r"^\s*(kab(upaten)?|kota|kec(amatan)?)\b\.?", re.IGNORECASE)
# Imported text is shown inside Markdown on many pages: a link, an image (which the browser
# would fetch from wherever it points) or an HTML tag in a cell is refused, not rendered.
MARKUP = re.compile(r"!\[|\]\(|\]\[|<[A-Za-z/!?]|^\s*\[[^\]]*\]:")
TRUE = {"true", "ya", "yes", "y", "1", "benar", "t"}
FALSE = {"false", "tidak", "no", "n", "0", "salah", "f"}
SCALES = ("mikro", "kecil", "menengah")
GENDERS = ("perempuan", "laki-laki")
GENDER_ALIASES = {"p": "perempuan", "wanita": "perempuan", "female": "perempuan", "f": "perempuan",
                  "l": "laki-laki", "pria": "laki-laki", "male": "laki-laki", "m": "laki-laki", "laki laki": "laki-laki"}


class ReadError(ValueError):
    """A file that cannot be read at all (the message key says why)."""

    def __init__(self, key: str, **values):
        super().__init__(key)
        self.key = key
        self.values = values

    def text(self, lang: str) -> str:
        """The message, shown in Markdown: sheet names and the like are escaped."""
        return t(f"import.error.{self.key}", lang,
                 **{k: literal(format_number(v, lang, 1) if isinstance(v, float) else v) for k, v in self.values.items()})


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text, integer, number, date, boolean, province, choice
    required: bool = True
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    blank_ok: bool = False


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
    "mentoring": {"id": "P-0001", "year": 2024, "programme": "pendampingan-2024", "area": "labuanbajo",
                  "province": "Nusa Tenggara Timur", "sector": "makanan", "scale": "mikro", "gender": "perempuan",
                  "age_band": "35-44", "start_date": "2024-05-06", "end_date": "2024-07-29", "training_hours": 24,
                  "completed": "ya", "pre_score": 42, "post_score": 55, "online_before": "tidak",
                  "online_after": "ya", "main_channel": "marketplace"},
    "indicators": {"province": "Jabar", "year": 2024, "indicator": "pelatihan_digital", "value": "12,5",
                   "unit": "persen", "source": "Dinas Kominfo Provinsi, laporan tahunan 2024", "note": ""},
}


@dataclass
class Problem:
    row: int | None  # 1-based row in the file, counting the header as row 1; None for the whole file
    column: str | None
    value: str
    key: str
    values: dict = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return t(f"import.problem.{self.key}", lang, **self.values)


@dataclass
class Result:
    kind: str
    name: str
    rows: int
    accepted: pd.DataFrame
    problems: list[Problem]
    recognised: dict[str, str]  # province text -> code, for the report

    @property
    def held_back(self) -> int:
        """Rows not accepted: all of them when a required column is missing."""
        if any(p.key.startswith("missing_column") for p in self.problems):
            return self.rows
        return len({p.row for p in self.problems if p.row is not None and p.key not in NOTICES})

    def report(self, lang: str) -> pd.DataFrame:
        rows = [{"row": p.row, "column": p.column, "value": p.value, "problem": p.text(lang)} for p in self.problems]
        rows += [{"row": None, "column": "province", "value": k,
                  "problem": t("import.problem.recognised", lang, code=v, name=reference.province_name(v, lang))}
                 for k, v in sorted(self.recognised.items())]
        return pd.DataFrame(rows, columns=["row", "column", "value", "problem"])


NOTICES = {"extra_column", "extra_column_like"}  # problems that do not hold a row back


# ---- reading -----------------------------------------------------------------------------

def decode(content: bytes) -> str:
    """Text of a CSV file: BOMs first, then UTF-8, then cp1252 (which reads any byte)."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", errors="strict")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def sheets(content: bytes) -> list[str]:
    """The sheet names of an Excel file."""
    try:
        return list(pd.ExcelFile(io.BytesIO(content)).sheet_names)
    except Exception as exc:  # a damaged or password-protected workbook: openpyxl raises many kinds
        raise ReadError("unreadable", kind="Excel") from exc


def read(content: bytes, filename: str, sheet: str | None = None) -> pd.DataFrame:
    """Every cell as text (types are checked later, cell by cell)."""
    if len(content) > MAX_BYTES:
        raise ReadError("too_large", size=round(len(content) / 1024 / 1024, 1), limit=MAX_BYTES // 1024 // 1024)
    if not content.strip():
        raise ReadError("empty")
    if MARKUP.search(filename):
        raise ReadError("file_name")
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if suffix in ("xlsx", "xlsm", "xls"):
        names = sheets(content)
        if sheet is None and len(names) > 1:
            raise ReadError("choose_sheet", sheets=", ".join(names))
        try:
            frame = pd.read_excel(io.BytesIO(content), sheet_name=sheet or names[0], dtype=str, header=0)
        except Exception as exc:  # openpyxl's errors on damaged content are not one class
            raise ReadError("unreadable", kind="Excel") from exc
    elif suffix == "parquet":
        try:
            frame = pd.read_parquet(io.BytesIO(content)).astype("string").astype(object)
        except Exception as exc:  # pyarrow raises several kinds on damaged content
            raise ReadError("unreadable", kind="Parquet") from exc
    elif suffix in ("csv", "txt", ""):
        frame = read_csv(decode(content))
    else:
        raise ReadError("format", suffix=suffix[:10])
    frame = frame.dropna(how="all")
    if frame.empty:
        raise ReadError("empty")
    if len(frame) > MAX_ROWS:
        raise ReadError("too_many_rows", limit=MAX_ROWS)
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame.astype(object).where(frame.notna(), None)


def read_csv(text: str) -> pd.DataFrame:
    text = text.replace("\x00", "")
    sample = text[:20_000]
    lines = [line for line in sample.splitlines() if line.strip()]
    if not lines:
        raise ReadError("empty")
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    try:
        return pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False, na_values=[""],
                           skipinitialspace=True, engine="python", quoting=csv.QUOTE_MINIMAL)
    except (pd.errors.ParserError, csv.Error, ValueError) as exc:
        raise ReadError("unreadable", kind="CSV") from exc


# ---- checking ------------------------------------------------------------------------------

def number(text: str) -> float:
    """A number as people type it: 1234.5, 1.234,5, 1,234.5, 12,5 or 12.5."""
    value = text.strip().replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", value) or re.fullmatch(r"-?\d+,\d+", value):
        value = value.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", value):
        value = value.replace(",", "")
    if not re.fullmatch(r"-?\d+(\.\d+)?", value):
        raise ValueError(text)
    return float(value)


def day(text: str) -> date:
    value = text.strip()[:10] if re.match(r"\d{4}-\d{2}-\d{2}", text.strip()) else text.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def sector_lookup() -> dict[str, str]:
    table = reference.read_csv("sectors.csv")
    lookup = {}
    for column in ("id", "name_id", "name_en"):
        lookup.update({reference.normalise(v): k for v, k in zip(table[column], table["id"])})
    return lookup


def closest(name: str, options) -> str | None:
    match = difflib.get_close_matches(name.lower(), [o.lower() for o in options], n=1, cutoff=0.6)
    return next((o for o in options if o.lower() == match[0]), None) if match else None


def check_columns(frame: pd.DataFrame, schema: tuple[Column, ...]) -> list[Problem]:
    expected = [c.name for c in schema]
    present = set(frame.columns)
    problems = []
    for column in schema:
        if column.required and column.name not in present:
            guess = closest(column.name, [c for c in frame.columns if c not in expected])
            problems.append(Problem(None, column.name, "", "missing_column" if guess is None else "missing_column_like",
                                    {"column": column.name, "guess": guess or ""}))
    for name in frame.columns:
        if name not in expected:
            guess = closest(name, expected)
            problems.append(Problem(None, name, "", "extra_column" if guess is None else "extra_column_like",
                                    {"column": name, "guess": guess or ""}))
    return problems


def cell(column: Column, raw, sectors: dict[str, str], recognised: dict[str, str]):
    """The typed value of a cell, or a (key, values) problem."""
    text = "" if raw is None else str(raw).strip()
    if text == "":
        if column.blank_ok or not column.required:
            return None
        return ("blank", {"column": column.name})
    try:
        if column.kind == "integer":
            value = number(text)
            if value != int(value):
                raise ValueError(text)
            value = int(value)
        elif column.kind == "number":
            value = number(text)
        elif column.kind == "date":
            value = day(text)
        elif column.kind == "boolean":
            lowered = text.lower()
            if lowered not in TRUE | FALSE:
                raise ValueError(text)
            value = lowered in TRUE
        elif column.kind == "province":
            code = reference.match_province(text)
            if code is None:
                if REGENCY.match(text):
                    return ("regency", {"value": text[:40]})
                guess = reference.suggest_province(text)
                return ("province_like", {"value": text[:40], "code": guess, "name": reference.province_name(guess, "id")}) \
                    if guess else ("province", {"value": text[:40]})
            if reference.normalise(text) != code:
                recognised[text[:40]] = code
            value = code
        elif column.kind == "choice":
            options = column.choices or tuple(sorted(set(sectors.values())))
            lowered = reference.normalise(text)
            value = sectors.get(lowered) if not column.choices else \
                (lowered if lowered in column.choices else GENDER_ALIASES.get(lowered) if column.name == "gender"
                 else None)
            if value is None:
                guess = closest(text, options)
                return ("choice_like" if guess else "choice",
                        {"column": column.name, "value": text[:40], "guess": guess or "", "options": ", ".join(options)})
        elif MARKUP.search(text):
            return ("markup", {"column": column.name, "value": text[:40]})
        else:
            value = text[:200]
    except (ValueError, OverflowError):
        return (f"not_{column.kind}", {"column": column.name, "value": text[:40]})
    if column.kind in ("integer", "number") and (
            (column.low is not None and value < column.low) or (column.high is not None and value > column.high)):
        return ("range", {"column": column.name, "value": text[:40], "low": column.low, "high": column.high})
    return value


def validate(frame: pd.DataFrame, kind: str, name: str, known_indicators: set[str] = frozenset()) -> Result:
    """Check every row; valid rows are accepted, every other row is held back with its reasons."""
    schema = SCHEMAS[kind]
    problems = check_columns(frame, schema)
    if any(p.key.startswith("missing_column") for p in problems):
        return Result(kind, name, len(frame), pd.DataFrame(), problems, {})
    sectors, recognised = sector_lookup(), {}
    present = [column for column in schema if column.name in frame.columns]
    names = {}  # (column, text) -> typed value or problem, for the columns that look names up
    rows = []
    for position, record in enumerate(frame.to_dict("records")):
        line = position + 2  # the header is row 1
        if is_total(record, schema):
            problems.append(Problem(line, None, first_text(record), "total_row", {}))
            continue
        typed, found = {}, []
        for column in present:
            raw = record.get(column.name)
            if column.kind in ("province", "choice"):
                key = (column.name, None if raw is None else str(raw))  # cell() reads only this text
                if key not in names:
                    names[key] = cell(column, raw, sectors, recognised)
                value = names[key]
            else:
                value = cell(column, raw, sectors, recognised)
            if isinstance(value, tuple):
                found.append(Problem(line, column.name, "" if raw is None else str(raw)[:40], value[0], value[1]))
            else:
                typed[column.name] = value
        if not found:
            found = row_rules(kind, typed, line, known_indicators)
        if found:
            problems.extend(found)
        else:
            rows.append(typed | {"_row": line})
    accepted = pd.DataFrame(rows)
    if kind == "mentoring" and not accepted.empty:
        duplicated = accepted["id"].duplicated(keep=False)
        for _, row in accepted[duplicated].iterrows():
            problems.append(Problem(int(row["_row"]), "id", str(row["id"])[:40], "duplicate_id",
                                    {"value": str(row["id"])[:40]}))
        accepted = accepted[~duplicated]
    return Result(kind, name, len(frame), accepted.drop(columns="_row", errors="ignore").reset_index(drop=True),
                  sorted(problems, key=lambda p: (p.row or 0, p.column or "")), recognised)


def row_rules(kind: str, typed: dict, line: int, known_indicators: set[str]) -> list[Problem]:
    problems = []
    if kind == "mentoring":
        if typed.get("end_date") and typed.get("start_date") and typed["end_date"] < typed["start_date"]:
            problems.append(Problem(line, "end_date", str(typed["end_date"]), "end_before_start",
                                    {"start": str(typed["start_date"]), "end": str(typed["end_date"])}))
        if typed.get("completed") and typed.get("post_score") is None:
            problems.append(Problem(line, "post_score", "", "post_missing", {}))
    elif typed.get("indicator") in known_indicators:
        problems.append(Problem(line, "indicator", typed["indicator"], "indicator_exists",
                                {"value": typed["indicator"]}))
    return problems


def is_total(record: dict, schema) -> bool:
    """A total or subtotal row: a label such as 'Total' or 'Jumlah' in a text column."""
    labels = [str(record.get(c.name) or "") for c in schema if c.kind in ("text", "province")]
    return any(TOTAL_WORDS.match(label) for label in labels)


def first_text(record: dict) -> str:
    return next((str(v)[:40] for v in record.values() if v not in (None, "")), "")


# ---- turning accepted rows into the app's tables -----------------------------------------------

def mentoring_table(accepted: pd.DataFrame) -> pd.DataFrame:
    """Accepted mentoring rows in the schema of the built-in records (absent optional columns
    get a stated placeholder, never a guessed value)."""
    frame = accepted.copy()
    defaults = {"programme": "impor", "area": None, "scale": "tidak diketahui", "gender": "tidak diketahui",
                "age_band": "tidak diketahui", "training_hours": None, "main_channel": "tidak diketahui"}
    for column, value in defaults.items():
        if column not in frame:
            frame[column] = value
    frame["area"] = frame["area"].fillna(frame["province"])
    frame["synthetic"] = False
    types = {"id": "string", "year": "int16", "programme": "string", "area": "string", "province": "string",
             "sector": "string", "scale": "string", "gender": "string", "age_band": "string",
             "training_hours": "Float64", "completed": "bool", "pre_score": "Float64", "post_score": "Float64",
             "online_before": "bool", "online_after": "bool", "main_channel": "string", "synthetic": "bool"}
    frame = frame.astype(types)
    for column in ("start_date", "end_date"):
        frame[column] = pd.to_datetime(frame[column]).dt.date
    return frame[list(types)[:9] + ["start_date", "end_date"] + list(types)[9:]]


def indicator_tables(accepted: pd.DataFrame, file_name: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Accepted indicator rows as (values, indicators, sources) rows in the built-in schemas.

    The layout of an edition is 34 when its year is before 2023 and it has no province created
    in 2022, else 38."""
    new = {"93", "94", "95", "96"}
    values, indicators, sources = [], [], []
    for (indicator, year), group in accepted.groupby(["indicator", "year"]):
        layout = 34 if year <= 2022 and not (set(group["province"]) & new) else 38
        for row in group.itertuples():
            province = row.province if layout == 38 else reference.to_2012().get(row.province, row.province)
            values.append({"indicator": indicator, "year": int(year), "province": province, "layout": layout,
                           "value": row.value, "source": f"import:{row.source}"[:120], "flag": "published",
                           "note_id": getattr(row, "note", None) or None, "note_en": getattr(row, "note", None) or None})
    for indicator, group in accepted.groupby("indicator"):
        unit = group["unit"].iloc[0]
        indicators.append({"id": indicator, "family": "impor", "parent": None, "level": "province",
                           "name_id": indicator, "name_en": indicator, "short_id": indicator, "short_en": indicator,
                           "unit_id": unit, "unit_en": unit, "scale_min": None, "scale_max": None, "decimals": 2,
                           "series": indicator, "successor_of": None,
                           "note_id": f"Diimpor dari {file_name}", "note_en": f"Imported from {file_name}"})
    for source in accepted["source"].unique():
        sources.append({"id": f"import:{source}"[:120], "publisher": source, "title": f"{file_name}",
                        "year": None, "published_at": None, "copied_from": file_name, "terms": "imported",
                        "trust": "imported", "reference_file": file_name})
    return pd.DataFrame(values), pd.DataFrame(indicators), pd.DataFrame(sources)


def template(kind: str, fmt: str) -> bytes:
    """A template with the schema's columns and one example row (CSV or xlsx with a schema sheet)."""
    example = pd.DataFrame([EXAMPLES[kind]])
    if fmt == "csv":
        return example.to_csv(index=False).encode("utf-8-sig")
    schema = pd.DataFrame([{"column": c.name, "type": c.kind, "required": "ya" if c.required else "tidak",
                            "range": "" if c.low is None else f"{c.low:g}-{c.high:g}",
                            "values": ", ".join(c.choices)} for c in SCHEMAS[kind]])
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter") as writer:
        example.to_excel(writer, sheet_name="data", index=False)
        schema.to_excel(writer, sheet_name="schema", index=False)
    return buffer.getvalue()

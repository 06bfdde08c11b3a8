"""Reading the cells of one column as the schema asks: numbers, dates, yes/no, provinces,
choices and text. Each column gets a reader that first looks at every value of the column
(which decimal mark, which date order it uses), then reads one cell at a time: it returns the
typed value or raises Refused, never guesses and never cuts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, Callable

from inklusi.imports.problems import Refused
from inklusi.imports.schemas import GENDERS, Column
from inklusi.store import reference

SHOWN = 40  # characters of a value quoted in a message
DASHES = ("-", "\u2013", "\u2014")
# Imported text is shown inside Markdown on many pages: a link, an image (which the browser
# would fetch from wherever it points) or an HTML tag in a cell is refused, not rendered.
MARKUP = re.compile(r"!\[|\]\(|\]\[|<[A-Za-z/!?]|^\s*\[[^\]]*\]:")
REGENCY = re.compile(r"^\s*(kab(upaten)?|kota|kec(amatan)?)\b\.?", re.IGNORECASE)
TRUE = {"true", "ya", "yes", "y", "1", "benar", "t"}
FALSE = {"false", "tidak", "no", "n", "0", "salah", "f"}
GENDER_ALIASES = {
    "p": "perempuan",
    "wanita": "perempuan",
    "female": "perempuan",
    "f": "perempuan",
    "l": "laki-laki",
    "pria": "laki-laki",
    "male": "laki-laki",
    "m": "laki-laki",
    "laki laki": "laki-laki",
}

# Numbers: a plain integer reads the same in both conventions; "1.234" or "1,234" (one separator,
# three digits after it) is ambiguous; every other form shows its convention.
PLAIN = re.compile(r"-?\d+")
AMBIGUOUS = re.compile(r"-?[1-9]\d{0,2}[.,]\d{3}")
DOT = re.compile(r"-?\d+\.\d+|-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?")
COMMA = re.compile(r"-?\d+,\d+|-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?")

# Dates.
ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?")
NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
DAY_MONTH = re.compile(r"(?:[^\W\d_]+,\s*)?(\d{1,2})[\s./-]+([^\W\d_]+)\.?[\s./-]+(\d{4})")
MONTH_DAY = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
SERIAL = re.compile(r"\d{5}(?:\.0+)?")
SERIALS = (36526, 73415)  # Excel day numbers of 2000-01-01 and 2100-12-31
EXCEL_EPOCH = date(1899, 12, 30)
DATE_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\s+[^\W\d_]+\s+\d{4}")
MONTHS = {
    **dict.fromkeys(("januari", "january", "jan"), 1),
    **dict.fromkeys(("februari", "pebruari", "february", "feb"), 2),
    **dict.fromkeys(("maret", "march", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "june", "jun"), 6),
    **dict.fromkeys(("juli", "july", "jul"), 7),
    **dict.fromkeys(("agustus", "august", "agu", "agt", "ags", "aug"), 8),
    **dict.fromkeys(("september", "sept", "sep"), 9),
    **dict.fromkeys(("oktober", "october", "okt", "oct"), 10),
    **dict.fromkeys(("november", "nopember", "nov"), 11),
    **dict.fromkeys(("desember", "december", "des", "dec"), 12),
}


def shown(value: Any) -> str:
    return as_text(value)[:SHOWN]


def as_text(value: Any) -> str:
    """A cell as text: Excel's whole numbers without '.0', dates as ISO dates."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value == datetime(value.year, value.month, value.day):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value).strip()


@dataclass
class Context:
    """What the readers of one file share: its decimal mark, the province code list it says it
    uses, the sector names, and the province aliases recognised so far."""

    decimal: str | None = None  # "comma", "dot" or None (the file does not say)
    codes: str = ""  # "kemendagri", "bps" or "" (not stated)
    sectors: dict[str, str] = field(default_factory=dict)
    recognised: dict[str, str] = field(default_factory=dict)  # text -> province code, for notices


@dataclass
class Reader:
    read: Callable[[Any], Any]  # one cell -> its value, or raises Refused
    notices: list[tuple[str, dict]] = field(default_factory=list)  # (key, values) about the whole column


def reader(column: Column, values: list[Any], context: Context) -> Reader:
    """The reader of a column, given all of its values. A lone dash is "no value", as in BPS
    tables: an empty cell, said in a notice naming the column wherever the column may be empty."""
    made = READERS[column.kind](column, [v for v in values if not dash(v)], context)
    may_be_empty = column.blank_ok or not column.required
    dashes = sum(dash(v) for v in values)
    notices = [("dash_empty", {"column": column.name, "count": dashes})] if dashes and may_be_empty else []

    def read(raw: Any) -> Any:
        if raw is None or as_text(raw) == "" or dash(raw):
            if may_be_empty:
                return None
            raise Refused("blank", column=column.name)
        return made.read(raw)

    return Reader(read, notices + made.notices)


def dash(value: Any) -> bool:
    """A cell holding only a dash (hyphen, en or em dash): offices write it for "none"."""
    return isinstance(value, str) and value.strip() in DASHES


# ---- numbers -----------------------------------------------------------------------------------


def number_form(text: str) -> str:
    """plain, ambiguous, dot, comma or bad."""
    compact = text.replace(" ", "").replace("\u00a0", "")
    for form, pattern in (("plain", PLAIN), ("ambiguous", AMBIGUOUS), ("dot", DOT), ("comma", COMMA)):
        if pattern.fullmatch(compact):
            return form
    return "bad"


def in_convention(text: str, convention: str) -> float:
    compact = text.replace(" ", "").replace("\u00a0", "")
    if convention == "dot":
        return float(compact.replace(",", ""))
    return float(compact.replace(".", "").replace(",", "."))


def text_forms(values: list[Any]) -> list[str]:
    return [number_form(v.strip()) for v in values if isinstance(v, str) and v.strip()]


def number_reader(column: Column, values: list[Any], context: Context) -> Reader:
    forms = text_forms(values)
    mixed = "dot" in forms and "comma" in forms
    convention = "dot" if "dot" in forms and not mixed else "comma" if "comma" in forms and not mixed else None
    notices = [("mixed_decimals", {"column": column.name})] if mixed else []
    if convention is None and not mixed and "ambiguous" in forms:
        convention = context.decimal
        if convention:
            example = next(v.strip() for v in values if isinstance(v, str) and number_form(v.strip()) == "ambiguous")
            notices.append(
                (
                    "number_reading",
                    {
                        "column": column.name,
                        "example": example,
                        "value": _plain(in_convention(example, convention)),
                        "how_key": f"import.reading.{convention}",
                    },
                )
            )

    def read(raw: Any) -> float | int:
        if isinstance(raw, bool):
            raise Refused(f"not_{column.kind}", column=column.name, value=shown(raw))
        if isinstance(raw, (int, float, Decimal)):
            value = float(raw)
        else:
            text = str(raw).strip()
            form = number_form(text)
            if form == "bad":
                raise Refused(f"not_{column.kind}", column=column.name, value=text[:SHOWN])
            if form == "ambiguous" and convention is None:
                raise Refused(
                    "ambiguous_number" if mixed else "unknown_decimal",
                    column=column.name,
                    value=text[:SHOWN],
                    dot=_plain(in_convention(text, "dot")),
                    comma=_plain(in_convention(text, "comma")),
                )
            value = in_convention(text, {"plain": "dot", "dot": "dot", "comma": "comma", "ambiguous": convention}[form])
        if value != value or value in (float("inf"), float("-inf")):
            raise Refused(f"not_{column.kind}", column=column.name, value=shown(raw))
        if column.kind == "integer":
            if not value.is_integer():
                raise Refused("not_integer", column=column.name, value=shown(raw))
            value = int(value)
        if (column.low is not None and value < column.low) or (column.high is not None and value > column.high):
            raise Refused("range", column=column.name, value=shown(raw), low=f"{column.low:g}", high=f"{column.high:g}")
        return value

    return Reader(read, notices)


def _plain(value: float) -> str:
    """A number as a program writes it (no grouping, a decimal point), for messages."""
    return f"{value:.10g}" if not value.is_integer() else str(int(value))


# ---- dates ---------------------------------------------------------------------------------------


def date_order(values: list[Any]) -> tuple[str | None, bool]:
    """How d/m/yyyy dates of a column are ordered ("dmy", "mdy" or None when they conflict), and
    whether the column itself shows it (some first part above 12, or some second part)."""
    firsts, seconds = False, False
    for value in values:
        match = NUMERIC.fullmatch(value.strip()) if isinstance(value, str) else None
        if match:
            firsts |= int(match[1]) > 12
            seconds |= int(match[3]) > 12
    if firsts and seconds:
        return None, True
    return ("mdy" if seconds else "dmy"), firsts or seconds


def date_reader(column: Column, values: list[Any], context: Context) -> Reader:
    order, shown_by_column = date_order(values)
    slashed = any(isinstance(v, str) and NUMERIC.fullmatch(v.strip()) for v in values)
    notices = []
    if slashed and order and (order == "mdy" or not shown_by_column):
        notices.append(("date_reading", {"column": column.name, "order_key": f"import.reading.{order}"}))

    def read(raw: Any) -> date:
        if isinstance(raw, datetime):
            if raw != datetime(raw.year, raw.month, raw.day):
                raise Refused("not_date", column=column.name, value=str(raw)[:SHOWN])
            return raw.date()
        if isinstance(raw, date):
            return raw
        text = as_text(raw)
        if len(DATE_LIKE.findall(text)) > 1:
            raise Refused("date_range", column=column.name, value=text[:SHOWN])
        try:
            return parse_date(text, order)
        except ValueError:
            raise Refused("not_date", column=column.name, value=text[:SHOWN]) from None
        except LookupError:
            raise Refused("ambiguous_date", column=column.name, value=text[:SHOWN]) from None

    return Reader(read, notices)


def parse_date(text: str, order: str | None) -> date:
    """A date as offices write it; ValueError when it is none, LookupError when the column's
    d/m order is unknown and the date reads two ways."""
    if match := ISO.fullmatch(text):
        return date(int(match[1]), int(match[2]), int(match[3]))
    if match := NUMERIC.fullmatch(text):
        first, second, year = int(match[1]), int(match[3]), int(match[4])
        if first > 12 or second > 12:
            day, month = (first, second) if first > 12 else (second, first)
        elif order is None and first != second:
            raise LookupError(text)
        else:
            day, month = (second, first) if order == "mdy" else (first, second)
        return date(year, month, day)
    if match := DAY_MONTH.fullmatch(text):
        return date(int(match[3]), month_number(match[2]), int(match[1]))
    if match := MONTH_DAY.fullmatch(text):
        return date(int(match[3]), month_number(match[1]), int(match[2]))
    if SERIAL.fullmatch(text) and SERIALS[0] <= float(text) <= SERIALS[1]:
        return EXCEL_EPOCH + timedelta(days=int(float(text)))
    raise ValueError(text)


def month_number(name: str) -> int:
    """The month of an Indonesian or English month name or abbreviation."""
    if name.lower() not in MONTHS:
        raise ValueError(name)
    return MONTHS[name.lower()]


# ---- yes/no, provinces, choices, text --------------------------------------------------------------


def boolean_reader(column: Column, values: list[Any], context: Context) -> Reader:
    def read(raw: Any) -> bool:
        if isinstance(raw, bool):
            return raw
        lowered = as_text(raw).lower()
        if lowered not in TRUE | FALSE:
            raise Refused("not_boolean", column=column.name, value=lowered[:SHOWN])
        return lowered in TRUE

    return Reader(read)


def province_reader(column: Column, values: list[Any], context: Context) -> Reader:
    provinces = reference.provinces()
    lists = {
        "kemendagri": dict(zip(provinces["kode"], provinces["kode"], strict=True)),
        "bps": dict(zip(provinces["kode_bps"], provinces["kode"], strict=True)),
    }
    official = {reference.normalise(n) for c in ("nama", "nama_resmi") for n in provinces[c]}

    def read(raw: Any) -> str:
        text = as_text(raw)
        if text.isdigit():
            return by_code(text)
        code = reference.match_province(text)
        if code is None:
            if REGENCY.match(text):
                raise Refused("regency", value=text[:SHOWN])
            guess = reference.suggest_province(text)
            if guess:
                raise Refused("province_like", value=text[:SHOWN], guess_province=guess)
            raise Refused("province", value=text[:SHOWN])
        if reference.normalise(text) not in official:
            context.recognised[text[:SHOWN]] = code
        return code

    def by_code(text: str) -> str:
        if context.codes:
            if text not in lists[context.codes]:
                raise Refused("unknown_code", value=text, codes=context.codes)
            return lists[context.codes][text]
        readings = {name: table[text] for name, table in lists.items() if text in table}
        if len(set(readings.values())) > 1:
            raise Refused("ambiguous_code", value=text, **{f"{name}_province": code for name, code in readings.items()})
        if not readings:
            raise Refused("province", value=text)
        return next(iter(readings.values()))

    return Reader(read)


def choice_reader(column: Column, values: list[Any], context: Context) -> Reader:
    options = column.choices or tuple(sorted(set(context.sectors.values())))

    def read(raw: Any) -> str:
        text = as_text(raw)
        lowered = reference.normalise(text)
        if not column.choices:
            value = context.sectors.get(lowered)
        elif lowered in column.choices:
            value = lowered
        else:
            value = GENDER_ALIASES.get(lowered) if column.choices == GENDERS else None
        if value is None:
            guess = closest(text, options)
            raise Refused(
                "choice_like" if guess else "choice",
                column=column.name,
                value=text[:SHOWN],
                guess=guess or "",
                options=", ".join(options),
            )
        return value

    return Reader(read)


def text_reader(column: Column, values: list[Any], context: Context) -> Reader:
    def read(raw: Any) -> str:
        text = as_text(raw)
        if MARKUP.search(text):
            raise Refused("markup", column=column.name, value=text[:SHOWN])
        if len(text) > column.limit:
            raise Refused("too_long", column=column.name, value=text[:SHOWN], length=len(text), limit=column.limit)
        return text

    return Reader(read)


def closest(name: str, options) -> str | None:
    import difflib

    match = difflib.get_close_matches(name.lower(), [o.lower() for o in options], n=1, cutoff=0.6)
    return next((o for o in options if o.lower() == match[0]), None) if match else None


READERS = {
    "integer": number_reader,
    "number": number_reader,
    "date": date_reader,
    "boolean": boolean_reader,
    "province": province_reader,
    "choice": choice_reader,
    "text": text_reader,
}

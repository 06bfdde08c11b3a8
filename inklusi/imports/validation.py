"""Checking every row of a file against its schema: valid rows are accepted, every other row is
held back with its reasons, and what the check read in a way worth knowing is said as a notice.
Nothing is silently dropped or "fixed"; a province alias is recognised and reported, never guessed."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from inklusi.export import formulas
from inklusi.imports import cells
from inklusi.imports.problems import Problem, Refused
from inklusi.imports.readers import Table, blank
from inklusi.imports.schemas import SCHEMAS, Column
from inklusi.store import reference

WHOLE_FILE = ("duplicate_column", "missing_column", "missing_column_like")  # problems that hold back every row
TOTAL_WORDS = re.compile(r"^\s*(grand\s+)?(sub)?\s*total\b|^\s*jumlah\b|^\s*total\s+keseluruhan", re.IGNORECASE)


@dataclass
class Result:
    kind: str
    name: str
    rows: int  # data rows read (blank rows not counted)
    accepted: pd.DataFrame
    problems: list[Problem]

    @property
    def held_back(self) -> int:
        """Rows not accepted: all of them when a required column is missing."""
        if any(p.key in WHOLE_FILE for p in self.problems):
            return self.rows
        return len({p.row for p in self.problems if p.holds and p.row is not None})

    def report(self, lang: str) -> pd.DataFrame:
        """One row per problem or notice: row (a whole number, empty for the whole file), column, value, text."""
        return pd.DataFrame(
            {
                "row": pd.array([p.row for p in self.problems], dtype="Int64"),
                "column": pd.array([p.column or "" for p in self.problems], dtype="string"),
                "value": pd.array([p.value for p in self.problems], dtype="string"),
                "problem": pd.array([p.text(lang) for p in self.problems], dtype="string"),
            }
        )


SHOWN_REASONS = 5  # rows of each kind of reason written out on the page (the report has them all)


def reason_groups(result: Result) -> dict[tuple[str, str | None], list[Problem]]:
    """The problems that hold rows back, by kind (message and column), in the file's order."""
    groups: dict[tuple[str, str | None], list[Problem]] = {}
    for problem in sorted((p for p in result.problems if p.holds), key=lambda p: p.row or 0):
        groups.setdefault((problem.key, problem.column), []).append(problem)
    return groups


def report_csv(result: Result, lang: str) -> bytes:
    return formulas.inert(result.report(lang)).to_csv(index=False).encode("utf-8-sig")


def report_xlsx(result: Result, lang: str) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter", engine_kwargs={"options": formulas.XLSX_OPTIONS}) as writer:
        result.report(lang).to_excel(writer, index=False, sheet_name="report")
    return buffer.getvalue()


def sector_lookup() -> dict[str, str]:
    table = reference.read_csv("sectors.csv")
    lookup = {}
    for column in ("id", "name_id", "name_en"):
        lookup.update({reference.normalise(v): k for v, k in zip(table[column], table["id"], strict=True)})
    return lookup


def check_columns(columns: list[str], schema: tuple[Column, ...]) -> list[Problem]:
    expected = [c.name for c in schema]
    problems = [
        Problem(None, name, "", "duplicate_column", {"column": name})
        for name, count in Counter(columns).items()
        if count > 1 and name in expected
    ]
    for column in schema:
        if column.required and column.name not in columns:
            guess = cells.closest(column.name, [c for c in columns if c not in expected])
            problems.append(
                Problem(
                    None,
                    column.name,
                    "",
                    "missing_column" if guess is None else "missing_column_like",
                    {"column": column.name, "guess": guess or ""},
                )
            )
    for name in columns:
        if name not in expected:
            guess = cells.closest(name, expected)
            problems.append(
                Problem(
                    None,
                    name,
                    "",
                    "extra_column" if guess is None else "extra_column_like",
                    {"column": name, "guess": guess or ""},
                )
            )
    return problems


def validate(
    table: Table, kind: str, name: str, known_indicators: set[str] = frozenset(), *, codes: str = ""
) -> Result:
    """Check every row. codes: the province code list the file uses ("kemendagri", "bps"), if it says."""
    schema = SCHEMAS[kind]
    data = [(line, row) for line, row in table.rows if not all(blank(c) for c in row)]
    problems = list(table.notices) + check_columns(table.columns, schema)
    if any(p.key in WHOLE_FILE for p in problems):
        return Result(kind, name, len(data), pd.DataFrame(), problems)
    present = [column for column in schema if column.name in table.columns]
    position = {column.name: table.columns.index(column.name) for column in present}
    totals = {line: row for line, row in data if is_total(row, present, position)}
    problems += [Problem(line, None, first_text(row), "total_row") for line, row in totals.items()]
    rows = [(line, row) for line, row in data if line not in totals]
    # A row with more values than the header has its values shifted: it is held back as a whole.
    problems += [
        Problem(line, None, "", "too_many_values", {"found": table.overflow[line], "expected": len(table.columns)})
        for line, _ in rows
        if line in table.overflow
    ]
    rows = [(line, row) for line, row in rows if line not in table.overflow]
    context = cells.Context(decimal=file_decimal(table, rows, present, position), codes=codes, sectors=sector_lookup())
    typed: dict[int, dict] = {line: {} for line, _ in rows}
    for column in present:
        values = [(line, row[position[column.name]]) for line, row in rows]
        problems += read_column(column, values, context, typed)
    if kind == "mentoring":
        problems += duplicates([(line, row[position["id"]]) for line, row in rows])
    problems += [
        Problem(None, "province", text, "recognised", {"as_province": code})
        for text, code in sorted(context.recognised.items())
    ]
    held = {p.row for p in problems if p.holds}
    for line, _ in rows:
        if line not in held:
            problems += row_rules(kind, typed[line], line, known_indicators)
    held = {p.row for p in problems if p.holds}
    accepted = pd.DataFrame([typed[line] for line, _ in rows if line not in held])
    return Result(kind, name, len(data), accepted, sorted(problems, key=lambda p: (p.row or 0, p.column or "")))


def read_column(
    column: Column, values: list[tuple[int, object]], context: cells.Context, typed: dict[int, dict]
) -> list[Problem]:
    """Read one column into typed[line][column]; the problems of its cells and its notices."""
    reader = cells.reader(column, [v for _, v in values], context)
    problems = [Problem(None, column.name, "", key, found) for key, found in reader.notices]
    seen: dict[tuple, object] = {}  # one reading per distinct cell: a column repeats its values
    for line, raw in values:
        key = (type(raw), raw)
        if key not in seen:
            try:
                seen[key] = reader.read(raw)
            except Refused as refused:
                seen[key] = refused
        outcome = seen[key]
        if isinstance(outcome, Refused):
            problems.append(Problem(line, column.name, cells.shown(raw), outcome.key, outcome.values))
        else:
            typed[line][column.name] = outcome
    return problems


def file_decimal(table: Table, rows, present: list[Column], position: dict[str, int]) -> str | None:
    """The decimal mark the file uses: the one its numbers show, else the one its format implies."""
    forms = {
        form
        for column in present
        if column.kind in ("integer", "number")
        for form in cells.text_forms([row[position[column.name]] for _, row in rows])
    }
    if "dot" in forms and "comma" not in forms:
        return "dot"
    if "comma" in forms and "dot" not in forms:
        return "comma"
    return table.decimal


def duplicates(ids: list[tuple[int, object]]) -> list[Problem]:
    """Every row whose id appears more than once, valid or not."""
    counts = Counter(cells.as_text(raw) for _, raw in ids if not blank(raw))
    return [
        Problem(line, "id", cells.shown(raw), "duplicate_id", {"value": cells.shown(raw)})
        for line, raw in ids
        if not blank(raw) and counts[cells.as_text(raw)] > 1
    ]


def row_rules(kind: str, typed: dict, line: int, known_indicators: set[str]) -> list[Problem]:
    problems = existence(typed, line)
    if kind == "mentoring":
        if typed.get("end_date") and typed.get("start_date") and typed["end_date"] < typed["start_date"]:
            problems.append(
                Problem(
                    line,
                    "end_date",
                    str(typed["end_date"]),
                    "end_before_start",
                    {"start": str(typed["start_date"]), "end": str(typed["end_date"])},
                )
            )
        if typed.get("completed") and typed.get("post_score") is None:
            problems.append(Problem(line, "post_score", "", "post_missing"))
    elif typed.get("indicator") in known_indicators:
        problems.append(
            Problem(line, "indicator", typed["indicator"], "indicator_exists", {"value": typed["indicator"]})
        )
    return problems


def existence(typed: dict, line: int) -> list[Problem]:
    """A row's province must exist in the row's year: before its law, a value or a record there
    belongs to the province it was then part of (Papua, Papua Barat before the 2022 split)."""
    code, year = typed.get("province"), typed.get("year")
    if code is None or year is None or year >= reference.formed()[code]:
        return []
    values = {"province_named": code, "year": year, "formed": reference.formed()[code]}
    parent = reference.to_2012()[code]
    if parent == code:
        return [Problem(line, "province", code, "not_yet_formed", values)]
    return [Problem(line, "province", code, "not_yet", {**values, "parent_named": parent})]


def is_total(row: list, present: list[Column], position: dict[str, int]) -> bool:
    """A total or subtotal row: a label such as 'Total' or 'Jumlah' in a text column."""
    return any(
        TOTAL_WORDS.match(cells.as_text(row[position[c.name]])) for c in present if c.kind in ("text", "province")
    )


def first_text(row: list) -> str:
    return next((cells.shown(v) for v in row if not blank(v)), "")

"""Text that a spreadsheet would run as a formula (CSV or formula injection, OWASP). It does harm
only when a spreadsheet opens a file, so it is escaped on output, as OWASP advises: an import
stores such text as typed ("-", "+62812", "=A1" are what offices write), every export and every
validation report writes it as inert text."""

from __future__ import annotations

import pandas as pd

# A cell beginning with one of these is a formula (or the start of one) to Excel and LibreOffice.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# xlsxwriter writes text as text: never a formula, never a link.
XLSX_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False}


def is_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)


def inert(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame for a CSV file: text beginning like a formula gets a leading apostrophe, the
    prefix OWASP recommends (a spreadsheet shows it as text); numbers are left as they are."""
    text_columns = [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c])]
    risky = {c: frame[c].map(lambda v: isinstance(v, str) and is_formula(v)) for c in text_columns}
    risky = {c: mask for c, mask in risky.items() if mask.any()}
    if not risky:
        return frame
    safe = frame.copy()
    for column, mask in risky.items():
        safe[column] = safe[column].astype(object)
        safe.loc[mask, column] = "'" + safe.loc[mask, column]
    return safe

"""Bring your own data: read a programme file or an indicator table, check every cell, and keep
the valid rows while holding back (and listing) the rest.

    readers     bytes -> Table (cells with the row numbers a spreadsheet shows)
    cells       one reader per column: the column's conventions first, then each cell
    validation  Table -> Result (accepted rows, problems and notices, the report)
    tables      accepted rows -> the app's own tables
    schemas     the columns of each kind of file, and the templates
"""

from inklusi.imports.problems import Problem, ReadError
from inklusi.imports.readers import MAX_BYTES, Table, read, sheets
from inklusi.imports.schemas import SCHEMAS, template
from inklusi.imports.tables import indicator_tables, mentoring_table
from inklusi.imports.validation import SHOWN_REASONS, Result, reason_groups, report_csv, report_xlsx, validate

__all__ = [
    "MAX_BYTES",
    "SCHEMAS",
    "SHOWN_REASONS",
    "Problem",
    "ReadError",
    "Result",
    "Table",
    "indicator_tables",
    "mentoring_table",
    "read",
    "reason_groups",
    "report_csv",
    "report_xlsx",
    "sheets",
    "template",
    "validate",
]

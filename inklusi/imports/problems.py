"""What an import says about a file: a file it cannot read at all (ReadError), and each problem
or notice about a row, a column or the whole file (Problem), in the user's language."""

from __future__ import annotations

from dataclasses import dataclass, field

from inklusi.errors import InklusiError
from inklusi.i18n import literal, t
from inklusi.i18n import number as format_number
from inklusi.store import reference

# Problems that inform without holding a row back.
NOTICES = frozenset(
    {
        "extra_column",
        "extra_column_like",
        "number_reading",
        "mixed_decimals",
        "date_reading",
        "header_row",
        "recognised",
        "dash_empty",
    }
)


class ReadError(InklusiError, ValueError):
    """A file that cannot be read at all (the message key says why)."""

    def __init__(self, key: str, **values):
        super().__init__(key)
        self.key = key
        self.values = values

    def text(self, lang: str) -> str:
        """The message, shown in Markdown: sheet names and the like are escaped."""
        return t(
            f"import.error.{self.key}",
            lang,
            **{k: literal(format_number(v, lang, 1) if isinstance(v, float) else v) for k, v in self.values.items()},
        )


class Refused(ValueError):
    """A cell that cannot be read as its column asks: the key and values of the message."""

    def __init__(self, key: str, **values):
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass
class Problem:
    row: int | None  # the row as a spreadsheet shows it (the header's row counted); None: a column or the file
    column: str | None
    value: str
    key: str
    values: dict = field(default_factory=dict)

    @property
    def holds(self) -> bool:
        """Whether the problem holds its row back (a notice does not)."""
        return self.key not in NOTICES

    def text(self, lang: str) -> str:
        """The message in a language. A value named NAME_key is a message key, shown translated; a
        value named NAME_province is a province code, shown with the province's name; NAME_named a
        province code shown by its name alone (where the file's own code list may differ)."""
        shown = {}
        for key, value in self.values.items():
            if key.endswith("_key"):
                shown[key.removesuffix("_key")] = t(value, lang)
            elif key.endswith("_named"):
                shown[key.removesuffix("_named")] = reference.province_name(value, lang)
            elif key.endswith("_province"):
                shown[key.removesuffix("_province")] = f"{value} {reference.province_name(value, lang)}"
            else:
                shown[key] = value
        return t(f"import.problem.{self.key}", lang, **shown)

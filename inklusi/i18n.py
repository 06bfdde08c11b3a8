"""One translation layer: Bahasa Indonesia (default) and English, text and numbers.

Every user-visible string lives in a messages file, one table per key with an `id` and an `en`
entry: the shared ones in inklusi/messages.toml, a page's own in its package
(inklusi/pages/NAME/messages.toml); a key is in one file only. Numbers are formatted by Babel in
the locale of the language.
"""

from __future__ import annotations

import decimal
import math
import re
import tomllib
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal

LANGS = ("id", "en")
DEFAULT = "id"
LOCALES = {"id": "id_ID", "en": "en_US"}
MESSAGES = Path(__file__).with_name("messages.toml")
MESSAGE_FILES = (MESSAGES, *sorted(MESSAGES.parent.glob("pages/*/messages.toml")))


@cache
def messages() -> dict[str, dict[str, str]]:
    """Flat key -> {lang: text} from the nested TOML tables of every messages file."""
    flat: dict[str, dict[str, str]] = {}
    for path in MESSAGE_FILES:
        found = _flat(tomllib.loads(path.read_text(encoding="utf-8")))
        again = sorted(set(found) & set(flat))
        if again:
            raise ValueError(f"{path}: {', '.join(again)} also in another messages file")
        flat |= found
    return flat


def _flat(table: dict[str, Any], prefix: str = "") -> dict[str, dict[str, str]]:
    if set(table) <= set(LANGS) and all(isinstance(v, str) for v in table.values()):
        return {prefix: table}
    return {k: v for key, value in table.items() for k, v in _flat(value, f"{prefix}.{key}" if prefix else key).items()}


def t(key: str, lang: str, /, **values: Any) -> str:
    """The message for key in lang, with {placeholders} filled in."""
    text = messages()[key][lang]
    return text.format(**values) if values else text


def number(value: float | None, lang: str, decimals: int = 2, *, exact: bool = False) -> str:
    """A number in the locale's format; `exact` keeps every published decimal (up to 6)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return t("common.no_data", lang)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + ("#" * (6 - decimals) if exact else "")
    if exact and not decimals:
        pattern = "#,##0.######"
    return _formatted(repr(float(value)), pattern, lang)


@lru_cache(maxsize=1 << 16)  # a deck, a profile or an export formats the same figures many times
def _formatted(value: str, pattern: str, lang: str) -> str:
    """value: a float's repr (the key keeps -0.0 apart from 0.0)."""
    with decimal.localcontext(rounding=decimal.ROUND_HALF_UP):  # statistics round half up: 35.865 -> 35.87
        return format_decimal(decimal.Decimal(value), format=pattern, locale=LOCALES[lang])


def signed(value: float | None, lang: str, decimals: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return t("common.no_data", lang)
    text = number(abs(value), lang, decimals)
    return ("+" if value > 0 else "-" if value < 0 else "±") + text


def listed(items: list[str], lang: str) -> str:
    """Items as a list in a sentence, by the language's own pattern ("A, B and C"; "A, B dan C")."""
    return format_list(list(items), locale=LOCALES[lang])


def percent(value: float | None, lang: str, decimals: int = 1) -> str:
    """A value already in percent (0-100)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return t("common.no_data", lang)
    return number(value, lang, decimals) + "%"


def date(value: Any, lang: str) -> str:
    return format_date(value, format="medium", locale=LOCALES[lang])


def pick(row: Any, field: str, lang: str) -> str:
    """The Indonesian or English column of a row: pick(row, 'name', 'en') reads row['name_en']."""
    return row[f"{field}_{lang}"]


MARKDOWN_ACTIVE = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:=&@])")


def literal(text: Any) -> str:
    """Text from a link or a file, to be shown exactly as typed inside a Markdown message:
    every character Markdown (or Streamlit's own :colour[...] and $math$) would act on is
    escaped, so `![x](http://…)` is shown as those characters, not fetched as an image."""
    return MARKDOWN_ACTIVE.sub(r"\\\1", " ".join(str(text).split()))

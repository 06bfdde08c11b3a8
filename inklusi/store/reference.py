"""The curated reference tables in data/: provinces, their aliases, and name matching."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache

import pandas as pd

from inklusi.config import DATA_DIR

NATIONAL = "ID"
_PREFIX = re.compile(r"^(prov|provinsi|propinsi|province|province of)\s+")


def read_csv(name: str) -> pd.DataFrame:
    """A curated CSV with every column as text (types are checked by the build)."""
    return pd.read_csv(DATA_DIR / name, dtype=str, keep_default_na=False, encoding="utf-8")


@cache
def provinces() -> pd.DataFrame:
    return read_csv("provinces.csv")


def name_column(lang: str) -> str:
    """The column of a province's name in a language, in provinces.csv and in every query that
    returns names: nama (Indonesian) or name_en."""
    return "nama" if lang == "id" else "name_en"


@cache
def province_names(lang: str) -> dict[str, str]:
    """Kemendagri code -> the province's name in a language."""
    return dict(zip(provinces()["kode"], provinces()[name_column(lang)], strict=True))


def province_name(code: str, lang: str) -> str:
    """The name (Indonesian) or the English name of a province by its Kemendagri code."""
    return province_names(lang)[code]


def to_2012() -> dict[str, str]:
    """Kemendagri code -> code of the province it belonged to in the 2012-2022 layout."""
    return dict(zip(provinces()["kode"], provinces()["kode_2012"], strict=True))


def undivided() -> set[str]:
    """The provinces the 2022 split divided (Papua, Papua Barat): on the 34-province layout their
    codes name the undivided provinces."""
    return {parent for code, parent in to_2012().items() if code != parent}


def formed() -> dict[str, int]:
    """Kemendagri code -> the year of the law that formed the province (provinces.csv)."""
    return {code: int(year) for code, year in zip(provinces()["kode"], provinces()["tahun_dibentuk"], strict=True)}


def place(code: str, layout: int) -> str:
    """The code under which a province's values sit in a layout (its parent's in the 34-province
    layout; see queries/staging/province_layouts.sql)."""
    return to_2012()[code] if layout == 34 else code


def normalise(text: str) -> str:
    """Case, accents, punctuation and a leading 'Prov.'/'Provinsi' do not matter."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    text = " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())
    return _PREFIX.sub("", text)


@cache
def aliases() -> dict[str, str]:
    """Normalised name -> Kemendagri code, from every name column and the alias table."""
    table: dict[str, str] = {}
    for column in ("nama_resmi", "nama", "singkatan", "name_en", "iso"):
        table.update({normalise(v): k for v, k in zip(provinces()[column], provinces()["kode"], strict=True)})
    extra = read_csv("province_aliases.csv")
    table.update({normalise(v): k for v, k in zip(extra["alias"], extra["kode"], strict=True)})
    return table


def match_province(text: str) -> str | None:
    """The province a piece of user text names, or None."""
    key = normalise(text)
    if key in provinces()["kode"].values:
        return key
    return aliases().get(key)


def suggest_province(text: str) -> str | None:
    """The closest province to unmatched text, for a 'did you mean' message."""
    close = difflib.get_close_matches(normalise(text), list(aliases()), n=1, cutoff=0.6)
    return aliases()[close[0]] if close else None

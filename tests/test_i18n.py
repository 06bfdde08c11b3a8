"""Both languages for every message; numbers in each locale's format."""

from __future__ import annotations

import re
import string

import pytest

from inklusi import i18n
from inklusi.config import REPO


def placeholders(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_both_languages_with_the_same_placeholders():
    for key, texts in i18n.messages().items():
        assert set(texts) == {"id", "en"}, key
        assert texts["id"].strip() and texts["en"].strip(), key
        assert placeholders(texts["id"]) == placeholders(texts["en"]), key


def test_every_key_the_code_uses_exists():
    keys = set(i18n.messages())
    sources = [*REPO.joinpath("inklusi").rglob("*.py"), *REPO.joinpath("pages").glob("*.py"), REPO / "dashboard.py"]
    used = {m for path in sources for m in re.findall(r'\bt\(\s*"([\w.\-]+)"', path.read_text(encoding="utf-8"))}
    assert used and used <= keys, sorted(used - keys)
    prefixes = {
        m for path in sources for m in re.findall(r'\bt\(\s*f["\']([\w.\-]+)\{', path.read_text(encoding="utf-8"))
    }
    for prefix in prefixes:
        assert any(k.startswith(prefix) for k in keys), prefix


@pytest.mark.parametrize(
    "lang, value, decimals, exact, text",
    [
        ("id", 1234.5, 1, False, "1.234,5"),
        ("en", 1234.5, 1, False, "1,234.5"),
        ("id", 47.97688, 2, True, "47,97688"),
        ("en", 3.6, 2, True, "3.60"),
        ("id", 56000, 0, False, "56.000"),
    ],
)
def test_numbers_follow_the_locale(lang, value, decimals, exact, text):
    assert i18n.number(value, lang, decimals, exact=exact) == text


def test_missing_numbers_read_as_no_data():
    assert i18n.number(float("nan"), "id") == "tidak ada data"
    assert i18n.number(None, "en") == "no data"
    assert i18n.percent(None, "en") == "no data"

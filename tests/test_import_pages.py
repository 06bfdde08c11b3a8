"""Every page after each kind of import and after going back to the built-in data, and an
import that belongs to its session (issue 12: pages broke after an import; a workshop's
twentieth import silently removed the first)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from inklusi.site import registry
from tests.apptest import APP, unescaped
from tests.samples import INDICATORS, MENTORING

PAGES = [page.name for page in registry.PAGES]


def fresh(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


def import_file(at: AppTest, name: str, content: str, kind: str) -> AppTest:
    at.switch_page("app_pages/import.py").run()
    at.segmented_control(key="import.kind").set_value(kind).run()
    at.file_uploader(key="import.file").upload(name, content.encode()).run()
    at.button(key="import.use").click().run()
    assert not at.exception, at.exception
    return at


def visit_every_page(at: AppTest) -> None:
    for page in PAGES:
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, (page, at.exception)
        assert at.title, page


@pytest.mark.parametrize(
    "name, content, kind", [("ntt.csv", MENTORING, "mentoring"), ("pelatihan.csv", INDICATORS, "indicators")]
)
def test_every_page_works_after_an_import_and_after_going_back(name, content, kind):
    at = import_file(fresh(), name, content, kind)
    visit_every_page(at)
    at.switch_page("app_pages/import.py").run()
    at.button(key="import.back").click().run()
    visit_every_page(at)


def test_the_imported_indicator_is_on_the_pages_and_going_back_says_so():
    at = import_file(fresh({"lang": "en"}), "pelatihan.csv", INDICATORS, "indicators")
    at.switch_page("app_pages/overview.py").run()
    at.selectbox(key="w.indicator").select("pelatihan_digital").run()
    national_or_spread = [m for m in at.metric if m.label == "Spread between provinces"]
    assert national_or_spread and national_or_spread[0].value == "26.75"  # 30.25 (Bali) - 3.5 (Papua Pegunungan)
    at.switch_page("app_pages/sources.py").run()
    assert not at.exception
    at.switch_page("app_pages/import.py").run()
    at.button(key="import.back").click().run()
    at.switch_page("app_pages/overview.py").run()
    assert at.selectbox(key="w.indicator").value == "imdi"
    assert any("pelatihan_digital" in unescaped(w.value) for w in at.warning), [w.value for w in at.warning]


def test_an_import_belongs_to_its_session_whatever_others_import():
    mine = import_file(fresh({"lang": "en"}), "ntt.csv", MENTORING, "mentoring")
    for n in range(22):  # a workshop: more imports than the old server-wide list of twenty kept
        other = MENTORING.replace("W-", f"O{n}-")
        import_file(fresh(), f"other-{n}.csv", other, "mentoring")
    mine.switch_page("app_pages/sectors.py").run()
    assert any("ntt.csv" in unescaped(i.value) for i in mine.info)
    assert next(m for m in mine.metric if m.label == "MSMEs mentored").value == "25"


def test_an_import_beyond_the_servers_memory_is_refused_with_a_message(monkeypatch):
    monkeypatch.setenv("INKLUSI_IMPORT_MEMORY_MB", "0.001")
    at = import_file(fresh({"lang": "en"}), "ntt.csv", MENTORING, "mentoring")
    assert any("memory limit" in e.value for e in at.error), [e.value for e in at.error]
    at.switch_page("app_pages/sectors.py").run()
    assert any("synthetic" in i.value for i in at.info), "the session keeps the built-in data"

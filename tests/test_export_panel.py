"""The export panel under every page offers every format, named in both languages, and names
the file it downloads (the bytes of a download are checked in a browser: tests/test_browser.py)."""

from __future__ import annotations

import json

import pytest

from inklusi.export import files
from inklusi.i18n import t
from inklusi.site import registry
from tests.apptest import open_app

PAGES = [page.name for page in registry.exported()]


def open_export(at):
    """The panel is built only once its expander is opened (most visits never open it)."""
    assert all(box.key != "export.format" for box in at.selectbox), "the closed panel builds nothing"
    at.session_state["export.open"] = True
    at.run()
    return at


@pytest.mark.parametrize("page", PAGES)
def test_every_page_offers_the_data_package_and_the_stata_file(page):
    path = None if page == registry.HOME.name else f"app_pages/{page}.py"
    at = open_export(open_app({"lang": "en", "province": "53"}, path))
    chooser = at.selectbox(key="export.format")
    assert chooser.options == [t(f"export.format_{fmt}", "en") for fmt in files.FORMATS]
    for fmt, extension in (("datapackage", ".zip"), ("dta", ".dta")):
        chooser.select(fmt).run()
        assert not at.exception, at.exception
        caption = next(c.value for c in at.caption if " rows · file " in c.value)
        assert f"{extension}. " in caption, caption


def test_the_formats_are_named_in_indonesian():
    at = open_export(open_app({"province": "53"}))
    options = at.selectbox(key="export.format").options
    assert t("export.format_datapackage", "id") in options and t("export.format_dta", "id") in options


def test_the_image_format_chosen_in_the_panel_outlives_the_closed_panel():
    at = open_export(open_app({"lang": "en", "indicator": "imdi", "year": "2025"}))
    at.segmented_control(key="export.images").set_value("svg").run()
    at.session_state["export.open"] = False
    at.run()
    assert all(box.key != "export.format" for box in at.selectbox)  # closed again
    configs = [json.loads(chart.proto.config) for chart in at.get("plotly_chart")]
    assert configs and all(c["toImageButtonOptions"]["format"] == "svg" for c in configs)

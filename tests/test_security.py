"""Hardening: no raw HTML from data or users, text from links and files shown as typed,
upload limit and XSRF protection on, and any link at all handled without a traceback.
(The locked database is tested in test_queries.py, uploads are fuzzed in test_imports.py.)"""

from __future__ import annotations

import ast
import re
import tomllib
import urllib.error
import urllib.request

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from inklusi import imports
from inklusi.config import REPO
from inklusi.i18n import literal
from inklusi.site import registry, viewstate
from tests.apptest import APP

SOURCES = [REPO / "dashboard.py", *sorted((REPO / "pages").glob("*.py")), *sorted((REPO / "inklusi").rglob("*.py"))]
CONFIG = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())


def calls(tree: ast.AST, attribute: str):
    return [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == attribute
    ]


def test_no_code_allows_raw_html_in_markdown():
    offenders = [path.name for path in SOURCES if "unsafe_allow_html" in path.read_text()]
    assert offenders == []


def test_raw_html_is_only_ever_a_fixed_constant_of_the_code():
    """st.html is the one way around the Markdown escaping: every call must pass a module-level
    string literal, never a value built at run time."""
    seen = 0
    for path in SOURCES:
        tree = ast.parse(path.read_text())
        constants = {
            t.id
            for n in tree.body
            if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
            for t in n.targets
            if isinstance(t, ast.Name)
        }
        for call in calls(tree, "html"):
            if isinstance(call.func.value, ast.Name) and call.func.value.id == "st":
                seen += 1
                argument = call.args[0]
                assert isinstance(argument, ast.Name) and argument.id in constants, f"{path.name}:{call.lineno}"
    assert seen >= 1, "the presenter style is injected with st.html"


def test_upload_limit_and_xsrf_protection_are_configured():
    server_config = CONFIG["server"]
    assert server_config["enableXsrfProtection"] is True
    # One limit: the upload box's (Streamlit's, in MB of 1024 x 1024 bytes) is the reader's own
    assert imports.MAX_BYTES == server_config["maxUploadSize"] * 1024 * 1024 == 10 * 1024 * 1024


def test_a_running_server_refuses_an_upload_without_the_xsrf_token(app):
    request = urllib.request.Request(
        f"{app}/_stcore/upload_file/some-session/some-file",
        method="PUT",
        data=b"--x\r\n",
        headers={"Content-Type": "multipart/form-data; boundary=x"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403 and b"XSRF" in refused.value.read()


MARKDOWN = MarkdownIt("commonmark")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80))
def test_literal_text_renders_as_exactly_what_was_typed(text):
    """An independent CommonMark renderer shows literal(text) as the text itself: no link, no
    image, no tag, no emphasis (whitespace runs collapse to one space, as in any paragraph)."""
    rendered = MARKDOWN.render(f"Nilai «{literal(text)}» tidak dikenali.")
    expected = " ".join(text.split())
    escaped = expected.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    assert rendered == f"<p>Nilai «{escaped}» tidak dikenali.</p>\n"


@pytest.mark.parametrize(
    "value",
    [
        "![x](http://example.com/x.png)",
        "[klik](javascript:alert(1))",
        "<img src=http://example.com/x.png>",
        "BPS <script>",
        "[a]: http://example.com",
    ],
)
def test_imported_text_with_links_images_or_tags_is_held_back(value):
    frame = imports.read(
        f"province,year,indicator,value,unit,source\nJawa Barat,2024,uji,1,persen,{value}\n".encode(), "uji.csv"
    )
    result = imports.validate(frame, "indicators", "uji.csv")
    assert result.accepted.empty
    assert [p.key for p in result.problems] == ["markup"]


@pytest.mark.parametrize("value", ["Dinas Kominfo (2024)", "persen [%]", "US$ 5", "https://bps.go.id", "a < b"])
def test_ordinary_text_with_brackets_is_accepted(value):
    frame = imports.read(
        f'province,year,indicator,value,unit,source\nJawa Barat,2024,uji,1,persen,"{value}"\n'.encode(), "uji.csv"
    )
    assert len(imports.validate(frame, "indicators", "uji.csv").accepted) == 1


def test_a_file_name_with_markup_is_refused_with_a_message():
    with pytest.raises(imports.ReadError) as refused:
        imports.read(b"a,b\n1,2\n", "![x](x.png).csv")
    assert refused.value.text("en") == "The file name holds a Markdown link or image or an HTML tag; rename the file."


@pytest.fixture(scope="module")
def app_fields(con):
    return viewstate.app_fields(con)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.dictionaries(
        st.sampled_from(sorted({f for p in registry.PAGES for f in p.url_fields})),
        st.text(max_size=30)
        | st.sampled_from(["2025", "2022", "53", "imdi", "ild", "-1", "1e9", "nan", "inf", "0x10", " 2024 ", "٢٠٢٤"]),
        max_size=8,
    )
)
def test_any_link_resolves_to_valid_options(app_fields, raw):
    state, notes = viewstate.resolve(raw, app_fields)
    for field in app_fields:
        assert state[field.name] in field.options(state), field.name
    assert {name for name, _, _ in notes} <= set(raw)
    for _, shown, _ in notes:
        assert len(shown) <= viewstate.MAX_SHOWN + 1 and not re.search(r"[<>\[\]()!:/]", shown)


@settings(max_examples=12, deadline=None)
@given(
    st.sampled_from(["" if page is registry.HOME else page.name for page in registry.PAGES]),
    st.dictionaries(
        st.sampled_from(["lang", "indicator", "year", "province", "provinces", "slide", "sector", "x_cut", "mode"]),
        st.text(max_size=12),
        max_size=4,
    ),
)
def test_any_link_opens_a_page_without_an_error(path, raw):
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in raw.items():
        at.query_params[key] = value
    at.run()
    if path:
        at.switch_page(f"app_pages/{path}.py").run()
    assert not at.exception, (path, raw, at.exception)
    assert at.title, "the page drew its title"


HEADER = "id,year,province,sector,start_date,end_date,completed,pre_score,post_score,online_before,online_after"


@settings(max_examples=10, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=600),
        st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60), max_size=6).map(
            lambda rows: "\n".join([HEADER, *rows]).encode("utf-8")
        ),
    ),
    st.sampled_from(["a.csv", "a.xlsx", "a.parquet", "ñ ü.csv", "a"]),
)
def test_any_upload_gets_a_message_and_keeps_the_loaded_data(content, name):
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page("app_pages/import.py").run()
    at.file_uploader(key="import.file").upload(name, content).run()
    assert not at.exception, (name, content[:80], at.exception)
    assert at.error or at.success or at.metric, "the page says what it made of the file"
    at.switch_page("app_pages/sectors.py").run()
    assert any("sintetis" in i.value.lower() for i in at.info), "the built-in data is still the one in use"

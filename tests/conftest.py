"""Shared fixtures: the built data (make test builds it first), the reference tables, and the
real servers and browser, each started once per test session (once per pytest-xdist worker).

Servers and browser (testkit/ holds the machinery, shared with bench/):
- `app`: the base URL of one Streamlit process (`make run`) for the session; `app_log` its log.
- `site`: (base URL, run folder) of one `make serve` stack (nginx and two replicas).
- `browser`: one headless Chromium; a test opens its own context (`browser.new_context()`).
A test that needs a fresh server (a first visit, another setting) starts its own with
testkit.servers.server() and says why in a comment.

The browser sweep: every page of inklusi/site/registry.py in each language is loaded once (the
`visit` fixture) and every test that asks for `visit` runs on that load, so a page added to the
registry is swept by every check without listing it anywhere. To plug a check in:

    def test_something_every_page_must_do(visit):          # runs on every page x language
        assert ...visit.page...

    @pytest.mark.pages("world")                             # runs on the /world page only
    def test_the_world_page_draws_every_country(visit):
        ...

`visit.page` is the Playwright page, drawn (testkit.chromium.wait_until_drawn: the script is
not running, every chart drawn, the layout still); `visit.watch` its outside requests and
console errors; `visit.name`, `visit.lang`, `visit.url`. A check must not navigate away or
change the view (other checks run on the same load after it); one that must, opens its own
context. The link a page is swept at is its path with SWEPT_AT's values, if any.

Marks: tests using `browser` or `visit` are marked `browser`, tests using `site` `serve`,
automatically; `serial` tests (declared in pyproject.toml) are one xdist group: one worker runs
them one after another while the other workers run the rest (`make test`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from inklusi import config
from inklusi.config import DATA_DIR
from inklusi.site import registry, viewstate
from inklusi.store import db, queries
from testkit.chromium import Watch, launch, wait_until_drawn
from testkit.servers import served, server
from tests import breaks_by_hand as by_hand

LANGS = ("id", "en")
SWEPT_AT = {
    "profile": "province=53",
    "sectors": "sector=tekstil",
    "present": "slide=3",
    "world": "countries=IND&provinces=53",
}
SWEEP_VIEWPORT = {"width": 1280, "height": 800}


@pytest.fixture(scope="session")
def build_dir() -> Path:
    path = config.build_dir()
    if not (path / "indicator_values.parquet").exists():
        pytest.fail(f"{path} is not built: run `make data` (make test does it first)")
    return path


@pytest.fixture(scope="session")
def con(build_dir) -> duckdb.DuckDBPyConnection:
    return db.open_database(build_dir)


@pytest.fixture(scope="session")
def run(con):
    """run(name, **params): a named query on the built data, as the pages and exports call it."""
    return queries.runner(con)


@pytest.fixture(scope="session")
def state_of(con):
    """state_of(**url_values): the view state the dashboard resolves from a link's values."""
    fields = viewstate.app_fields(con)
    return lambda **raw: viewstate.resolve({k: str(v) for k, v in raw.items()}, fields)[0]


@pytest.fixture(scope="session")  # once a worker (tests/test_claims.py and test_room.py share a group)
def every(con):
    """Every generated claim of the dashboard (tests/claims.py)."""
    from tests import claims

    return claims.every_claim(queries.remembering(queries.runner(con)), con)


@pytest.fixture(scope="session")
def table() -> pd.DataFrame:
    """data/breaks.csv read with plain pandas (tests/breaks_by_hand.py)."""
    return by_hand.table()


@pytest.fixture(scope="session")
def parents() -> dict[str, str]:
    """Each indicator's parent, from data/indicators.csv with plain pandas."""
    return by_hand.parents()


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    """../shared/reference, given through INKLUSI_REFERENCE_DIR (CI sets it)."""
    folder = config.reference_dir()
    if folder is None:
        pytest.skip("INKLUSI_REFERENCE_DIR is not set; .ci/run sets it to ../shared/reference")
    return folder


@pytest.fixture(scope="session")
def values() -> pd.DataFrame:
    """data/values.csv as plain pandas, independent of the build step."""
    return pd.read_csv(DATA_DIR / "values.csv", dtype={"province": str})


@pytest.fixture(scope="session")
def provinces() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "provinces.csv", dtype=str)


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (Debian's; see testkit/chromium.py), one per session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def app_log(tmp_path_factory) -> Path:
    """The log of the session's Streamlit process (for warnings and tracebacks)."""
    return tmp_path_factory.mktemp("server") / "streamlit.log"


@pytest.fixture(scope="session")
def app(app_log) -> str:
    """The base URL of the session's Streamlit process, as `make run` starts it."""
    with server(log=app_log) as base:
        yield base


@pytest.fixture(scope="session")
def site(build_dir):
    """(base URL, run folder) of the session's `make serve` stack: nginx and two replicas."""
    with served(replicas=2) as (base, folder):
        yield base, folder


@dataclass
class Visit:
    name: str
    lang: str
    url: str
    page: object
    watch: Watch


def swept_link(name: str, lang: str) -> str:
    path = "" if name == registry.HOME.name else name
    return f"/{path}?" + "&".join(filter(None, [f"lang={lang}", SWEPT_AT.get(name, "")]))


def pytest_generate_tests(metafunc):
    """Every test asking for `visit` runs once per page x language (its `pages` mark narrows the
    pages); session scope makes pytest run all the checks of one load together."""
    if "visit" not in metafunc.fixturenames:
        return
    mark = metafunc.definition.get_closest_marker("pages")
    names = list(mark.args) if mark else [page.name for page in registry.PAGES]
    unknown = set(names) - set(registry.BY_NAME)
    if unknown:
        raise ValueError(f"pages mark names no registered page: {sorted(unknown)}")
    params = [(name, lang) for name in names for lang in LANGS]
    metafunc.parametrize("visit", params, indirect=True, scope="session", ids=[f"{n}-{lang}" for n, lang in params])


@pytest.fixture(scope="session")
def visit(request, app, browser) -> Visit:
    """One page in one language, loaded once and drawn, for every check of the sweep."""
    name, lang = request.param
    context = browser.new_context(viewport=SWEEP_VIEWPORT)
    page = context.new_page()
    watch = Watch(page)
    url = app + swept_link(name, lang)
    page.goto(url)
    wait_until_drawn(page)
    yield Visit(name, lang, url, page, watch)
    context.close()


@pytest.hookimpl(tryfirst=True)  # before xdist's hook reads the xdist_group marks
def pytest_collection_modifyitems(items):
    """Marks from the fixtures a test uses; the checks of one load kept on one xdist worker."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & {"browser", "visit"}:
            item.add_marker(pytest.mark.browser)
        if "site" in used:
            item.add_marker(pytest.mark.serve)
        if item.get_closest_marker("serial"):
            item.add_marker(pytest.mark.xdist_group("serial"))
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "visit" in callspec.params:
            name, lang = callspec.params["visit"]
            item.add_marker(pytest.mark.xdist_group(f"visit-{name}-{lang}"))

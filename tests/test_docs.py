"""What a newcomer reads must be true: every setting in the README, every error in the tree,
every page declared once and complete, every query documented."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pandas as pd
import pytest
import yaml

from inklusi import __version__, config, errors
from inklusi.config import DATA_DIR, REPO
from inklusi.i18n import LANGS, messages
from inklusi.site import registry
from inklusi.store import queries

README = (REPO / "README.md").read_text()
DOCS = REPO / "docs"
CODE = [p for folder in ("inklusi", "tests", "bench", "app_pages", "testkit") for p in (REPO / folder).rglob("*.py")]


def section(text: str, heading: str) -> str:
    """The text under a `## heading`, up to the next heading of that level."""
    return text.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]


def settings_table() -> set[str]:
    table = section((DOCS / "settings.md").read_text(), "## Settings")
    return set(re.findall(r"^\| `([A-Z_]+)`(?! \(make\))", table, flags=re.MULTILINE))


def test_every_setting_is_in_the_settings_table_and_nothing_else():
    assert settings_table() == set(config.SETTINGS)


def test_the_readme_is_a_front_door_to_pages_that_exist():
    assert README.startswith("# Inklusi\n\n```sh\nmake run ") and len(README.splitlines()) <= 170
    linked = set(re.findall(r"\]\((docs/[\w-]+\.md)", README))
    assert linked == {f"docs/{p.name}" for p in DOCS.glob("*.md")}


def test_every_page_has_its_heading_in_the_exploring_doc_in_navigation_order():
    headings = re.findall(r"^## (.+)$", (DOCS / "exploring.md").read_text(), flags=re.MULTILINE)
    titles = [f"{messages()[f'nav.{p.name}']['id']} / {messages()[f'nav.{p.name}']['en']}" for p in registry.PAGES]
    assert [h for h in headings if h in titles] == titles


def recipe_paths(heading: str) -> list[str]:
    """The repository paths a recipe of docs/development.md names (NAME stands for a page: sources)."""
    text = section((DOCS / "development.md").read_text(), heading)
    named = re.findall(r"`([\w./-]+/[\w./-]+|[\w-]+\.(?:py|csv|toml|md|sql))`", text)
    return [p.replace("NAME", "sources") for p in named]


@pytest.mark.parametrize("heading", ["## Recipe: add a page", "## Recipe: add an indicator family"])
def test_every_file_a_recipe_names_exists(heading):
    paths = recipe_paths(heading)
    assert len(paths) >= 6
    assert [p for p in paths if not (REPO / p).exists()] == []


def measures_block() -> str:
    """The measures of data/measures.csv as docs/exploring.md lists them, with the indicators' names."""
    names = pd.read_csv(DATA_DIR / "indicators.csv", dtype=str).set_index("id")["name_en"]
    table = pd.read_csv(DATA_DIR / "measures.csv", dtype=str)
    lines = []
    for role, group in table.groupby("role", sort=False):
        listed = ", ".join(f"{names[m.rpartition('-')[0]]} {m.rpartition('-')[2]} (`{m}`)" for m in group["measure"])
        lines.append(f"- `{role}`: {listed}")
    return "\n".join(lines)


def test_the_measures_are_listed_from_the_data():
    text = (DOCS / "exploring.md").read_text()
    listed = text.split("<!-- measures:start -->\n", 1)[1].split("<!-- measures:end -->", 1)[0]
    assert listed.strip() == measures_block(), "docs/exploring.md's measures block should read:\n" + measures_block()


def test_every_setting_used_anywhere_is_declared():
    used = {
        name
        for path in CODE + [REPO / "Makefile", REPO / ".ci" / "run"]
        for name in re.findall(r"INKLUSI_[A-Z_]+[A-Z]", path.read_text())
    }
    assert used <= set(config.SETTINGS), used - set(config.SETTINGS)


def test_settings_are_read_only_through_config():
    readers = [
        p.relative_to(REPO)
        for p in CODE
        if p.name != "config.py"
        and re.search(
            r"environ\.get\(\s*[\"']INKLUSI_|environ\[[\"']INKLUSI_\w+[\"']\](?!\s*=)|getenv\([\"']INKLUSI_",
            p.read_text(),
        )
    ]
    assert readers == []


def subclasses(cls) -> set[type]:
    found = set(cls.__subclasses__())
    return found | {s for c in found for s in subclasses(c)}


def test_every_error_is_in_the_tree_of_the_root_docstring():
    for module in pkgutil.walk_packages([str(REPO / "inklusi")], "inklusi."):
        importlib.import_module(module.name)
    names = {cls.__name__ for cls in subclasses(errors.InklusiError)}
    listed = dict(re.findall(r"── (\w+) +\((inklusi/[\w/.]+)\)", errors.__doc__))
    assert set(listed) == names
    for name, path in listed.items():  # each names the file (or folder) that defines it
        assert (REPO / path).exists(), path
        cls = next(c for c in subclasses(errors.InklusiError) if c.__name__ == name)
        assert cls.__module__.replace(".", "/").startswith(path.removesuffix(".py").rstrip("/")), (name, path)


@pytest.mark.parametrize("page", registry.PAGES, ids=lambda p: p.name)
def test_every_page_is_complete(page):
    assert (REPO / "app_pages" / f"{page.name}.py").read_text().strip().endswith(f'app.page("{page.name}")')
    assert callable(importlib.import_module(page.module).render)
    assert set(messages()[f"nav.{page.name}"]) == set(LANGS)
    for field in page.url_fields:
        assert set(messages()[f"field.{field}"]) == set(LANGS), field


def test_every_launcher_and_page_package_is_a_registered_page():
    assert {p.stem for p in (REPO / "app_pages").glob("*.py")} == set(registry.BY_NAME)
    packages = {p.parent.name for p in (REPO / "inklusi" / "pages").glob("*/__init__.py")}
    assert packages == {page.package or page.name for page in registry.PAGES}


@pytest.mark.parametrize("query", sorted(queries.catalogue()), ids=str)
def test_every_query_says_what_it_returns(query):
    declared = queries.get(query)
    assert declared.description and declared.grain and declared.returns
    assert all(p.doc for p in declared.params)


def test_the_citation_file_cites_this_version():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text())
    assert cff["cff-version"] == "1.2.0" and cff["version"] == __version__
    assert {"message", "title", "authors", "type"} <= set(cff) and "license" not in cff  # the repository states none


@pytest.mark.parametrize("module", sorted(p.stem for p in (REPO / "bench").glob("*.py") if p.stem != "__init__"))
def test_every_benchmark_module_imports(module):
    """`make bench` is not part of `make test`: a broken import there would show only when it runs."""
    importlib.import_module(f"bench.{module}")

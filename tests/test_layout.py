"""The layout a newcomer can follow (docs/development.md): a package a page that imports no other
page, shared layers that say their role, Streamlit only where pages are drawn, no import cycle."""

from __future__ import annotations

import ast
from pathlib import Path

from inklusi.config import REPO
from inklusi.site import registry

PACKAGE = REPO / "inklusi"
# Where Streamlit may be imported: a page's page.py, the frame around the pages, and make serve.
STREAMLIT_HOMES = ("ui", "serving")
MAX_TOP_LEVEL = 12


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports(name: str) -> set[str]:
    """The inklusi modules a module imports, anywhere in it (a function's import counts too)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("inklusi")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            if not base.startswith("inklusi"):
                continue
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
    return found & set(MODULES)


GRAPH = {name: imports(name) for name in MODULES}


def third_party(name: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(MODULES[name].read_text())):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_no_module_imports_itself_through_others():
    """Tarjan's strongly connected components of the import graph: every one a single module
    (a package's __init__ importing its own modules is a package, not a cycle)."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in GRAPH[node]:
            if nxt == node or node.startswith(nxt + "."):
                continue  # a module's own package
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in sorted(GRAPH):
        if name not in index:
            visit(name)
    assert cycles == []


def page_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "pages" else None


def test_no_page_imports_another_page():
    crossing = {
        (name, other)
        for name, imported in GRAPH.items()
        if page_of(name)
        for other in imported
        if page_of(other) and page_of(other) != page_of(name)
    }
    assert crossing == set()


def test_only_the_story_and_the_registry_reach_into_the_pages():
    """The shared layers do not depend on a page: the registry lists them, the story's deck
    assembles their slides."""
    reaching = {
        name
        for name, imported in GRAPH.items()
        if not page_of(name) and name != "inklusi.pages" and any(page_of(o) for o in imported)
    }
    assert reaching == {"inklusi.site.registry", "inklusi.story.deck"}


def test_streamlit_is_imported_only_where_pages_are_drawn():
    importing = {name for name in MODULES if "streamlit" in third_party(name)}
    allowed = {
        name
        for name in importing
        if name.split(".")[1] in STREAMLIT_HOMES or (page_of(name) and name.endswith(".page"))
    }
    assert importing - allowed == set()
    assert all(f"inklusi.pages.{p.package or p.name}.page" in importing for p in registry.PAGES)


def test_the_figures_are_pure():
    for name in (n for n in MODULES if n.startswith("inklusi.figures")):
        assert "streamlit" not in third_party(name), name
        assert not {o for o in GRAPH[name] if not o.startswith("inklusi.figures")}, name


def test_few_top_level_modules_each_cross_cutting():
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL, top


def test_every_page_package_holds_only_the_files_of_the_layout():
    known = {"__init__", "page", "rows", "facts", "words", "slide", "charts"}
    for folder in (PACKAGE / "pages").iterdir():
        if folder.is_dir() and folder.name != "__pycache__":
            assert {p.stem for p in folder.glob("*.py")} <= known, folder.name

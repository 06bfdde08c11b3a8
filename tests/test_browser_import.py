"""Imports in a real browser: every page after each kind of import and after going back to the
built-in data, with no error on the page and no warning in the server's log."""

from __future__ import annotations

from playwright.sync_api import expect

from inklusi import imports
from inklusi.i18n import t
from inklusi.site import registry
from testkit.chromium import Watch, wait_until_drawn
from tests.samples import INDICATORS, MENTORING

PAGES = [page.name for page in registry.PAGES if page.name != "present"]  # presenter mode last, below


def with_problems(content: str) -> str:
    """The file with a column the schema does not know and one row naming no province, so that
    the Import page shows its report (row numbers and whole-file notes in one table)."""
    lines = content.splitlines()
    delimiter = ";" if ";" in lines[0] else ","
    bad = lines[1].replace("Nusa Tenggara Timur", "Atlantis").replace("Aceh", "Atlantis").replace("W-0", "W-X")
    return "\n".join(line + delimiter + ("catatan" if i == 0 else "x") for i, line in enumerate([*lines, bad])) + "\n"


def use_file(page, base, name: str, content: str, kind: str, fresh: bool = True) -> None:
    """The Import page, in a new session (fresh) or in this one (through the side panel's link)."""
    if fresh:
        page.goto(f"{base}/import?lang=en")
    else:
        page.locator("[data-testid=stSidebarNav] a[href$='/import']").dispatch_event("click")
    expect(page.get_by_role("heading", name="Import data")).to_be_visible(timeout=30_000)
    if fresh:  # one upload limit, said alike by the page and by its upload box (Streamlit's)
        limit = imports.MAX_BYTES // 1024 // 1024
        expect(page.get_by_text(f"at most {limit} MB)")).to_be_visible()
        expect(page.get_by_test_id("stFileUploaderDropzoneInstructions")).to_contain_text(f"{limit}MB per file")
    if kind == "indicators":
        page.get_by_role("radio", name="Indicator values", exact=True).click()
    # The choice reruns the page; a file given to the uploader before that rerun has drawn it
    # again can be lost (CI saw it once), so wait for the chosen kind's columns first.
    expect(page.get_by_text(t(f"import.schema_{kind}", "en"))).to_be_visible(timeout=30_000)
    page.locator("input[type=file]").set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": with_problems(content).encode()}
    )
    expect(page.get_by_text("Unknown province «Atlantis».")).to_be_attached(timeout=30_000)  # a grid cell
    page.get_by_role("button", name="Use the").click()
    expect(page.get_by_text(f"from the file {name}")).to_be_visible(timeout=30_000)


def visit(page, names: list[str]) -> None:
    """Open each page through the side panel (a reload would start a new session) and check it."""
    for name in names:
        page.locator("[data-testid=stSidebarNav]").get_by_role("link", name=t(f"nav.{name}", "en"), exact=True).click()
        expect(page.locator("h1").first).to_have_text(t(f"{name}.title", "en"), timeout=30_000)
        wait_until_drawn(page)
        assert page.locator("[data-testid=stException]").count() == 0, name


def test_every_page_after_each_kind_of_import_and_after_going_back(app, app_log, browser):
    """One session: mentoring records, then indicator values in their place (an import replaces
    the one before), then back to the built-in data; every page after each step."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    watch = Watch(page)
    nav = page.locator("[data-testid=stSidebarNav]")  # hidden in presenter mode, still the session's links
    for step, (name, content, kind) in enumerate(
        [("ntt.csv", MENTORING, "mentoring"), ("pelatihan.csv", INDICATORS, "indicators")]
    ):
        use_file(page, app, name, content, kind, fresh=not step)
        visit(page, PAGES)
        present(page)  # its deck from the session's data: the imported records on the mentoring slide
    nav.locator("a[href$='/import']").dispatch_event("click")
    expect(page.locator("h1").first).to_have_text(t("import.title", "en"), timeout=30_000)
    expect(page.get_by_text("from the file pelatihan.csv")).to_be_visible()
    expect(page.get_by_text("from the file ntt.csv")).to_have_count(0)  # replaced, not added
    page.get_by_role("button", name="Back to the built-in data").click()
    expect(page.get_by_text("from the file pelatihan.csv")).to_have_count(0, timeout=20_000)
    visit(page, PAGES)
    present(page)
    assert watch.outside == [] and watch.app_errors() == []
    context.close()
    logged = app_log.read_text()  # the session's server: no test may leave a traceback in it
    assert "Serialization of dataframe to Arrow table was unsuccessful" not in logged
    assert "Traceback" not in logged, logged[-3000:]


def present(page) -> None:
    """Presenter mode, opened through the side panel: last, as it hides the side panel."""
    page.locator("[data-testid=stSidebarNav]").get_by_role("link", name="Presentation", exact=True).click()
    expect(page.locator(".st-key-slide-head")).to_be_visible(timeout=30_000)
    wait_until_drawn(page)
    assert page.locator("[data-testid=stException]").count() == 0

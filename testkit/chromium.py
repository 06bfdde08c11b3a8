"""Headless Chromium driving the dashboard (Playwright), and what a page load is checked for.

Playwright cannot download its own browser here; Debian's chromium is used instead
(`apt-get install chromium`, which .ci/run does); the setting INKLUSI_CHROMIUM overrides the path.
"""

from __future__ import annotations

from contextlib import contextmanager

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from inklusi import config

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Streamlit's frontend first probes these under a page's own path (to find its base URL)
# and gets 404 before it tries the root: a known part of its start-up, not an app error.
KNOWN_PROBES = ("/_stcore/health", "/_stcore/host-config")
# A phone in the room: its screen and a mobile user agent (Playwright's context options).
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 "
    "Mobile Safari/537.36",
}


class Watch:
    """Every request that leaves localhost, and every console error, of one page."""

    def __init__(self, page):
        self.outside: list[str] = []
        self.errors: list[str] = []
        page.on("request", self._request)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("response", self._response)
        self._probes: list[str] = []  # one for each load of the page (the deck loads again on a large screen)

    def _request(self, request):
        url = request.url
        if not url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:", "about:")):
            self.outside.append(url)

    def _response(self, response):
        if response.status >= 400 and response.url.endswith(KNOWN_PROBES):
            self._probes.append(response.url)

    def app_errors(self) -> list[str]:
        """Console errors other than the 404s of the known start-up probes (the console
        message does not name the URL, so the probes' 404s are discounted by number)."""
        not_found = [e for e in self.errors if "404" in e]
        return [e for e in self.errors if "404" not in e] + not_found[len(self._probes) :]


def launch(playwright):
    chromium = config.chromium()
    if not chromium.exists():
        raise RuntimeError(f"{chromium} not found: install Debian's chromium (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)


# Ready: Streamlit says the script is not running (the stApp's data-test-script-state), nothing
# is stale or still a placeholder (an element whose code is loading shows a skeleton), and every
# chart shown is drawn (plotly's layout and SVG; a map's style and tiles).
DRAWN = """() => {
    const app = document.querySelector('[data-testid=stApp]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (!document.querySelector('h1')) return false;
    if (document.querySelector('[data-stale=true], [data-testid=stSkeleton], [data-testid=stSpinner]')) return false;
    const charts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')].filter(c => c.offsetWidth > 0);
    return charts.every(c => {
        const p = c.querySelector('.js-plotly-plot');
        if (!p || !p._fullLayout || !p.querySelector('.main-svg')) return false;
        const m = p._fullLayout.map;
        return !m || (m._subplot && m._subplot.map && m._subplot.map.loaded());
    });
}"""
# Still: the boxes of the headings, sentences and charts are the same as at the previous poll
# (a chart takes the height left once the sentences are laid out).
STILL = """() => {
    const boxes = JSON.stringify([...document.querySelectorAll('h1, p, .js-plotly-plot, .main-svg')]
        .map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }));
    const same = window.__inklusiBoxes === boxes;
    window.__inklusiBoxes = boxes;
    return same;
}"""


def wait_until_drawn(page, timeout: float = 60_000) -> None:
    """Wait for the ready signal (DRAWN) and then for the layout to stop moving (STILL)."""
    page.wait_for_function(DRAWN, timeout=timeout, polling=100)
    page.wait_for_function(STILL, timeout=timeout, polling=150)


def choose(page, label: str, option: str, tries: int = 3) -> None:
    """Pick `option` in the select box named `label`: its list is opened by a click on the box
    itself, and opened again if it did not show (a click that lands while an expander still opens,
    or while the page runs again, is lost: CI lost one)."""
    box = page.locator("[data-testid='stSelectbox']", has_text=label).get_by_role("combobox")
    listbox = page.get_by_role("listbox").first
    for attempt in range(tries):
        box.click()
        try:
            listbox.wait_for(state="visible", timeout=5_000)
            break
        except PlaywrightTimeout:
            if attempt == tries - 1:
                raise
    page.get_by_role("option", name=option, exact=True).click()


# Every text of every drawn chart, with the box it takes, the box of its figure and what may hold it.
CHART_TEXTS = """() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.offsetWidth > 0).map(p => {
    const figure = p.querySelector('.main-svg').getBoundingClientRect();
    const texts = [...p.querySelectorAll('svg text')].filter(e => {
        const s = getComputedStyle(e);
        return e.textContent.trim() && s.display !== 'none' && s.visibility !== 'hidden' && s.opacity !== '0'
            && !e.closest('.modebar');
    }).map(e => { const r = e.getBoundingClientRect();
        return {text: e.textContent.trim().slice(0, 40), box: [r.left, r.top, r.right, r.bottom]}; });
    return {figure: [figure.left, figure.top, figure.right, figure.bottom], texts};
})"""


# Every line of a chart's title that Plotly's toolbar (at the figure's top right, shown on hover or
# a tap; its box is laid out all the time) would cover by more than a pixel each way.
TOOLBAR_OVER_TITLE = """() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.offsetWidth > 0)
  .flatMap(p => {
    const bar = p.querySelector('.modebar');
    if (!bar) return [];
    const b = bar.getBoundingClientRect();
    return [...p.querySelectorAll('.gtitle tspan.line')].filter(line => {
        const r = line.getBoundingClientRect();
        return Math.min(r.right, b.right) - Math.max(r.left, b.left) > 1
            && Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top) > 1;
    }).map(line => line.textContent);
})"""


def chart_problems(page) -> list[str]:
    """Texts that leave their figure or overlap another text of the same figure, and title lines
    under the toolbar (1 px tolerated)."""
    problems = [f"under the toolbar: {line!r}" for line in page.evaluate(TOOLBAR_OVER_TITLE)]
    for chart in page.evaluate(CHART_TEXTS):
        left, top, right, bottom = chart["figure"]
        boxes = chart["texts"]
        for item in boxes:
            x0, y0, x1, y1 = item["box"]
            if x0 < left - 1 or y0 < top - 1 or x1 > right + 1 or y1 > bottom + 1:
                problems.append(f"clipped: {item['text']!r} {item['box']} outside {chart['figure']}")
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                wide = min(a["box"][2], b["box"][2]) - max(a["box"][0], b["box"][0])
                tall = min(a["box"][3], b["box"][3]) - max(a["box"][1], b["box"][1])
                if wide > 1 and tall > 1:
                    problems.append(f"overlap: {a['text']!r} and {b['text']!r}")
    return problems


@contextmanager
def watched_page(browser, **options):
    """A page in a fresh browser context (options: viewport, user_agent...), its requests and
    console errors watched (page.watch); the context is closed after."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.watch = Watch(page)
    try:
        yield page
    finally:
        context.close()


def fast_3g(page) -> None:
    """Throttle a page's network to Chromium DevTools' "fast 3G": 150 ms latency, 1.6 Mbit/s down,
    750 kbit/s up (the light audience view's target: its chart within 3 s)."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8},
    )


AXE_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_serious(page) -> list[tuple[str, str]]:
    """axe-core's critical and serious WCAG 2.1 AA violations on the page (rule, first failure),
    with axe-core as `make test` installs it from the npm registry (build/axe)."""
    axe = config.build_dir() / "axe" / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.exists():
        raise FileNotFoundError(f"{axe} is missing: `make test` installs axe-core with npm")
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(axe))
    result = page.evaluate("rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})", AXE_RULES)
    return [
        (v["id"], v["nodes"][0]["failureSummary"])
        for v in result["violations"]
        if v["impact"] in ("critical", "serious")
    ]

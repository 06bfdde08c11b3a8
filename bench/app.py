"""The app's own script runs (AppTest, in this process and in fresh ones):

- the server-side rerun of each page after warm-up, median and p95;
- the first page run in a fresh Python process (and that whole process's time);
- the bytes of each map: the figure JSON sent with every run and the map file fetched once.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from streamlit.testing.v1 import AppTest

from inklusi.config import REPO, STATIC_MAPS

APP = str(REPO / "dashboard.py")
RUNS = 30

# (name, page file, URL parameters, a widget to change between reruns: key and two values)
PAGES = [
    ("overview map", None, {"indicator": "imdi", "year": "2025"}, ("w.year", 2024, 2025)),
    ("overview tiles", None, {"view": "tiles"}, ("w.year", 2024, 2025)),
    ("profile", "app_pages/profile.py", {"province": "53"}, ("w.year", 2024, 2025)),
    ("gaps", "app_pages/gaps.py", {}, ("w.year", 2024, 2025)),
    ("adoption", "app_pages/adoption.py", {}, ("w.skill", "imdi_keterampilan-2024", "imdi_literasi-2025")),
    ("sectors", "app_pages/sectors.py", {}, ("w.sector", "tekstil", "makanan")),
    ("targeting", "app_pages/targeting.py", {}, ("w.need", "imdi_keterampilan-2024", "imdi_literasi-2025")),
    ("sources", "app_pages/sources.py", {}, None),
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def rerun_times(page: str | None, params: dict, change) -> list[float]:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    for value in (change[1:] if change else ()) * 2:  # warm-up: every cache filled for both values
        widget(at, change[0]).set_value(value).run()
    at.run()
    times = []
    for i in range(RUNS):
        if change:
            key, first, second = change
            wanted = second if i % 2 else first  # the warm-up ends on second: every run changes it
            widget(at, key).set_value(wanted)  # as a click does: the page's on_change runs
        started = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - started) * 1000)
        assert not at.exception, at.exception
        assert not change or at.session_state[key] == wanted, (key, at.session_state[key], wanted)
    return times


def widget(at: AppTest, key: str):
    """The picker with this key, whatever kind it is."""
    kinds = ("selectbox", "select_slider", "segmented_control", "radio")
    return next(w for kind in kinds for w in getattr(at, kind) if w.key == key)


def cold_start_seconds() -> tuple[float, float]:
    """A fresh process: (first page run, whole process including Python and Streamlit start-up).
    The first is what a visitor waits for on a server that has just started."""
    code = (
        "import time; from streamlit.testing.v1 import AppTest; t = time.perf_counter(); "
        f"at = AppTest.from_file({APP!r}, default_timeout=120).run(); assert not at.exception; "
        "print(time.perf_counter() - t)"
    )
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=REPO)
    return float(done.stdout.strip().splitlines()[-1]), time.perf_counter() - started


def reruns() -> dict[str, dict[str, float]]:
    report = {}
    for name, page, params, change in PAGES:
        times = rerun_times(page, params, change)
        report[name] = {"median_ms": round(statistics.median(times), 1), "p95_ms": round(percentile(times, 0.95), 1)}
    return report


def map_files_bytes() -> dict[str, int]:
    return {path.name: path.stat().st_size for path in sorted(STATIC_MAPS.glob("*.geojson"))}


def map_json_bytes() -> dict[str, int]:
    sizes = {}
    for name, params in [
        ("map 38", {"indicator": "imdi", "year": "2025"}),
        ("map 34", {"indicator": "ild", "year": "2022"}),
        ("map 38 highlighted, classed", {"province": "53", "classes": "natural"}),
    ]:
        at = AppTest.from_file(APP, default_timeout=120)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        sizes[name] = len(at.get("plotly_chart")[0].proto.spec.encode())
    return sizes

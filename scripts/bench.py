"""Benchmark: `make bench`. Prints a table and writes bench/results/latest.json.

Measures, on this machine:
- server-side rerun of each page after warm-up (median and p95 of the script run, AppTest);
- cold start: the first page run in a fresh Python process (and the whole process time);
- the bytes of the map figure JSON sent to the browser.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "dashboard.py")
RESULTS = REPO / "bench" / "results"
RUNS = 30

# (name, page file, URL parameters, a widget to change between reruns: key and two values)
PAGES = [
    ("overview map", None, {"indicator": "imdi", "year": "2025"}, ("w.year", 2024, 2025)),
    ("overview tiles", None, {"view": "tiles"}, ("w.year", 2024, 2025)),
    ("profile", "pages/profile.py", {"province": "53"}, ("w.year", 2024, 2025)),
    ("gaps", "pages/gaps.py", {}, ("w.year", 2024, 2025)),
    ("sectors", "pages/sectors.py", {}, ("w.sector", "tekstil", "makanan")),
    ("targeting", "pages/targeting.py", {}, ("w.need", "imdi_keterampilan-2024", "imdi_literasi-2025")),
    ("sources", "pages/sources.py", {}, None),
]
TARGETS = {"rerun_median_ms": 150, "cold_start_s": 3.0, "map_json_bytes": 300_000}


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
    for _ in range(3):  # warm-up: every cache filled for both values of the changed widget
        at.run()
    times = []
    for i in range(RUNS):
        if change:
            key, first, second = change
            at.session_state[key] = first if i % 2 else second
        started = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - started) * 1000)
        assert not at.exception, at.exception
    return times


def cold_start_seconds() -> tuple[float, float]:
    """A fresh process: (first page run, whole process including Python and Streamlit start-up).
    The first is what a visitor waits for on a server that has just started."""
    code = ("import time; from streamlit.testing.v1 import AppTest; t = time.perf_counter(); "
            f"at = AppTest.from_file({APP!r}, default_timeout=120).run(); assert not at.exception; "
            "print(time.perf_counter() - t)")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=REPO)
    return float(done.stdout.strip().splitlines()[-1]), time.perf_counter() - started


def map_json_bytes() -> dict[str, int]:
    sizes = {}
    for name, params in [("map 38", {"indicator": "imdi", "year": "2025"}),
                         ("map 34", {"indicator": "ild", "year": "2022"}),
                         ("map 38 highlighted, classed", {"province": "53", "classes": "natural"})]:
        at = AppTest.from_file(APP, default_timeout=120)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        sizes[name] = len(at.get("plotly_chart")[0].proto.spec.encode())
    return sizes


def main() -> int:
    report: dict = {"python": sys.version.split()[0], "runs": RUNS, "pages": {}}
    for name, page, params, change in PAGES:
        times = rerun_times(page, params, change)
        report["pages"][name] = {"median_ms": round(statistics.median(times), 1),
                                 "p95_ms": round(percentile(times, 0.95), 1)}
    first, process = cold_start_seconds()
    report["cold_start_s"], report["cold_process_s"] = round(first, 2), round(process, 2)
    report["map_json_bytes"] = map_json_bytes()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2))

    print(f"{'measure':40} {'value':>12} {'target':>10}")
    for name, facts in report["pages"].items():
        print(f"{'rerun ' + name + ' median (p95)':40} {facts['median_ms']:>7.1f} ({facts['p95_ms']:.0f}) ms"
              f" {'<= 150 ms':>10}")
    print(f"{'cold start, first page':40} {report['cold_start_s']:>10.2f} s {'<= 3 s':>10}")
    print(f"{'  (with Python and Streamlit start-up)':40} {report['cold_process_s']:>10.2f} s")
    for name, size in report["map_json_bytes"].items():
        print(f"{'figure JSON ' + name:40} {size:>10,} B {'<= 300 KB':>10}")
    worst = max(f["median_ms"] for f in report["pages"].values())
    ok = (worst <= TARGETS["rerun_median_ms"] and report["cold_start_s"] <= TARGETS["cold_start_s"]
          and max(report["map_json_bytes"].values()) <= TARGETS["map_json_bytes"])
    print("all targets met" if ok else "SOME TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

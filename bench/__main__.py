"""Benchmark: `make bench` (python -m bench). Prints a table, writes bench/results/latest.json
and exits 1 when a target is missed. `python -m bench --quick` leaves out the 10-million-row
run, the build and the serving benchmark; `python -m bench --serve` runs only the serving
benchmark (bursts of visitors, bytes on the wire, a replica killed, the light audience view; needs
nginx), `python -m bench --audience` only the light audience view's part of it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time

from bench import app, audience, browser, crowd, imports, scale, serving
from inklusi.config import REPO

RESULTS = REPO / "bench" / "results"
SIZES = (56_000, 1_000_000, 10_000_000)
TARGETS = {
    "rerun_median_ms": 150,
    "cold_start_s": 3.0,
    "map_json_bytes": 300_000,
    "aggregate_10m_ms": 300,
    "peak_rss_10m_mb": 2048,
    "crowd_p95_ratio": 2.0,
}


def build_seconds() -> dict:
    """`python -m inklusi build` into an empty folder: data, mentoring records and maps."""
    with tempfile.TemporaryDirectory(prefix="inklusi-build-") as tmp:
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "inklusi", "build"],
            cwd=REPO,
            capture_output=True,
            text=True,
            env=os.environ | {"INKLUSI_BUILD_DIR": tmp},
        )
        seconds = round(time.perf_counter() - started, 1)
    if done.returncode:
        return {"failed": done.stderr.strip().splitlines()[-1:]}
    return {"seconds": seconds}


def measure(quick: bool, serve_only: bool, audience_only: bool = False) -> dict:
    report = {"python": sys.version.split()[0], "cpus": os.cpu_count(), "when": time.strftime("%Y-%m-%d %H:%M %Z")}
    if audience_only:
        return report | {"audience": audience.run()}
    if serve_only or not quick:
        report["serve"] = serving.measure()
        if "skipped" not in report["serve"]:
            report["audience"] = audience.run()
    if serve_only:
        return report
    if not quick:
        report["build"] = build_seconds()
    report["rerun"] = app.reruns()
    first, process = app.cold_start_seconds()
    report["cold_start"] = {
        "first_page_s": round(first, 2),
        "process_s": round(process, 2),
        "browser": browser.cold_start(),
    }
    report["map_bytes"] = {"figure_json": app.map_json_bytes(), "files": app.map_files_bytes()}
    report["import"] = imports.validation()
    report["crowd"] = crowd.measure()
    report["scale"] = {str(rows): scale.run(rows) for rows in (SIZES[:2] if quick else SIZES)}
    return report


def verdicts(report: dict) -> dict[str, bool]:
    checks = serving.verdicts(report["serve"]) if "serve" in report else {}
    checks |= audience.verdicts(report["audience"]) if "audience" in report else {}
    if "rerun" not in report:
        return checks
    checks |= {
        "rerun median <= 150 ms": max(p["median_ms"] for p in report["rerun"].values()) <= TARGETS["rerun_median_ms"],
        "first page <= 3 s": report["cold_start"]["first_page_s"] <= TARGETS["cold_start_s"],
        "map figure JSON <= 300 KB": max(report["map_bytes"]["figure_json"].values()) <= TARGETS["map_json_bytes"],
        "20 sessions: p95 <= 2 x one user's (floor 50 ms), 0 errors": report["crowd"]["p95_ratio"]
        <= TARGETS["crowd_p95_ratio"]
        and report["crowd"]["errors"] == 0,
    }
    big = report["scale"].get(str(SIZES[-1]))
    if big:
        checks["10M-row aggregates <= 300 ms"] = max(big["aggregates_ms"].values()) <= TARGETS["aggregate_10m_ms"]
        checks["peak memory at 10M rows <= 2 GB"] = big["peak_rss_mb"] <= TARGETS["peak_rss_10m_mb"]
    return checks


def table(report: dict) -> list[str]:
    lines = [f"{'measure':46} {'value':>16}"]
    lines += app_table(report) if "rerun" in report else []
    lines += serving.table(report["serve"]) if "serve" in report else []
    return lines + (audience.table(report["audience"]) if "audience" in report else [])


def app_table(report: dict) -> list[str]:
    lines = []
    if "build" in report:
        lines.append(f"{'build (data, records, maps)':46} {report['build'].get('seconds', 'failed'):>14} s")
    for name, facts in report["rerun"].items():
        lines.append(f"{'rerun ' + name + ', median (p95)':46} {facts['median_ms']:>7.1f} ({facts['p95_ms']:>4.0f}) ms")
    cold = report["cold_start"]
    lines.append(f"{'first page run, fresh process':46} {cold['first_page_s']:>14.2f} s")
    lines.append(f"{'  whole process with Python start-up':46} {cold['process_s']:>14.2f} s")
    for key, label in [
        ("server_ready_s", "browser: server answers"),
        ("first_heading_s", "browser: first heading"),
        ("map_drawn_s", "browser: map drawn"),
        ("warm_reload_map_s", "browser: reload, map drawn"),
    ]:
        if key in cold["browser"]:
            lines.append(f"{label:46} {cold['browser'][key]:>14.2f} s")
    if "http_bytes" in cold["browser"]:
        lines.append(f"{'browser: HTTP bytes of the first view':46} {cold['browser']['http_bytes']:>14,} B")
    for name, size in {**report["map_bytes"]["figure_json"], **report["map_bytes"]["files"]}.items():
        lines.append(f"{'map ' + name:46} {size:>14,} B")
    upload = report["import"]
    for case, label in [("clean", "clean"), ("with_problems", "1 in 14 wrong")]:
        facts = upload[case]
        lines.append(
            f"{'import ' + format(upload['bytes'], ',') + ' B CSV, ' + label + ': read':46} {facts['read_s']:>14.2f} s"
        )
        lines.append(
            f"{'  check ' + format(facts['rows'], ',') + ' rows, ' + format(facts['held_back'], ',') + ' held':46} "
            f"{facts['validate_s']:>14.2f} s"
        )
    many = report["crowd"]
    lines.append(
        f"{format(many['clients']) + ' sessions, ' + format(many['interactions']) + ' answers: p95 (median)':46} "
        f"{many['crowd_p95_s']:>7.3f} ({many['crowd_median_s']:.3f}) s"
    )
    lines.append(f"{'  one user: p95 (median)':46} {many['single_p95_s']:>7.3f} ({many['single_median_s']:.3f}) s")
    floor = f"{many['baseline_floor_s'] * 1000:.0f} ms"
    lines.append(f"{'  ratio of the p95s (one user floored at ' + floor + ')':46} {many['p95_ratio']:>9.2f}")
    lines.append(f"{'  raw ratio; wrong answers or errors':46} {many['p95_ratio_raw']:>9.2f}; {many['errors']}")
    for rows, facts in report["scale"].items():
        label = f"{int(rows):,} rows"
        lines.append(f"{label + ': load':46} {facts['load_s']:>14.2f} s")
        for name, ms in facts["aggregates_ms"].items():
            lines.append(f"{label + ': ' + name + ' aggregate':46} {ms:>13.1f} ms")
        lines.append(f"{label + ': sectors page, first run':46} {facts['sectors_page_first_s']:>14.2f} s")
        lines.append(f"{label + ': peak memory':46} {facts['peak_rss_mb']:>13,} MB")
    return lines


def main() -> int:
    report = measure(
        quick="--quick" in sys.argv, serve_only="--serve" in sys.argv, audience_only="--audience" in sys.argv
    )
    report["targets"] = verdicts(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2))
    print("\n".join(table(report)))
    for check, ok in report["targets"].items():
        print(f"{'met   ' if ok else 'MISSED'} {check}")
    return 0 if all(report["targets"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())

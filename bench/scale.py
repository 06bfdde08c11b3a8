"""Query latency and peak memory with 56 thousand, 1 million and 10 million mentoring rows.

`python -m bench.scale ROWS` generates ROWS synthetic records (the same generator as the
build, scaled) into a temporary build folder beside the real one, then, in a fresh process
so that the peak memory is the app's and not the generator's: loads the database, times the
sector and the province aggregates the pages compute, runs the sectors page once (AppTest)
and reports the process's peak resident memory. Prints one JSON object.

The peak is the kernel's VmHWM of this program: getrusage's ru_maxrss would carry over the
peak of the benchmark process that started it (Linux keeps it across exec).
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from inklusi import config
from inklusi.statistics.metrics import rates_by
from inklusi.store import build, db, queries

RUNS = 7
# (name, query, parameters, the grouping the page computes from the result)
AGGREGATES = [
    ("sector", "mentoring_cube", {}, "sector"),
    ("sector, one year", "mentoring_cube", {"year": 2022}, "sector"),
    ("province", "mentoring_cube", {}, "province"),
]


def generate(rows: int, folder: Path) -> None:
    """A build folder whose mentoring table has `rows` records; everything else is the real build."""
    real = config.build_dir().resolve()
    for name in [f"{table}.parquet" for table in db.TABLES if table != "mentoring"] + ["boundaries"]:
        (folder / name).symlink_to(real / name)
    con = duckdb.connect()
    build.load_curated(con)
    build.write_mentoring(con, folder / "mentoring.parquet", rows=rows)


def measure(folder: Path) -> dict:
    started = time.perf_counter()
    con = db.open_database(folder)
    report = {
        "rows": con.execute("select count(*) from mentoring").fetchone()[0],
        "load_s": round(time.perf_counter() - started, 2),
        "aggregates_ms": {},
    }
    for name, query, params, by in AGGREGATES:
        times = []
        for _ in range(RUNS + 1):  # the first run is a warm-up
            started = time.perf_counter()
            rates_by(queries.run(con, query, params), by)
            times.append((time.perf_counter() - started) * 1000)
        report["aggregates_ms"][name] = round(statistics.median(times[1:]), 1)
    con.close()

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(config.REPO / "dashboard.py"), default_timeout=600)
    started = time.perf_counter()
    at.run()
    at.switch_page("app_pages/sectors.py").run()
    assert not at.exception, at.exception
    report["sectors_page_first_s"] = round(time.perf_counter() - started, 2)
    report["peak_rss_mb"] = peak_rss_mb()
    return report


def peak_rss_mb() -> int:
    status = Path("/proc/self/status").read_text()
    return round(int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)[1]) / 1024)


def run(rows: int) -> dict:
    """Generate in one process, measure in another."""
    with tempfile.TemporaryDirectory(prefix=".bench-", dir=config.build_dir()) as tmp:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bench.scale", "--generate", str(rows), tmp], check=True, cwd=config.REPO)
        generated = time.perf_counter() - started
        done = subprocess.run(
            [sys.executable, "-m", "bench.scale", "--measure", tmp],
            check=True,
            cwd=config.REPO,
            capture_output=True,
            text=True,
            env=os.environ | {"INKLUSI_BUILD_DIR": tmp},
        )
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "generate_s": round(generated, 1)}


if __name__ == "__main__":
    if sys.argv[1] == "--generate":
        generate(int(sys.argv[2]), Path(sys.argv[3]))
    else:
        print(json.dumps(measure(Path(sys.argv[2]))))

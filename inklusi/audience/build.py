"""Every page of the light audience view (each slide x language x pinned province or none),
written into static/audience/ and built again only when its inputs change: the built data, the
code (the story and these pages) and the messages. A stamp file holds the digest of the inputs the
pages were built from; the pages are written into a new folder that then takes the old one's
place, read-only, so that nobody is ever served a half-built set."""

from __future__ import annotations

import hashlib
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

from inklusi import config, i18n
from inklusi.audience import filename, page
from inklusi.config import QUERIES_DIR, REPO
from inklusi.i18n import LANGS, t
from inklusi.store import db, queries, reference
from inklusi.story.deck import slides
from inklusi.story.slide import PHONE

STAMP = "stamp"  # the digest of the inputs, written last
UNKNOWN = "unknown.html"  # what nginx answers for a link it has no page for
SYNTHETIC = "inklusi_synthetic"  # data/sources.csv: the synthetic mentoring records

_run = None  # a worker's query runner (one database per process)


# Code the light pages never run: the dashboard's frame and Streamlit pages, the import readers
# and the serving (editing them need not rebuild 780 pages).
NOT_USED = ("ui", "serving", "imports")


def _code_files() -> list[Path]:
    code = [
        p
        for p in (REPO / "inklusi").rglob("*.py")
        if p.relative_to(REPO / "inklusi").parts[0] not in NOT_USED and not p.match("pages/*/page.py")
    ]
    return sorted(code) + list(i18n.MESSAGE_FILES) + sorted(QUERIES_DIR.rglob("*.sql"))


def digest(files: list[Path], root: Path) -> str:
    found = hashlib.sha256()
    for path in files:
        found.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return found.hexdigest()


def inputs(build: Path) -> tuple[str, str]:
    """(the digest of every input, the digest of the data alone: its edition)."""
    data = digest(sorted(build.glob("*.parquet")), build)
    return hashlib.sha256((data + digest(_code_files(), REPO)).encode()).hexdigest(), data


def edition_line(build: Path, data_digest: str, lang: str) -> str:
    built = max(p.stat().st_mtime for p in build.glob("*.parquet"))
    day = i18n.date(datetime.fromtimestamp(built, timezone.utc).date(), lang)
    return t("audience.edition", lang, edition=data_digest[:10], date=day)


def _open(build: Path) -> None:
    global _run
    _run = queries.remembering(queries.runner(db.open_database(build).cursor()))


def _deck(job: tuple[Path, str, str, str]) -> int:
    """Write the pages of one language and pinned province; returns how many."""
    out, lang, pin, edition = job
    deck = slides(_run, lang, pin, lambda layout: None, PHONE)  # no figure is drawn
    for number, slide in enumerate(deck, start=1):
        text = page.page(slide, number, len(deck), lang, pin, edition=edition, synthetic=SYNTHETIC in slide.sources)
        (out / lang / filename(number, pin)).write_text(text, encoding="utf-8")
    return len(deck)


def pins() -> list[str]:
    """The provinces a presenter can pin (the presenter's own list), and none."""
    return ["", *reference.provinces()["kode"]]


def build_all(build: Path, out: Path, workers: int | None = None) -> int:
    """Write every page into out (replaced whole); returns how many pages."""
    stamp, data_digest = inputs(build)
    fresh = out.with_name(f".{out.name}-{os.getpid()}")
    shutil.rmtree(fresh, ignore_errors=True)
    for lang in LANGS:
        (fresh / lang).mkdir(parents=True)
    jobs = [(fresh, lang, pin, edition_line(build, data_digest, lang)) for pin in pins() for lang in LANGS]
    workers = workers or min(len(os.sched_getaffinity(0)), 4)
    with ProcessPoolExecutor(max_workers=workers, initializer=_open, initargs=(build,)) as pool:
        count = sum(pool.map(_deck, jobs, chunksize=4))
    (fresh / UNKNOWN).write_text(page.unknown(count // len(jobs), pins()[1:]), encoding="utf-8")
    (fresh / STAMP).write_text(stamp)
    for path in (p for p in fresh.rglob("*") if p.is_file()):
        path.chmod(0o444)  # served, never changed: a new build replaces the folder
    stale = out.with_name(f".{out.name}-stale-{os.getpid()}")
    if out.exists():
        out.rename(stale)
    fresh.rename(out)
    shutil.rmtree(stale, ignore_errors=True)
    return count


def ensure(build: Path | None = None, out: Path = config.STATIC_AUDIENCE) -> int:
    """Build the pages unless the stamp says they were built from these inputs; returns the pages
    written (0: already up to date)."""
    build = build or config.build_dir()
    stamp = out / STAMP
    if stamp.exists() and stamp.read_text() == inputs(build)[0]:
        return 0
    return build_all(build, out)

"""Compressed copies of the files nginx serves itself, made once so that no request pays for
compression (nginx's gzip_static and brotli_static send FILE.gz or FILE.br beside FILE).

A mirror is a folder of links to the original files with the compressed copies beside them;
the originals (Streamlit's frontend inside the installed package, the built map files) are
never written to. A copy is made again only when its original is newer.
"""

from __future__ import annotations

import gzip
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import brotli

COMPRESSIBLE = {".js", ".css", ".html", ".json", ".geojson", ".svg", ".txt", ".map", ".ttf"}
MIN_BYTES = 512  # below this the headers outweigh the saving


def _fresh(copy: Path, original: Path) -> bool:
    return copy.exists() and copy.stat().st_mtime >= original.stat().st_mtime


def _write(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + f".{os.getpid()}.part")  # another server may mirror at once
    partial.write_bytes(data)
    partial.replace(path)


# Quality 10, not 11: on Streamlit's three largest files 10 s instead of 20 s on one core, for 2 %
# more bytes (2.139 MB against 2.097 MB); 9 would take 1 s but 11 % more bytes for every phone.
BROTLI_QUALITY = 10


def _compress(job: tuple[Path, Path, bool]) -> int:
    """Write link.gz (and link.br) for one original; returns the bytes read."""
    original, link, with_brotli = job
    data = original.read_bytes()
    if not _fresh(link.with_name(link.name + ".gz"), original):
        _write(link.with_name(link.name + ".gz"), gzip.compress(data, compresslevel=9, mtime=0))
    if with_brotli and not _fresh(link.with_name(link.name + ".br"), original):
        _write(link.with_name(link.name + ".br"), brotli.compress(data, quality=BROTLI_QUALITY))
    return len(data)


def mirror(source: Path, target: Path, *, with_brotli: bool) -> int:
    """Mirror every file under source into target (links) with compressed copies of the text
    files; returns the bytes compressed this time (0 when everything was up to date)."""
    jobs = []
    for original in sorted(p for p in source.rglob("*") if p.is_file()):
        link = target / original.relative_to(source)
        link.parent.mkdir(parents=True, exist_ok=True)
        if not link.is_symlink() or link.resolve() != original.resolve():
            link.unlink(missing_ok=True)
            link.symlink_to(original.resolve())
        if original.suffix in COMPRESSIBLE and original.stat().st_size >= MIN_BYTES:
            copies = [link.with_name(link.name + ".gz")] + ([link.with_name(link.name + ".br")] if with_brotli else [])
            if not all(_fresh(copy, original) for copy in copies):
                jobs.append((original, link, with_brotli))
    if not jobs:
        return 0
    jobs.sort(key=lambda job: -job[0].stat().st_size)  # the largest first keeps every core busy to the end
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return sum(pool.map(_compress, jobs))

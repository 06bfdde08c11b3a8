"""Golden outputs: what a user or a script takes away from Inklusi, written to a folder so that a
move of code can be checked byte for byte against the outputs recorded before it.

    python -m tests.golden record DIR   # on the built data (INKLUSI_BUILD_DIR)
    python -m tests.golden compare OLD NEW

Recorded: every exported page's view in both scopes, every format and both languages (with its
sidecar, written at a fixed time), the light audience view's pages (their build date left out),
every public query's rows for a grid of parameters, the staged tables, and the text of every
enumerated claim (tests/claims.py). Nothing here is a test: a difference is for a person to read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

from inklusi import config
from inklusi.audience import build as audience_build
from inklusi.export import files as export_files
from inklusi.export.view import SCOPES
from inklusi.i18n import LANGS
from inklusi.store import db, queries
from tests import claims

WHEN = datetime(2026, 1, 1, tzinfo=timezone.utc)  # the sidecars' time of export
# The views exported: each exported page in its default state and in states that reach its options.
URLS = (
    "http://localhost:8501/",
    "http://localhost:8501/?indicator=ild&year=2022&province=53",
    "http://localhost:8501/profile?province=53",
    "http://localhost:8501/profile?province=95&indicator=imk_internet_persen",
    "http://localhost:8501/compare?provinces=31,53,95",
    "http://localhost:8501/compare?provinces=91,92&indicator=iptik",
    "http://localhost:8501/gaps",
    "http://localhost:8501/gaps?indicator=ild",
    "http://localhost:8501/adoption",
    "http://localhost:8501/adoption?skill=ild-2022&adoption=ecommerce_per_1000-2024",
    "http://localhost:8501/sectors",
    "http://localhost:8501/sectors?sector=tekstil&m_year=2022",
    "http://localhost:8501/targeting",
    "http://localhost:8501/targeting?need=ild-2022&per=umk",
    "http://localhost:8501/world",
    "http://localhost:8501/world?w_year=2020&countries=IND,PHL&provinces=53",
    "http://localhost:8501/sources",
    "http://localhost:8501/dictionary",
)
PROVINCES = ("53", "31", "95", "91")
TOPICS = ("ecommerce_kbli", "reasons_offline", "it_training", "imk_internet_kbli")
FOOTER = re.compile(r"<footer>.*?</footer>")


def _slug(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()[:10]


def exports(con, out: Path) -> int:
    count = 0
    for url in URLS:
        folder = out / "exports" / _slug(url)
        folder.mkdir(parents=True)
        (folder / "url.txt").write_text(url + "\n")
        for scope in SCOPES:
            view = export_files.from_link(con, url, scope)
            for fmt in export_files.FORMATS:
                for lang in LANGS:
                    data = export_files.encode(view, fmt, lang)
                    name = f"{scope}-{fmt}-{lang}"
                    (folder / name).write_bytes(data)
                    meta = export_files.sidecar(view, fmt, data, lang=lang, url=url, when=WHEN)
                    meta.pop("app_version", None)
                    (folder / f"{name}.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True))
                    count += 1
    return count


def audience(out: Path) -> int:
    folder = out / "audience"
    count = audience_build.build_all(config.build_dir(), folder)
    (folder / audience_build.STAMP).chmod(0o644)
    (folder / audience_build.STAMP).unlink()  # a digest of the code: it changes with every move
    for page in folder.rglob("*.html"):
        page.chmod(0o644)
        page.write_text(FOOTER.sub("<footer/>", page.read_text(encoding="utf-8")), encoding="utf-8")
    return count


def _grid(run, query: queries.Query) -> list[dict]:
    """Parameters for a query: every indicator and edition, a few provinces, the filters each alone."""
    names = {p.name for p in query.params if not p.optional}
    editions = run("indicator_editions")
    if names == {"indicator", "year"}:
        return [{"indicator": i, "year": int(y)} for i, y in editions[["indicator", "year"]].itertuples(index=False)]
    if names == {"indicator", "province"}:
        return [{"indicator": i, "province": p} for i in sorted(set(editions["indicator"])) for p in PROVINCES]
    if names == {"indicator"}:
        return [{"indicator": i} for i in sorted(set(editions["indicator"]))]
    if names == {"province"}:
        return [{"province": p} for p in PROVINCES]
    if names == {"topic"}:
        return [{"topic": t} for t in TOPICS]
    optional = {p.name for p in query.params if p.optional}
    grid = [{}]
    if "indicator" in optional:
        grid += [{"indicator": "imdi"}, {"indicator": "imdi_literasi"}]
    if "province" in optional:
        grid += [{"province": p} for p in PROVINCES]
    if "year" in optional:
        grid += [{"year": 2021}, {"year": 2022}]
    if "sector" in optional:
        grid += [{"sector": "tekstil"}]
    if "area" in optional:
        grid += [{"area": "labuan_bajo"}]
    if "scale" in optional:
        grid += [{"scale": "mikro"}]
    if "gender" in optional:
        grid += [{"gender": "perempuan"}]
    return grid


def query_results(con, out: Path) -> int:
    run = queries.runner(con)
    count = 0
    for name, query in queries.catalogue().items():
        folder = out / "queries" / name
        folder.mkdir(parents=True)
        for params in _grid(run, query):
            key = "-".join(f"{k}={v}" for k, v in sorted(params.items())) or "all"
            run(name, **params).to_csv(folder / f"{key}.csv", index=False)
            count += 1
    return count


def staged(con, out: Path) -> int:
    folder = out / "staged"
    folder.mkdir(parents=True)
    for table in db.STAGED:
        con.execute(f"select * from {table} order by all").df().to_csv(folder / f"{table}.csv", index=False)
    return len(db.STAGED)


def claim_texts(con, out: Path) -> int:
    found = claims.every_claim(queries.remembering(queries.runner(con)), con)
    lines = sorted(json.dumps([c.kind, [str(k) for k in c.key], c.lang, c.text], ensure_ascii=False) for c in found)
    (out / "claims.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


PARTS = ("exports", "queries", "staged", "claims", "audience")


def record(out: Path, parts: tuple[str, ...] = PARTS) -> None:
    out.mkdir(parents=True, exist_ok=False)
    con = db.open_database(config.build_dir())
    makers = {
        "exports": lambda: exports(con.cursor(), out),
        "queries": lambda: query_results(con.cursor(), out),
        "staged": lambda: staged(con.cursor(), out),
        "claims": lambda: claim_texts(con.cursor(), out),
        "audience": lambda: audience(out),
    }
    for part in parts:
        print(part, makers[part](), flush=True)


def compare(old: Path, new: Path) -> int:
    """The files that differ or exist on one side only; 0 when every byte is the same."""
    before = {p.relative_to(old) for p in old.rglob("*") if p.is_file()}
    after = {p.relative_to(new) for p in new.rglob("*") if p.is_file()}
    differ = sorted(p for p in before & after if (old / p).read_bytes() != (new / p).read_bytes())
    for path in sorted(before - after):
        print("only before:", path)
    for path in sorted(after - before):
        print("only after:", path)
    for path in differ:
        print("differs:", path)
    print(f"{len(before)} files before, {len(after)} after, {len(differ)} differ")
    return int(bool(differ or before != after))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.golden")
    commands = parser.add_subparsers(dest="command", required=True)
    recording = commands.add_parser("record")
    recording.add_argument("out", type=Path)
    recording.add_argument("--parts", default=",".join(PARTS), help="some of " + ", ".join(PARTS))
    both = commands.add_parser("compare")
    both.add_argument("old", type=Path)
    both.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    if args.command == "record":
        record(args.out, tuple(args.parts.split(",")))
        return 0
    return compare(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())

"""Command line: `python -m inklusi build | indicators | query NAME --param key=value ... | export ... | audience |
serve`."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from inklusi import config
from inklusi.errors import InklusiError
from inklusi.export import files
from inklusi.store import boundaries, build, db, queries


def _params(pairs: list[str]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise queries.QueryError("bad_param", f"--param needs key=value, not {pair[:40]!r}")
        values[key] = value
    return values


def cmd_build(args: argparse.Namespace) -> int:
    out = config.build_dir()
    started = time.perf_counter()
    counts = build.build_data(out)
    print(f"data: {counts['indicator_values']} indicator values, {counts['mentoring']} mentoring records -> {out}")
    if args.skip_boundaries:
        return 0
    if (out / "boundaries" / "manifest.json").exists() and not args.force_boundaries:
        boundaries.publish(out / "boundaries", config.STATIC_MAPS)
        print("boundaries: already built (use --force-boundaries to rebuild)")
        return 0
    mirror = config.boundary_mirror()
    try:
        manifest = build.build_boundaries(out, mirror)
    except boundaries.BoundaryError as exc:
        print(f"boundaries: FAILED: {exc}", file=sys.stderr)
        print(
            "The dashboard runs without maps. With internet, run `make data` again; offline, set "
            "INKLUSI_BOUNDARY_MIRROR to a folder holding the pinned files (see docs/settings.md).",
            file=sys.stderr,
        )
        return 2
    for layout, facts in manifest["layouts"].items():
        print(f"boundaries: {layout} provinces, {facts['bytes']:,} bytes, {facts['vertices']:,} vertices")
    print(f"build took {time.perf_counter() - started:.1f} s")
    return 0


def cmd_indicators(args: argparse.Namespace) -> int:
    con = db.open_database(config.build_dir())
    queries.run(con, "indicator_catalogue").to_csv(sys.stdout, index=False)
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    con = db.open_database(config.build_dir())
    queries.run(con, args.name, _params(args.param)).to_csv(sys.stdout, index=False)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write a data file and its JSON sidecar: of a named query, or of the view a link shows."""
    if not args.out.strip():
        raise files.ExportError("--out is empty: give the data file's path, such as imdi.csv")
    out = Path(args.out)
    con = db.open_database(config.build_dir())
    if args.from_url:
        view = files.from_link(con, args.from_url, args.scope)
    else:
        view = files.query_view(con, args.query, _params(args.param))
    meta = files.write(view, out, args.format, lang=args.lang, url=args.from_url, force=args.force)
    print(
        f"{len(view.frame)} rows -> {out} (sha256 {meta['file']['sha256'][:12]}...), "
        f"metadata -> {files.sidecar_path(out)}"
    )
    return 0


def cmd_audience(args: argparse.Namespace) -> int:
    """The light audience view's pages, built again only when the data or the code changed."""
    from inklusi.audience import build as audience

    started = time.perf_counter()
    written = audience.ensure()
    took = time.perf_counter() - started
    print(
        f"audience view: {written} pages in {took:.1f} s -> {config.STATIC_AUDIENCE}"
        if written
        else "audience view: up to date"
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from inklusi.serving import supervisor  # imports Streamlit: only for this command

    return supervisor.main(replicas_only=args.replicas_only)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m inklusi", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)
    p = sub.add_parser("build", help="check data/, write the columnar files, build the province maps")
    p.add_argument("--skip-boundaries", action="store_true", help="do not fetch or build the boundaries")
    p.add_argument("--force-boundaries", action="store_true", help="rebuild the boundaries even if present")
    p.set_defaults(run=cmd_build)
    p = sub.add_parser("indicators", help="the indicator catalogue as CSV")
    p.set_defaults(run=cmd_indicators)
    p = sub.add_parser("query", help="run a named query (queries/NAME.sql); CSV on stdout")
    p.add_argument("name")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
    p.set_defaults(run=cmd_query)
    p = sub.add_parser("export", help="a data file and its JSON sidecar, of a query or of a copied dashboard link")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--query", help="a named query (queries/NAME.sql)")
    source.add_argument("--from-url", help="a link copied from the dashboard")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="with --query")
    p.add_argument(
        "--scope",
        choices=files.SCOPES,
        default="view",
        help="with --from-url: the rows the view shows, or its whole dataset",
    )
    p.add_argument("--format", choices=files.FORMATS, required=True)
    p.add_argument("--lang", choices=("id", "en"), default="id", help="language of the citation")
    p.add_argument("--out", required=True, help="the data file; the sidecar is written beside it as OUT.json")
    p.add_argument("--force", action="store_true", help="replace OUT and OUT.json if they exist")
    p.set_defaults(run=cmd_export)
    p = sub.add_parser("audience", help="the light audience view's pages (static/audience/), when out of date")
    p.set_defaults(run=cmd_audience)
    p = sub.add_parser("serve", help="nginx and N Streamlit replicas on one port (make serve); see docs/serving.md")
    p.add_argument(
        "--replicas-only",
        action="store_true",
        help="no nginx: replicas for another host's nginx (INKLUSI_UPSTREAMS there)",
    )
    p.set_defaults(run=cmd_serve)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except InklusiError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader (head, less) closed the pipe: not an error
        return 0


if __name__ == "__main__":
    sys.exit(main())

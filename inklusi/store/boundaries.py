"""Province boundaries: fetch the pinned source, check it, and build the map files.

The source is a set of MySQL dumps with one MultiPolygon per province, coordinates in
[lat, lng] order. The build makes two layouts: the 38 provinces of 2022 onwards, and
the 34 provinces of 2012-2022 (the Papua provinces dissolved back into their parents).
Both are cleaned into a gap-free coverage, simplified with a topology-aware method,
and written as GeoJSON with clockwise exterior rings (the order plotly fills).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
import tomllib
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping
from shapely.ops import polylabel

from inklusi.config import DATA_DIR
from inklusi.errors import InklusiError

# Islets smaller than this are dropped: invisible at national scale, and most of the bytes.
MIN_ISLAND_KM2 = 5.0
# Coverage simplification tolerance, in degrees (about 2 km; half a pixel on a national map).
SIMPLIFY_DEGREES = 0.02
# Coordinates are snapped to this grid (about 110 m) before writing.
GRID_DEGREES = 0.001
KM_PER_DEGREE = 111.32
LAYOUTS = (38, 34)

ROW = re.compile(
    r"\(\s*'(?P<kode>\d{2})'\s*,\s*'(?P<nama>[^']*)'\s*,"
    r"\s*(?P<lat>-?[\d.]+)\s*,\s*(?P<lng>-?[\d.]+)\s*,\s*'(?P<path>\[[^']*\])'\s*\)"
)


class BoundaryError(InklusiError, RuntimeError):
    """The boundary source could not be fetched, checked or built."""


@dataclass(frozen=True)
class SourceSpec:
    repository: str
    commit: str
    url: str
    files: dict[str, str]

    def address(self, path: str) -> str:
        return self.url.format(commit=self.commit, path=path)


def source_spec() -> SourceSpec:
    spec = tomllib.loads((DATA_DIR / "boundaries_source.toml").read_text(encoding="utf-8"))
    return SourceSpec(spec["repository"], spec["commit"], spec["url"], dict(spec["files"]))


def fetch_sources(spec: SourceSpec, dest: Path, mirror: Path | None) -> None:
    """Copy or download every pinned file into dest, checking each SHA-256."""
    for path, expected in spec.files.items():
        if mirror is not None:
            try:
                content = (mirror / path).read_bytes()
            except OSError as exc:
                raise BoundaryError(f"{path}: cannot read it from the mirror {mirror} ({exc})") from exc
        else:
            address = spec.address(path)
            try:
                with urllib.request.urlopen(address, timeout=60) as response:
                    content = response.read()
            except OSError as exc:
                raise BoundaryError(f"{path}: download from {address} failed ({exc})") from exc
        actual = hashlib.sha256(content).hexdigest()
        if actual != expected:
            raise BoundaryError(f"{path}: SHA-256 is {actual}, expected {expected}; the file is refused")
        target = dest / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def _polygons(path: list) -> list[Polygon]:
    depth, probe = 0, path
    while isinstance(probe, list):
        depth, probe = depth + 1, probe[0]
    parts = [path] if depth == 3 else path  # a few rows hold a Polygon, not a MultiPolygon
    return [Polygon(np.asarray(rings[0])[:, ::-1], [np.asarray(r)[:, ::-1] for r in rings[1:]]) for rings in parts]


def parse_sources(folder: Path) -> pd.DataFrame:
    """One row per province: kode, nama, label point and the repaired full-detail geometry."""
    rows = []
    for sql in sorted((folder / "db" / "prov").glob("*.sql")):
        for match in ROW.finditer(sql.read_text(encoding="utf-8")):
            try:
                parts = _polygons(json.loads(match["path"]))
            except (ValueError, IndexError, TypeError) as exc:
                raise BoundaryError(f"{sql.name}: the shape of province {match['kode']} is unreadable ({exc})") from exc
            rows.append(
                {
                    "kode": match["kode"],
                    "nama": match["nama"],
                    "label_lat": float(match["lat"]),
                    "label_lng": float(match["lng"]),
                    "geometry": _polygonal(shapely.make_valid(shapely.union_all(parts))),
                }
            )
    frame = pd.DataFrame(rows)
    if len(frame) != 38 or frame["kode"].nunique() != 38:
        raise BoundaryError(f"expected 38 provinces in the boundary source, found {frame['kode'].nunique()}")
    return frame.sort_values("kode", ignore_index=True)


def _polygonal(geometry) -> MultiPolygon:
    """Keep only the polygons of a geometry (make_valid may return lines as well)."""
    polygons = []
    for part in shapely.get_parts(geometry):
        if part.geom_type == "Polygon":
            polygons.append(part)
        elif part.geom_type in ("MultiPolygon", "GeometryCollection"):
            polygons.extend(_polygonal(part).geoms)
    return MultiPolygon(polygons)


def _area_km2(polygon: Polygon) -> float:
    return polygon.area * KM_PER_DEGREE**2 * np.cos(np.radians(polygon.centroid.y))


def _without_islets(geometry: MultiPolygon) -> MultiPolygon:
    return MultiPolygon([p for p in geometry.geoms if _area_km2(p) >= MIN_ISLAND_KM2])


def _fill_holes(geometry) -> MultiPolygon:
    """Drop interior rings: no province encloses another, so every hole is a dissolve pinhole."""
    return MultiPolygon([Polygon(p.exterior) for p in _polygonal(geometry).geoms])


def layout_coverages(provinces: pd.DataFrame, to_2012: dict[str, str]) -> dict[int, pd.DataFrame]:
    """The 38- and 34-province coverages at full detail, free of overlaps and gaps."""
    clean = shapely.coverage_clean(provinces["geometry"].to_numpy())
    full = provinces.assign(geometry=[_polygonal(g) for g in clean])
    old = full.assign(kode=full["kode"].map(to_2012))
    dissolved = [
        {"kode": kode, "geometry": _fill_holes(shapely.coverage_union_all(group["geometry"].to_numpy()))}
        for kode, group in old.groupby("kode", sort=True)
    ]
    return {38: full[["kode", "geometry"]], 34: pd.DataFrame(dissolved)}


def simplify(coverage: pd.DataFrame) -> pd.DataFrame:
    """Topology-aware simplification: neighbours keep one shared border, so no gaps open."""
    geoms = np.array([_without_islets(g) for g in coverage["geometry"]])
    geoms = shapely.coverage_simplify(geoms, SIMPLIFY_DEGREES, simplify_boundary=True)
    # Snapping to the grid can make neighbours disagree; clean, snap the few new nodes, and
    # repair the odd ring that the snap makes touch itself.
    geoms = shapely.coverage_clean(shapely.set_precision(geoms, GRID_DEGREES))
    geoms = shapely.set_precision(geoms, GRID_DEGREES, mode="pointwise")
    geoms = [g if g.is_valid else shapely.make_valid(g, method="structure") for g in geoms]
    geoms = shapely.orient_polygons(np.array([_polygonal(g) for g in geoms]), exterior_cw=True)
    return coverage.assign(geometry=geoms)


def label_points(coverage: pd.DataFrame, given: dict[str, tuple[float, float]]) -> pd.DataFrame:
    """A point inside each province: the source's label point where it falls inside, else polylabel."""
    rows = []
    for kode, geometry in zip(coverage["kode"], coverage["geometry"], strict=True):
        lat, lng = given.get(kode, (np.nan, np.nan))
        point = shapely.Point(lng, lat)
        if not geometry.contains(point):
            largest = max(geometry.geoms, key=lambda p: p.area)
            point = polylabel(largest, tolerance=0.01)
        rows.append({"kode": kode, "lat": round(point.y, 4), "lng": round(point.x, 4)})
    return pd.DataFrame(rows)


def feature_collection(coverage: pd.DataFrame) -> dict:
    features = []
    for kode, geometry in zip(coverage["kode"], coverage["geometry"], strict=True):
        # 6 decimals print grid points short (106.833) and keep the few repair nodes exact.
        rounded = shapely.transform(geometry, lambda xy: np.round(xy, 6))
        features.append({"type": "Feature", "id": kode, "properties": {"kode": kode}, "geometry": mapping(rounded)})
    return {"type": "FeatureCollection", "features": features}


def write_layouts(sources: Path, out: Path, to_2012: dict[str, str], spec: SourceSpec) -> dict:
    provinces = parse_sources(sources)
    given = {k: (lat, lng) for k, lat, lng in provinces[["kode", "label_lat", "label_lng"]].itertuples(index=False)}
    manifest = {"repository": spec.repository, "commit": spec.commit, "layouts": {}}
    labels = []
    for layout, coverage in layout_coverages(provinces, to_2012).items():
        simple = simplify(coverage)
        text = json.dumps(feature_collection(simple), separators=(",", ":"))
        (out / f"provinces_{layout}.geojson").write_text(text, encoding="utf-8")
        labels.append(label_points(simple, given).assign(layout=layout))
        manifest["layouts"][str(layout)] = {
            "provinces": len(simple),
            "bytes": len(text.encode("utf-8")),
            "vertices": int(shapely.get_num_coordinates(simple["geometry"].to_numpy()).sum()),
            "vertices_full_detail": int(shapely.get_num_coordinates(coverage["geometry"].to_numpy()).sum()),
        }
    pd.concat(labels).to_csv(out / "labels.csv", index=False)
    shutil.copyfile(sources / "LICENSE", out / "LICENSE")
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


def build_boundaries(target: Path, mirror: Path | None, to_2012: dict[str, str]) -> dict:
    """Fetch, check and build into target. On any failure target is left as it was."""
    spec = source_spec()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".boundaries-") as tmp:
        sources, out = Path(tmp) / "source", Path(tmp) / "out"
        out.mkdir(parents=True)
        fetch_sources(spec, sources, mirror)
        manifest = write_layouts(sources, out, to_2012, spec)
        previous = Path(tmp) / "previous"
        if target.exists():
            target.rename(previous)
        out.rename(target)
    return manifest


def publish(built: Path, static: Path) -> None:
    """Copy the built map files to the folder the web server serves (with their licence)."""
    static.mkdir(parents=True, exist_ok=True)
    for name in [*(f"provinces_{layout}.geojson" for layout in LAYOUTS), "LICENSE"]:
        staged = static / f".{name}.tmp"
        shutil.copyfile(built / name, staged)
        staged.replace(static / name)


def load_geojson(folder: Path, layout: int) -> dict | None:
    path = folder / f"provinces_{layout}.geojson"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

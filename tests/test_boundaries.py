"""The built province maps: complete, valid, gap-free, clockwise, small; and a safe build."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
import shapely
from shapely.geometry import shape

from inklusi.store import boundaries, reference

MAX_GEOJSON_BYTES = 250_000


@pytest.fixture(scope="module", params=[38, 34])
def layout(request, build_dir):
    path = build_dir / "boundaries" / f"provinces_{request.param}.geojson"
    features = json.loads(path.read_text())["features"]
    return request.param, path, features


def test_every_province_of_the_layout_has_one_shape(layout, provinces):
    size, _, features = layout
    ids = [f["id"] for f in features]
    expected = set(provinces["kode"]) if size == 38 else set(provinces["kode_2012"])
    assert len(ids) == len(set(ids)) == size
    assert set(ids) == expected


def test_every_value_joins_a_shape_of_its_layout(layout, values):
    size, _, features = layout
    ids = {f["id"] for f in features}
    placed = set(values[(values.layout == size) & (values.province != "ID")].province)
    assert placed <= ids


def test_shapes_are_valid_clockwise_and_leave_no_gaps(layout):
    _, _, features = layout
    geoms = np.array([shape(f["geometry"]) for f in features])
    assert shapely.is_valid(geoms).all()
    # Straits narrower than 0.002 degrees exist in the full-detail source; slivers of 50 m would not.
    assert shapely.coverage_is_valid(geoms, gap_width=0.0005), "gaps or overlaps between neighbours"
    for geom in geoms:
        for polygon in shapely.get_parts(geom):
            assert not polygon.exterior.is_ccw, "plotly fills only clockwise exterior rings"


def test_national_map_is_small_enough(build_dir):
    size = (build_dir / "boundaries" / "provinces_38.geojson").stat().st_size
    manifest = json.loads((build_dir / "boundaries" / "manifest.json").read_text())
    assert size <= MAX_GEOJSON_BYTES
    assert manifest["layouts"]["38"]["bytes"] == size
    assert manifest["layouts"]["38"]["vertices"] < manifest["layouts"]["38"]["vertices_full_detail"] / 4


def test_licence_travels_with_the_maps(build_dir):
    assert "MIT License" in (build_dir / "boundaries" / "LICENSE").read_text()


def test_label_points_lie_inside_their_province(build_dir):
    import pandas as pd

    labels = pd.read_csv(build_dir / "boundaries" / "labels.csv", dtype={"kode": str})
    for size in (38, 34):
        shapes = {
            f["id"]: shape(f["geometry"])
            for f in json.loads((build_dir / "boundaries" / f"provinces_{size}.geojson").read_text())["features"]
        }
        rows = labels[labels.layout == size]
        assert len(rows) == size
        for row in rows.itertuples():
            assert shapes[row.kode].buffer(0.05).contains(shapely.Point(row.lng, row.lat)), row.kode


@pytest.fixture
def mirror(tmp_path):
    """A writable copy of the boundary mirror (INKLUSI_BOUNDARY_MIRROR, or the cached download)."""
    from inklusi import config

    source = config.boundary_mirror()
    if source is None:
        pytest.skip("INKLUSI_BOUNDARY_MIRROR is not set")
    copy = tmp_path / "mirror"
    shutil.copytree(source, copy)
    return copy


def test_a_mismatched_file_is_refused_and_nothing_changes(mirror, tmp_path):
    target = tmp_path / "build" / "boundaries"
    target.mkdir(parents=True)
    (target / "previous.txt").write_text("the earlier build")
    bad = mirror / "db" / "prov" / "wilayah_boundaries_prov_3.sql"
    bad.write_bytes(bad.read_bytes().replace(b"Jawa Barat", b"Jawa Barag", 1))
    with pytest.raises(boundaries.BoundaryError, match="wilayah_boundaries_prov_3.sql: SHA-256"):
        boundaries.build_boundaries(target, mirror, reference.to_2012())
    assert [p.name for p in target.iterdir()] == ["previous.txt"]
    assert [p.name for p in target.parent.iterdir()] == ["boundaries"], "no half-built folder left"


def test_a_missing_file_is_named(mirror, tmp_path):
    (mirror / "db" / "prov" / "wilayah_boundaries_prov_8.sql").unlink()
    with pytest.raises(boundaries.BoundaryError, match="wilayah_boundaries_prov_8.sql: cannot read"):
        boundaries.build_boundaries(tmp_path / "out" / "boundaries", mirror, reference.to_2012())
    assert not (tmp_path / "out" / "boundaries").exists()


def test_parser_tolerates_uneven_rows(tmp_path):
    (tmp_path / "db" / "prov").mkdir(parents=True)
    square = "[[[[0,100],[0,101],[1,101],[1,100],[0,100]]]]"
    polygon = "[[[2,102],[2,103],[3,103],[3,102],[2,102]]]"  # a bare Polygon, as province 95 is given
    rows = [f"('{k:02d}','P{k}',0.5, 100.5,'{square}')" for k in range(1, 38)]
    rows.append(f" \t( '95' ,'Papua Pegunungan',2.5,102.5 , '{polygon}' )")
    (tmp_path / "db" / "prov" / "x.sql").write_text("INSERT INTO t VALUES\n" + ",\n".join(rows) + ";")
    parsed = boundaries.parse_sources(tmp_path)
    assert len(parsed) == 38
    last = parsed.set_index("kode").loc["95", "geometry"]
    assert last.bounds == (102.0, 2.0, 103.0, 3.0), "coordinates are [lat, lng] in the source"

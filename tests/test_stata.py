"""The Stata export: every page's .dta reads back in pandas with the values of the CSV export,
the dictionary's labels and the coded columns' value labels; ReadStat (pyreadstat), a reader
independent of pandas, finds the same labels and the notes with the sources."""

from __future__ import annotations

import io

import pandas as pd
import pyreadstat
import pytest

from inklusi.config import DATA_DIR
from inklusi.export import files, metadata, stata
from inklusi.export.view import View
from inklusi.site import registry
from tests.exported import read_back, same

EXPORTS = [(page.name, scope) for page in registry.exported() for scope in files.SCOPES]


def dictionary() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "dictionary.csv", dtype=str).set_index("column")


def labels(data: bytes) -> tuple[dict, dict]:
    with pd.io.stata.StataReader(io.BytesIO(data)) as reader:
        reader.read()
        return reader.variable_labels(), reader.value_labels()


@pytest.mark.parametrize("page, scope", EXPORTS)
def test_every_page_exports_a_stata_file_with_the_csv_values_and_labels(run, state_of, page, scope):
    view = files.build(run, page, state_of(province="53"), scope)
    data = files.encode(view, "dta", "en")
    back = read_back(data, "dta", view.frame)
    for column in [c for c in back.columns if pd.api.types.is_datetime64_any_dtype(back[c])]:
        back[column] = back[column].dt.strftime("%Y-%m-%d")  # a date as the CSV writes it
    same(back, read_back(files.encode(view, "csv"), "csv", view.frame))
    variable, value = labels(data)
    described = dictionary()
    whole = {c: described.loc[c, "description_en"] for c in view.frame.columns}
    assert variable == {c: d if len(d) <= 80 else d[:79] + "…" for c, d in whole.items()}  # Stata's limit
    for column in set(stata.CODED) & set(view.frame.columns):
        assert set(view.frame[column].dropna()) <= set(value[column].values()), column


def test_labels_in_indonesian_and_codes_from_the_province_table(run, state_of, values, provinces, tmp_path):
    view = files.build(run, "overview", state_of(indicator="imdi", year=2025), "view")
    data = files.encode(view, "dta", "id")
    variable, value = labels(data)
    assert variable["pulau"] == "Kelompok pulau" and variable["value"] == dictionary().loc["value", "description_id"]
    island_groups = list(dict.fromkeys(provinces["pulau"]))  # west to east, as in data/provinces.csv
    assert value["pulau"] == {i + 1: name for i, name in enumerate(island_groups)}
    assert value["zona_waktu"] == {1: "WIB", 2: "WITA", 3: "WIT"}
    codes = pd.read_stata(io.BytesIO(data), convert_categoricals=False)
    assert codes["pulau"].tolist() == [island_groups.index(p) + 1 for p in view.frame["pulau"]]

    path = tmp_path / "view.dta"
    path.write_bytes(data)
    frame, meta = pyreadstat.read_dta(str(path))
    assert meta.column_names_to_labels["pulau"] == "Kelompok pulau"
    assert meta.variable_value_labels["zona_waktu"] == {1: "WIB", 2: "WITA", 3: "WIT"}
    assert meta.file_label.startswith("Inklusi: inklusi-overview-view-imdi-2025")
    notes = "\n".join(meta.notes)
    catalogue = pd.read_csv(DATA_DIR / "sources.csv", dtype=str).set_index("id")
    for source in set(values[(values.indicator == "imdi") & (values.year == 2025) & (values.province != "ID")].source):
        assert f"{catalogue.loc[source, 'publisher']} ({catalogue.loc[source, 'year']})" in notes
    assert "Statistik resmi pemerintah" in notes and "indicator_by_province" in notes
    assert frame["value"].tolist() == pytest.approx(view.frame["value"].tolist(), nan_ok=True)


def test_a_label_longer_than_stata_allows_is_cut_and_kept_whole_in_the_notes(monkeypatch, tmp_path):
    long = "A description of a value that is longer than the eighty characters Stata keeps in a label"
    table = pd.DataFrame([{"column": "value", "description_en": long, "unit_en": "points", "source": "test"}]).assign(
        description_id=long, unit_id="poin"
    )
    monkeypatch.setattr(metadata, "dictionary", lambda: table)
    path = tmp_path / "long.dta"
    path.write_bytes(files.encode(View("", {}, pd.DataFrame({"value": [1.5, 2.5]})), "dta", "en"))
    _, meta = pyreadstat.read_dta(str(path))
    label = meta.column_names_to_labels["value"]
    assert len(long) > 80 and len(label) == 80 and label == long[:79] + "…"
    assert f"value: {long} (points; test)" in meta.notes


def test_dates_and_true_false_columns(run, state_of, build_dir):
    view = files.build(run, "sectors", state_of(), "all")
    back = pd.read_stata(io.BytesIO(files.encode(view, "dta", "en")))
    records = pd.read_parquet(build_dir / "mentoring.parquet")
    assert back["start_date"].dt.strftime("%Y-%m-%d").tolist() == records["start_date"].astype(str).tolist()
    assert back["completed"].tolist() == records["completed"].astype(int).tolist()


def test_reliability_and_flags_are_labelled_codes(run, state_of, tmp_path):
    """BPS's unreliable estimates (e-commerce 2024: Papua Tengah and Papua Pegunungan) keep their
    mark in Stata as a labelled code, and every flag of the data has its label."""
    view = files.build(run, "overview", state_of(indicator="ecommerce_usaha", year=2024), "view")
    path = tmp_path / "ecommerce.dta"
    path.write_bytes(files.encode(view, "dta", "en"))
    frame, meta = pyreadstat.read_dta(str(path), apply_value_formats=True)
    assert meta.variable_value_labels["reliability"] == {1: "reliable", 2: "unreliable", 3: "not_stated"}
    unreliable = set(frame.loc[frame["reliability"] == "unreliable", "province"])
    assert (
        unreliable == set(view.frame.loc[view.frame["reliability"] == "unreliable", "province"]) == {"94", "95"}
    )  # RSE 27.11 and 32.77 %
    flags = set(pd.read_csv(DATA_DIR / "values.csv", dtype=str)["flag"]) | {"derived"}
    assert flags <= set(stata.FLAGS)

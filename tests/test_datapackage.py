"""The data package export: every page's package passes `frictionless validate`, and it carries
what the data dictionary, the source catalogue and the query say, checked from the files."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import frictionless
import pandas as pd
import pytest

from inklusi.config import DATA_DIR
from inklusi.export import files
from inklusi.site import registry

EXPORTS = [(page.name, scope) for page in registry.exported() for scope in files.SCOPES]
LICENCES = {"official": "other-at", "press": "other-at", "private-index": "other-at", "synthetic": "notspecified"}


def dictionary() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "dictionary.csv", dtype=str).set_index("column")


def unpacked(data: bytes) -> tuple[dict, dict[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = {name: package.read(name) for name in package.namelist()}
    return json.loads(members.pop("datapackage.json")), members


@pytest.mark.parametrize("page, scope", EXPORTS)
def test_every_page_exports_a_package_that_frictionless_validates(run, state_of, tmp_path, page, scope):
    view = files.build(run, page, state_of(province="53"), scope)
    data = files.encode(view, "datapackage", "en")
    path = tmp_path / files.file_name(view, "datapackage")
    path.write_bytes(data)
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]

    package, members = unpacked(data)
    rows = package["resources"][0]
    assert members[rows["path"]] == files.encode(view, "csv"), "the same bytes as the CSV export"
    assert rows["hash"] == "sha256:" + hashlib.sha256(members[rows["path"]]).hexdigest()
    schema = rows["schema"]
    assert [f["name"] for f in schema["fields"]] == list(view.frame.columns)
    described = dictionary()
    for f in schema["fields"]:
        assert (
            f["title"] == described.loc[f["name"], "description_en"]
            and f["unit"] == described.loc[f["name"], "unit_en"]
        )
    assert schema["primaryKey"] and not view.frame.duplicated(schema["primaryKey"]).any()
    assert ("foreignKeys" in schema) == ("province" in view.frame.columns)


def test_types_follow_the_columns(run, state_of):
    view = files.build(run, "sectors", state_of(), "all")
    package, _ = unpacked(files.encode(view, "datapackage", "en"))
    types = {f["name"]: f["type"] for f in package["resources"][0]["schema"]["fields"]}
    assert types["id"] == "string" and types["year"] == "integer" and types["pre_score"] == "integer"
    assert types["post_score"] == "integer" and types["completed"] == "boolean" and types["start_date"] == "date"
    view = files.build(run, "overview", state_of(indicator="imdi", year=2024), "view")
    package, _ = unpacked(files.encode(view, "datapackage", "en"))
    types = {f["name"]: f["type"] for f in package["resources"][0]["schema"]["fields"]}
    assert types["value"] == "number" and types["province"] == "string" and types["rank"] == "integer"


def test_the_package_cites_the_sources_of_its_rows_with_their_terms(run, state_of, values, provinces):
    view = files.build(run, "overview", state_of(indicator="ild", year=2021), "view")
    package, members = unpacked(files.encode(view, "datapackage", "id"))
    catalogue = pd.read_csv(DATA_DIR / "sources.csv", dtype=str).set_index("id")
    used = sorted(set(values[(values.indicator == "ild") & (values.year == 2021) & (values.province != "ID")].source))
    assert [s["id"] for s in package["inklusi"]["sources"]] == used == ["ild_2021", "kompas_ild_2021"]
    for source, listed in zip(used, package["sources"], strict=True):
        assert listed["title"].startswith(f"{catalogue.loc[source, 'publisher']} ({catalogue.loc[source, 'year']}).")
        assert listed["path"] == catalogue.loc[source, "published_at"]
        assert (
            listed["terms"]
            == {
                "official": "Statistik resmi pemerintah: boleh dipakai dengan menyebut sumber",
                "press": "Angka resmi dikutip media: angka dipakai dengan menyebut sumber; teks "
                "artikel dilindungi hak cipta",
            }[catalogue.loc[source, "terms"]]
        )
    terms = list(dict.fromkeys(catalogue.loc[used, "terms"]))
    assert [licence["name"] for licence in package["licenses"]] == [LICENCES[term] for term in terms]
    assert package["licenses"][0]["title"].startswith("Statistik resmi pemerintah")  # in the chosen language
    fields = package["resources"][0]["schema"]["fields"]
    assert fields[0]["title"] == dictionary().loc[fields[0]["name"], "description_id"]
    assert package["inklusi"]["query"]["name"] == "indicator_by_province"
    assert package["inklusi"]["query"]["parameters"] == {"indicator": "ild", "year": 2021}
    assert "select" in package["inklusi"]["query"]["sql"] and "exported_at" not in package["inklusi"]

    table = pd.read_csv(io.BytesIO(members["provinces.csv"]), dtype=str, keep_default_na=False)
    assert table["kode"].tolist() == [*provinces["kode"], "ID"]  # every province and the national row
    assert package["resources"][1]["schema"]["primaryKey"] == ["kode"]


def test_synthetic_records_say_so_and_state_no_licence(run, state_of):
    view = files.build(run, "sectors", state_of(sector="tekstil"), "view")
    package, _ = unpacked(files.encode(view, "datapackage", "en"))
    assert "synthetic" in package["description"] and package["inklusi"]["synthetic"]
    assert package["licenses"] == [
        {"name": "notspecified", "title": "Synthetic records generated by Inklusi: the repository states no licence"}
    ]


def test_the_sidecar_and_the_package_describe_the_view_alike(run, state_of):
    view = files.build(run, "targeting", state_of(), "view")
    data = files.encode(view, "datapackage", "en")
    package, _ = unpacked(data)
    meta = files.sidecar(view, "datapackage", data, lang="en", url="http://localhost:8501/targeting")
    assert package["inklusi"] == {key: meta[key] for key in package["inklusi"]}
    assert meta["file"]["sha256"] == hashlib.sha256(data).hexdigest() and meta["file"]["name"].endswith(".zip")


def test_a_changed_file_fails_validation(run, state_of, tmp_path):
    """The validation is real: a value changed after export breaks the recorded SHA-256."""
    view = files.build(run, "overview", state_of(indicator="imdi", year=2025), "view")
    package, members = unpacked(files.encode(view, "datapackage", "en"))
    name = package["resources"][0]["path"]
    members[name] = members[name].replace(b"44.53", b"44.54")
    path = tmp_path / "changed.zip"
    with zipfile.ZipFile(path, "w") as changed:
        for member, content in {"datapackage.json": json.dumps(package).encode(), **members}.items():
            changed.writestr(member, content)
    report = frictionless.validate(str(path))
    assert not report.valid and "hash-count" in {error[0] for error in report.flatten(["type"])}

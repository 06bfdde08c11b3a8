"""Every value in data/values.csv equals its reference copy, except the documented corrections.

The reference tables are read here with plain pandas and a name table of this test's own,
independently of how data/values.csv was made.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

# The values the project changed on purpose (see data/corrections.csv), as they must now read.
CORRECTED = {
    ("ild", 2021, "14"): 3.35,
    ("ild", 2022, "91"): 3.55,
    ("ild", 2022, "92"): 3.62,
    ("internet_rt_perdesaan", 2022, "31"): None,
}
SPELLINGS = {
    "SUMATRA UTARA": "12",
    "SUMATRA BARAT": "13",
    "SUMATRA SELATAN": "16",
    "BANGKA BELITUNG": "19",
    "KEP. BANGKA BELITUNG": "19",
    "KEP. RIAU": "21",
    "DI YOGYAKARTA (DIY)": "34",
    "INDONESIA": "ID",
}
IMDI_COLUMNS = {
    "imdi": "imdi",
    "Pilar Infratrukstur dan Ekosistem": "imdi_infrastruktur",
    "Pilar Keterampilan Digital": "imdi_keterampilan",
    "Pilar Literasi Digital": "imdi_literasi",
    "Pilar Pemberdayaan": "imdi_pemberdayaan",
    "Pilar Pekerjaan": "imdi_pekerjaan",
    "Subpilar Akses dan Adopsi Teknologi Digital": "imdi_infrastruktur_akses",
    "Subpilar Ekosistem Pembelajaran": "imdi_infrastruktur_pembelajaran",
    "Subpilar Digitalisasi Pemerintah": "imdi_infrastruktur_pemerintah",
    "Subpilar Komplementaritas": "imdi_keterampilan_komplementaritas",
    "Subpilar Pengenalan TIK": "imdi_keterampilan_pengenalan_tik",
    "Subpilar Keamanan": "imdi_keterampilan_keamanan",
    "Subpilar Literasi Digital Dasar": "imdi_literasi_dasar",
    "Subpilar Keamanan Digital": "imdi_literasi_keamanan",
    "Subpilar Etika Digital": "imdi_literasi_etika",
    "Subpilar Pengguna/Konsumen": "imdi_pemberdayaan_konsumen",
    "Subpilar Penyedia/Penjual": "imdi_pemberdayaan_penjual",
    "Subpilar Retail/E-Commerce": "imdi_pemberdayaan_retail",
    "Subpilar Keuangan Digital": "imdi_pemberdayaan_keuangan",
    "Subpilar Layanan dan Kreasi Produk Digital": "imdi_pemberdayaan_layanan",
    "Subpilar Permintaan": "imdi_pekerjaan_permintaan",
    "Subpilar Penawaran": "imdi_pekerjaan_penawaran",
}


@pytest.fixture(scope="module")
def code_of(provinces):
    names = {
        n.upper(): k for col in ("nama", "nama_resmi") for n, k in zip(provinces[col], provinces["kode"], strict=True)
    }
    names.update(SPELLINGS)
    return lambda name: names[name.strip().upper()]


@pytest.fixture(scope="module")
def bps(provinces):
    return dict(zip(provinces["kode_bps"], provinces["kode"], strict=True))


def read(reference_dir, name):
    return pd.read_csv(reference_dir / "literacy" / name, dtype=str, keep_default_na=False)


def number(text):
    return None if text in ("", "-") else float(text)


def compare(values, expected: dict, indicators: set, years: set):
    """The curated rows of these indicators and years are exactly the expected ones."""
    mine = values[values.indicator.isin(indicators) & values.year.isin(years)]
    actual = {(r.indicator, r.year, r.province): (None if pd.isna(r.value) else r.value) for r in mine.itertuples()}
    for key, published in expected.items():
        want = CORRECTED.get(key, published) if key in CORRECTED else published
        if want is None:
            if key in CORRECTED:
                assert key in actual and actual[key] is None, key
            else:
                assert key not in actual, f"{key} should stay out"
            continue
        assert key in actual, f"{key} is missing"
        assert math.isclose(actual[key], want, abs_tol=1e-9), (key, actual[key], want)
    extra = set(actual) - {k for k, v in expected.items() if v is not None or k in CORRECTED}
    assert not extra, f"values without a reference: {sorted(extra)[:5]}"


@pytest.mark.parametrize("year", [2022, 2023, 2024, 2025])
def test_imdi(reference_dir, values, bps, year):
    table = read(reference_dir, f"imdi_{year}_provinsi_pilar_subpilar.csv")
    expected = {}
    for row in table.to_dict("records"):
        if not row["provinsi"]:
            continue  # the unnamed 2023 row is not a province
        for column, text in row.items():
            key = column.split("|")[-1].strip()
            if key in IMDI_COLUMNS:
                expected[(IMDI_COLUMNS[key], year, bps[row["kode_provinsi"]])] = number(text)
    national = read(reference_dir, "imdi_nasional_pilar.csv").set_index("tahun").loc[str(year)]
    skills = "imdi_literasi" if year == 2025 else "imdi_keterampilan"
    for column, indicator in [
        ("imdi", "imdi"),
        ("pilar_infrastruktur_ekosistem", "imdi_infrastruktur"),
        ("pilar_keterampilan_atau_literasi_digital", skills),
        ("pilar_pemberdayaan", "imdi_pemberdayaan"),
        ("pilar_pekerjaan", "imdi_pekerjaan"),
    ]:
        expected[(indicator, year, "ID")] = number(national[column])
    compare(values, expected, set(IMDI_COLUMNS.values()), {year})


def test_ild(reference_dir, values, code_of, bps):
    expected = {}
    for row in read(reference_dir, "ild_2021_provinsi_githubcopy.csv").to_dict("records"):
        expected[("ild", 2021, code_of(row["provinsi"]))] = number(row["indeks_literasi_digital_2021"])
    for row in read(reference_dir, "ild_2022_provinsi_opendata_copy.csv").to_dict("records"):
        code = bps[row["kode_provinsi"]]
        assert code_of(row["nama_provinsi"]) == code
        expected[("ild", 2022, code)] = number(row["indeks_literasi_digital"])
    national = read(reference_dir, "ild_nasional_pilar_2020_2022.csv").set_index("tahun")
    pillars = {
        "digital_culture": "budaya",
        "digital_safety": "keamanan",
        "digital_skill": "kecakapan",
        "digital_ethics": "etika",
    }
    for year in (2021, 2022):
        expected[("ild", year, "ID")] = number(national.loc[str(year), "indeks_literasi_digital"])
        for column, pillar in pillars.items():
            expected[(f"ild_{pillar}", year, "ID")] = number(national.loc[str(year), column])
    compare(values, expected, {"ild"} | {f"ild_{p}" for p in pillars.values()}, {2021, 2022})

    subindices = {
        "subindeks_informasi_literasi_data": "ild_2020_informasi",
        "subindeks_komunikasi_kolaborasi": "ild_2020_komunikasi",
        "subindeks_keamanan": "ild_2020_keamanan",
        "subindeks_kemampuan_teknologi": "ild_2020_teknologi",
        "indeks_literasi_digital_2020": "ild_2020",
    }
    expected = {}
    for row in read(reference_dir, "ild_2020_provinsi_subindeks_githubcopy.csv").to_dict("records"):
        for column, indicator in subindices.items():
            expected[(indicator, 2020, code_of(row["provinsi"]))] = number(row[column])
    expected[("ild_2020", 2020, "ID")] = number(national.loc["2020", "indeks_literasi_digital"])
    compare(values, expected, set(subindices.values()), {2020})


def test_iptik(reference_dir, values, code_of, bps):
    expected = {}
    for row in read(reference_dir, "bps_iptik_2019_2020_provinsi_githubcopy.csv").to_dict("records"):
        code = bps.get(row["kode_provinsi"], "ID")
        for year in (2019, 2020):
            expected[("iptik", year, code)] = number(row[f"iptik_{year}"])
    parts = {
        "akses_infrastruktur": "iptik_akses",
        "penggunaan": "iptik_penggunaan",
        "keahlian": "iptik_keahlian",
        "iptik": "iptik",
    }
    for row in read(reference_dir, "bps_iptik_2021_2022_provinsi_subindeks_githubcopy.csv").to_dict("records"):
        code = bps.get(row["kode_provinsi"], "ID")
        for year in (2021, 2022):
            for column, indicator in parts.items():
                expected[(indicator, year, code)] = number(row[f"{column}_{year}"])
    for row in read(reference_dir, "bps_iptik_2023_2024_provinsi_databoks.csv").to_dict("records"):
        for year in (2023, 2024):
            expected[("iptik", year, code_of(row["provinsi"]))] = number(row[f"iptik_{year}"])
    compare(values, expected, set(parts.values()), set(range(2019, 2025)))


def test_iptik_2024_agrees_with_the_second_copy(reference_dir, values, code_of):
    """SOURCES.md: the 2024 values equal, digit for digit, the iptik column of the QRIS file."""
    for row in read(reference_dir, "bps_iptik2024_umk_qris_provinsi_githubcopy.csv").to_dict("records"):
        mine = values[
            (values.indicator == "iptik") & (values.year == 2024) & (values.province == code_of(row["provinsi"]))
        ]
        assert mine.value.iloc[0] == float(row["iptik"])


def test_internet_and_shopping(reference_dir, values, code_of):
    expected = {}
    for row in read(reference_dir, "bps_rt_akses_internet_2022_provinsi_copy.csv").to_dict("records"):
        code = code_of(row["provinsi"])
        for column, indicator in [
            ("perkotaan_2022", "internet_rt_perkotaan"),
            ("perdesaan_2022", "internet_rt_perdesaan"),
            ("perkotaan_perdesaan_2022", "internet_rt"),
        ]:
            expected[(indicator, 2022, code)] = number(row[column])
    for row in read(reference_dir, "bps_penduduk_akses_internet_2023_provinsi_databoks.csv").to_dict("records"):
        expected[("internet_penduduk", 2023, code_of(row["provinsi"]))] = number(
            row["pct_penduduk_5plus_akses_internet_2023"]
        )
    for row in read(reference_dir, "bps_belanja_online_2023_provinsi_databoks.csv").to_dict("records"):
        expected[("belanja_online", 2023, code_of(row["provinsi"]))] = number(
            row["pct_pengguna_internet_belanja_online_2023"]
        )
    compare(
        values,
        expected,
        {"internet_rt", "internet_rt_perkotaan", "internet_rt_perdesaan", "internet_penduduk", "belanja_online"},
        {2022, 2023},
    )


def test_evdci(reference_dir, values, bps, code_of):
    expected = {}
    for row in read(reference_dir, "evdci_indeks_daya_saing_digital_provinsi_2020_2024_opendata_copy.csv").to_dict(
        "records"
    ):
        code = bps[row["kode_provinsi"]]
        assert code_of(row["nama_provinsi"]) == code
        expected[("evdci", int(row["tahun"]), code)] = number(row["indeks_daya_saing_digital"])
    compare(values, expected, {"evdci"}, set(range(2020, 2025)))

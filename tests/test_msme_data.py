"""The real MSME figures (BPS e-commerce 2023-2024, micro and small manufacturing 2025, national
series): every value against its reference copy in ../shared/reference/msme, the derived values
recomputed with pandas, the published checks of SOURCES.md, the Papua provinces joined by
name, the unreliable estimates marked and the withheld cells missing.

The reference tables are read with plain pandas and a name table of this test's own."""

from __future__ import annotations

import pandas as pd
import pytest

from inklusi.store import queries

CHANNELS = {
    "channel_marketplace_pct": "ecommerce_marketplace",
    "channel_social_media_pct": "ecommerce_media_sosial",
    "channel_instant_messaging_pct": "ecommerce_pesan_instan",
    "channel_website_pct": "ecommerce_situs_web",
    "channel_email_pct": "ecommerce_email",
    "financial_report_have_pct": "ecommerce_laporan_keuangan",
}
IMK = {
    "imk_firms_total": "imk_usaha",
    "imk_firms_micro": "imk_mikro",
    "imk_firms_small": "imk_kecil",
    "imk_workers_total": "imk_pekerja",
    "imk_using_internet": "imk_internet",
    "imk_not_using_internet": "imk_tanpa_internet",
}
# The BPS names of the provinces created in 2022 and their Kemendagri codes (DESIGN.md), which
# differ from their BPS codes: a join on the raw code would put Papua on another shape.
PAPUA = {
    "PAPUA": "91",
    "PAPUA BARAT": "92",
    "PAPUA SELATAN": "93",
    "PAPUA TENGAH": "94",
    "PAPUA PEGUNUNGAN": "95",
    "PAPUA BARAT DAYA": "96",
}
OTHER_NAMES = {
    "D.I. YOGYAKARTA": "34",
    "DIY": "34",
    "KEP. BANGKA BELITUNG": "19",
    "BANGKA BELITUNG": "19",
    "KEP. RIAU": "21",
    "INDONESIA": "ID",
}


@pytest.fixture(scope="module")
def code_of(provinces):
    names = {
        n.upper(): k for col in ("nama", "nama_resmi") for n, k in zip(provinces[col], provinces["kode"], strict=True)
    }
    names.update(OTHER_NAMES | PAPUA)
    return lambda name: names[name.strip().upper()]


def reference(reference_dir, name: str) -> pd.DataFrame:
    return pd.read_csv(reference_dir / "msme" / name, dtype=str, keep_default_na=False)


def curated(values: pd.DataFrame, indicator: str, year: int) -> pd.Series:
    rows = values[(values.indicator == indicator) & (values.year == year)]
    return rows.set_index("province")["value"]


def test_ecommerce_2024_equals_the_reference(reference_dir, values, code_of):
    copy = reference(reference_dir, "bps_ecommerce_2024_provinsi.csv").assign(
        province=lambda f: f.province.map(code_of)
    )
    assert len(copy) == 39 and set(PAPUA.values()) <= set(copy.province)
    counts = curated(values, "ecommerce_usaha", 2024)
    rse = values[(values.indicator == "ecommerce_usaha") & (values.year == 2024)].set_index("province")["rse"]
    for row in copy.itertuples():
        assert counts[row.province] == float(row.ecommerce_businesses), row.province
        assert rse[row.province] == float(row.ecommerce_businesses_rse_pct), row.province
        for column, indicator in CHANNELS.items():
            assert curated(values, indicator, 2024)[row.province] == float(getattr(row, column)), (indicator, row)


def test_ecommerce_2023_equals_the_reference_and_withheld_cells_stay_missing(reference_dir, values, code_of):
    copy = reference(reference_dir, "bps_ecommerce_2023_provinsi.csv").assign(
        province=lambda f: f.province.map(code_of)
    )
    shares = curated(values, "ecommerce_pangsa_provinsi", 2023)
    for row in copy[copy.province != "ID"].itertuples():
        assert shares[row.province] == float(row.share_of_national_ecommerce_businesses_pct)
    for row in copy.itertuples():
        for column, indicator in CHANNELS.items():
            published = getattr(row, column)
            value = curated(values, indicator, 2023)[row.province]
            assert pd.isna(value) if published == "" else value == float(published), (indicator, row.province)
    withheld = values[(values.year == 2023) & (values.flag == "withheld")]
    assert set(withheld.province) == {PAPUA["PAPUA TENGAH"], PAPUA["PAPUA PEGUNUNGAN"]}
    assert len(withheld) == 2 * len(CHANNELS) and withheld.value.isna().all()


def test_the_2023_shares_sum_to_100(values):
    shares = curated(values, "ecommerce_pangsa_provinsi", 2023)
    assert len(shares) == 38 and shares.sum() == pytest.approx(100, abs=0.05)


def test_the_38_counts_sum_to_one_more_than_the_printed_national_total(values):
    counts = curated(values, "ecommerce_usaha", 2024)
    assert counts.drop("ID").sum() == 4_400_973 and counts["ID"] == 4_400_972  # documented, not adjusted


def test_imk_2025_equals_the_reference(reference_dir, values, code_of):
    copy = reference(reference_dir, "bps_imk_internet_provinsi_2025.csv").assign(
        province=lambda f: f.province.map(code_of)
    )
    assert len(copy) == 38 and copy.province.nunique() == 38
    for column, indicator in IMK.items():
        mine = curated(values, indicator, 2025)
        assert {k: mine[k] for k in copy.province} == {
            k: float(v) for k, v in zip(copy.province, copy[column], strict=True)
        }, indicator


def test_the_derived_internet_share_is_recomputed_from_the_two_counts(reference_dir, con, code_of):
    copy = reference(reference_dir, "bps_imk_internet_provinsi_2025.csv").assign(
        province=lambda f: f.province.map(code_of)
    )
    using, not_using = copy.imk_using_internet.astype(float), copy.imk_not_using_internet.astype(float)
    expected = dict(zip(copy.province, 100 * using / (using + not_using), strict=True))
    got = queries.run(con, "indicator_by_province", {"indicator": "imk_internet_persen", "year": 2025})
    assert dict(zip(got.province, got.value, strict=True)) == pytest.approx(expected)
    assert (got.flag == "derived").all() and got.national.isna().all()  # no national value is made up
    rounded = dict(zip(copy.province, copy.internet_use_pct_DERIVED.astype(float), strict=True))
    assert {k: round(v, 2) for k, v in expected.items()} == rounded


def test_ecommerce_per_1000_people_is_recomputed_on_the_34_province_layout(reference_dir, con, code_of, provinces):
    counts = reference(reference_dir, "bps_ecommerce_2024_provinsi.csv")
    counts = counts[counts.province != "Indonesia"].assign(code=lambda f: f.province.map(code_of))
    parent = dict(zip(provinces.kode, provinces.kode_2012, strict=True))
    summed = (
        counts.assign(parent=counts.code.map(parent))
        .groupby("parent")
        .ecommerce_businesses.apply(lambda c: c.astype(float).sum())
    )
    population = pd.read_csv(reference_dir / "literacy" / "bps_iptik2024_umk_qris_provinsi_githubcopy.csv")
    population = population.assign(code=population.provinsi.map(code_of)).set_index("code")["jumlah_penduduk (ribuan)"]
    expected = (summed / population).dropna().to_dict()
    got = queries.run(con, "indicator_by_province", {"indicator": "ecommerce_per_1000", "year": 2024})
    assert set(got.layout) == {34} and len(got) == 34
    assert dict(zip(got.province, got.value, strict=True)) == pytest.approx(expected)
    papua = got.set_index("province").loc["91"]
    assert papua.reliability == "unreliable" and pd.isna(papua.rse)  # it sums Papua Tengah and Papua Pegunungan


def test_exactly_the_estimates_bps_calls_unreliable_are_marked(con):
    got = queries.run(con, "indicator_by_province", {"indicator": "ecommerce_usaha", "year": 2024})
    unreliable = got[got.reliability == "unreliable"]
    assert set(unreliable.province) == {PAPUA["PAPUA TENGAH"], PAPUA["PAPUA PEGUNUNGAN"]}
    assert set(unreliable.rse) == {27.11, 32.77}
    assert (got.loc[got.reliability == "reliable", "rse"] <= 25).all()
    shares = queries.run(con, "indicator_by_province", {"indicator": "ecommerce_pangsa_provinsi", "year": 2023})
    assert set(shares.loc[shares.reliability == "unreliable", "province"]) == {"94", "95"}


def test_the_papua_provinces_join_by_name_not_by_their_bps_codes(reference_dir, con, provinces):
    copy = reference(reference_dir, "bps_ecommerce_2024_provinsi.csv").set_index("province")
    got = queries.run(con, "indicator_by_province", {"indicator": "ecommerce_usaha", "year": 2024}).set_index(
        "province"
    )
    by_bps_code = dict(zip(provinces.kode_bps, provinces.kode, strict=True))
    for name, kode in PAPUA.items():
        assert got.loc[kode, "nama"].upper() == name
        assert got.loc[kode, "value"] == float(copy.loc[name.title(), "ecommerce_businesses"])
    assert by_bps_code["94"] == "91" and got.loc["94", "nama"] == "Papua Tengah"  # BPS 94 is Papua, not Papua Tengah


def test_the_national_series_equals_the_reference(reference_dir, values):
    copy = reference(reference_dir, "bps_ecommerce_nasional_indikator.csv")
    named = {
        "ecommerce_businesses": "ecommerce_usaha",
        "share_of_businesses_doing_ecommerce": "ecommerce_pangsa_usaha",
        "ecommerce_businesses_with_financial_reports": "ecommerce_laporan_keuangan",
    }
    channel = {
        "marketplace": "ecommerce_marketplace",
        "social_media": "ecommerce_media_sosial",
        "instant_messaging": "ecommerce_pesan_instan",
        "website": "ecommerce_situs_web",
        "email": "ecommerce_email",
    }
    national = values[values.province == "ID"].set_index(["indicator", "year"])["value"]
    checked = 0
    for row in copy.itertuples():
        indicator = named.get(row.indicator) or (
            channel.get(row.category) if row.indicator == "sales_channel_share_of_ecommerce_businesses" else None
        )
        if indicator:
            assert national[(indicator, int(row.data_year))] == float(row.value), (indicator, row.data_year)
            checked += 1
    assert checked == 32  # 5 counts, 3 shares of all businesses, 4 financial reports, 5 channels x 4 years
    assert national[("ecommerce_usaha", 2024)] / national[("ecommerce_usaha", 2023)] - 1 == pytest.approx(
        0.153, abs=0.001
    )


def test_the_national_breakdowns_equal_the_reference(reference_dir, con):
    copy = reference(reference_dir, "bps_ecommerce_nasional_indikator.csv")
    reasons = copy[copy.indicator == "reason_not_doing_ecommerce_share_of_non_ecommerce_businesses"]
    got = queries.run(con, "msme_national", {"topic": "reasons_offline"})
    assert sorted(got.value) == sorted(float(v) for v in reasons.value)
    knowledge = got[got.category == "kurang_pengetahuan"].set_index("year")["value"]
    assert knowledge.to_dict() == {2021: 21.46, 2023: 28.96}
    kbli = reference(reference_dir, "bps_imk_internet_kbli_PARTIAL.csv")
    kbli = kbli[(kbli.year == "2021") & (kbli.area == "Indonesia")]
    imk = queries.run(con, "msme_national", {"topic": "imk_internet_kbli"})
    assert dict(zip(imk.kbli, imk.value, strict=True)) == {
        k.split(" ")[0]: float(v) for k, v in zip(kbli.kbli_2digit, kbli.value, strict=True)
    }


def test_the_programme_facts_equal_the_reference_and_the_records(reference_dir, con):
    copy = reference(reference_dir, "kominfo_umkm_mentoring_programme.csv")
    facts = queries.run(con, "programme_facts").set_index(["year", "fact"])["value"]
    published = {(int(r.year), r.indicator): float(r.value) for r in copy.itertuples() if r.year.isdigit()}
    assert facts[(2021, "participants")] == published[(2021, "umkm_mentored_to_sell_online")] == 26_000
    assert facts[(2022, "participants")] == 30_000
    assert facts[(2022, "facilitators")] == published[(2022, "facilitators_trained_ToT_2_weeks")] == 165
    assert facts[(2022, "online_trainings")] == published[(2022, "online_trainings")] == 369
    years = queries.run(con, "mentoring_by_year").set_index("year")["participants"]
    assert years.to_dict() == {2021: 26_000, 2022: 30_000}


def test_the_2022_areas_are_the_primary_sources_with_jawa_timur_an_open_question(reference_dir, con, code_of):
    areas = queries.run(con, "mentoring_areas")
    mine = areas[areas.year == 2022]
    lists = reference(reference_dir, "kominfo_kawasan_prioritas_lists.csv")
    thirteen = {code_of(p) for p in lists[lists.list.str.startswith("13 kawasan")].province_as_written}
    assert {"61", "91", "92"} <= set(mine.province)  # Kalimantan Barat, Papua, Papua Barat (terms of reference)
    assert set(mine.province) - thirteen == {"35"}  # Jawa Timur, absent from the 13-province list
    assert mine.loc[mine.province == "35", "area_assumed"].all()

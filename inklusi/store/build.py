"""The build step: check the curated tables, write columnar files, generate the records.

Everything the app reads comes from here: data/*.csv checked and typed into Parquet,
the synthetic mentoring records, and the province map files.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from inklusi.config import DATA_DIR, STATIC_MAPS
from inklusi.errors import InklusiError
from inklusi.store import boundaries, mentoring, queries, reference

# table -> (file in data/, column types). Types are enforced when the CSV is read.
TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "provinces": (
        "provinces.csv",
        {
            "kode": "VARCHAR",
            "kode_bps": "VARCHAR",
            "iso": "VARCHAR",
            "nama_resmi": "VARCHAR",
            "nama": "VARCHAR",
            "singkatan": "VARCHAR",
            "name_en": "VARCHAR",
            "pulau": "VARCHAR",
            "zona_waktu": "VARCHAR",
            "tahun_dibentuk": "SMALLINT",
            "kode_2012": "VARCHAR",
        },
    ),
    "province_aliases": ("province_aliases.csv", {"alias": "VARCHAR", "kode": "VARCHAR"}),
    "indicators": (
        "indicators.csv",
        {
            "id": "VARCHAR",
            "family": "VARCHAR",
            "parent": "VARCHAR",
            "level": "VARCHAR",
            "name_id": "VARCHAR",
            "name_en": "VARCHAR",
            "short_id": "VARCHAR",
            "short_en": "VARCHAR",
            "unit_id": "VARCHAR",
            "unit_en": "VARCHAR",
            "scale_min": "DOUBLE",
            "scale_max": "DOUBLE",
            "decimals": "TINYINT",
            "series": "VARCHAR",
            "successor_of": "VARCHAR",
            "note_id": "VARCHAR",
            "note_en": "VARCHAR",
            "formula": "VARCHAR",
            "inputs": "VARCHAR",
            "share_of": "VARCHAR",
            "margin_pct": "DOUBLE",
        },
    ),
    "sources": (
        "sources.csv",
        {
            "id": "VARCHAR",
            "publisher": "VARCHAR",
            "title": "VARCHAR",
            "year": "SMALLINT",
            "published_at": "VARCHAR",
            "copied_from": "VARCHAR",
            "terms": "VARCHAR",
            "trust": "VARCHAR",
            "reference_file": "VARCHAR",
        },
    ),
    "indicator_values": (
        "values.csv",
        {
            "indicator": "VARCHAR",
            "year": "SMALLINT",
            "province": "VARCHAR",
            "layout": "TINYINT",
            "value": "DOUBLE",
            "source": "VARCHAR",
            "flag": "VARCHAR",
            "note_id": "VARCHAR",
            "note_en": "VARCHAR",
            "rse": "DOUBLE",
        },
    ),
    "breaks": (
        "breaks.csv",
        {
            "indicator": "VARCHAR",
            "year": "SMALLINT",
            "kind": "VARCHAR",
            "note_id": "VARCHAR",
            "note_en": "VARCHAR",
            "source": "VARCHAR",
        },
    ),
    "corrections": (
        "corrections.csv",
        {
            "id": "VARCHAR",
            "reference_file": "VARCHAR",
            "indicator": "VARCHAR",
            "year": "VARCHAR",
            "province": "VARCHAR",
            "as_in_copy": "VARCHAR",
            "resolution": "VARCHAR",
            "value_used": "VARCHAR",
            "evidence_id": "VARCHAR",
            "evidence_en": "VARCHAR",
        },
    ),
    "sectors": (
        "sectors.csv",
        {
            "id": "VARCHAR",
            "name_id": "VARCHAR",
            "name_en": "VARCHAR",
            "weight": "DOUBLE",
            "share_female": "DOUBLE",
            "kbli": "VARCHAR",
        },
    ),
    "msme_national": (
        "msme_national.csv",
        {
            "year": "SMALLINT",
            "topic": "VARCHAR",
            "category": "VARCHAR",
            "name_id": "VARCHAR",
            "name_en": "VARCHAR",
            "kbli": "VARCHAR",
            "value": "DOUBLE",
            "unit_id": "VARCHAR",
            "unit_en": "VARCHAR",
            "source": "VARCHAR",
            "note_id": "VARCHAR",
            "note_en": "VARCHAR",
        },
    ),
    "programme_facts": (
        "programme_facts.csv",
        {
            "programme": "VARCHAR",
            "fact": "VARCHAR",
            "value": "DOUBLE",
            "unit_id": "VARCHAR",
            "unit_en": "VARCHAR",
            "source": "VARCHAR",
            "note_id": "VARCHAR",
            "note_en": "VARCHAR",
        },
    ),
    "programmes": (
        "programmes.csv",
        {
            "id": "VARCHAR",
            "year": "SMALLINT",
            "name_id": "VARCHAR",
            "name_en": "VARCHAR",
            "start": "DATE",
            "end": "DATE",
            "participants": "INTEGER",
            "dates_assumed": "BOOLEAN",
        },
    ),
    "mentoring_areas": (
        "mentoring_areas.csv",
        {
            "programme": "VARCHAR",
            "area": "VARCHAR",
            "name": "VARCHAR",
            "province": "VARCHAR",
            "participants": "INTEGER",
            "area_assumed": "BOOLEAN",
        },
    ),
    "sector_weights": (
        "mentoring_sector_weights.csv",
        {"area": "VARCHAR", "sector": "VARCHAR", "multiplier": "DOUBLE"},
    ),
    "countries": (
        "countries.csv",
        {
            "iso3": "VARCHAR",
            "territory": "VARCHAR",
            "g20": "BOOLEAN",
            "asean": "BOOLEAN",
            "kind": "VARCHAR",
            "age_base": "VARCHAR",
            "note_id": "VARCHAR",
            "note_en": "VARCHAR",
        },
    ),
    "country_values": (
        "country_values.csv",
        {
            "country": "VARCHAR",
            "year": "SMALLINT",
            "value": "DOUBLE",
            "source": "VARCHAR",
            "flag": "VARCHAR",
            "note_id": "VARCHAR",
            "note_en": "VARCHAR",
        },
    ),
}

# Each check is a query returning the offending rows; any row fails the build.
CHECKS: dict[str, str] = {
    "38 provinces with unique codes": """
        select count(*) as n from provinces
        having n <> 38 or count(distinct kode) <> 38 or count(distinct kode_bps) <> 38 or count(distinct iso) <> 38""",
    "2012 codes are provinces": "select kode from provinces where kode_2012 not in (select kode from provinces)",
    "aliases name provinces": "select alias from province_aliases where kode not in (select kode from provinces)",
    "indicators' parents, successors and counts exist; margins are percentages": """
        select id from indicators where parent not in (select id from indicators)
           or successor_of not in (select id from indicators) or share_of not in (select id from indicators)
           or margin_pct <= 0 or margin_pct >= 100
           or level not in ('province', 'national')""",
    "values name an indicator and a source": """
        select indicator, year, province from indicator_values
        where indicator not in (select id from indicators) or source not in (select id from sources)""",
    "values name a province of their layout": """
        select indicator, year, province from indicator_values
        where not (province = 'ID'
           or (layout = 38 and province in (select kode from provinces))
           or (layout = 34 and province in (select kode_2012 from provinces)))""",
    "one value per indicator, year and place": """
        select indicator, year, province from indicator_values group by all having count(*) > 1""",
    "one layout per indicator and year": """
        select indicator, year from indicator_values group by all having count(distinct layout) > 1""",
    "values inside the indicator's scale": """
        select v.indicator, v.year, v.province, v.value from indicator_values v join indicators i on i.id = v.indicator
        where v.value < i.scale_min or v.value > coalesce(i.scale_max, 'inf'::double)""",
    "flags are known and a missing value is a documented correction": """
        select indicator, year, province from indicator_values
        where not list_contains(
                case when province = 'ID' then ['national', 'corrected', 'derived']
                     else ['published', 'corrected', 'derived', 'withheld'] end, flag)
           or (value is null and (flag not in ('corrected', 'withheld') or note_en is null))
           or (flag = 'withheld' and value is not null)
           or ((note_id is null) <> (note_en is null))""",
    "an RSE is a positive percentage of a published estimate": """
        select indicator, year, province from indicator_values
        where rse is not null and (rse <= 0 or rse >= 100 or flag not in ('published', 'national', 'derived'))""",
    "derived indicators hold only derived values, with their formula": """
        select v.indicator, v.year, v.province from indicator_values v join indicators i on i.id = v.indicator
        where (i.formula is null) = (v.flag = 'derived') or (i.formula is null) <> (i.inputs is null)""",
    "national and programme facts cite known sources": """
        select source from msme_national where source not in (select id from sources)
        union all select source from programme_facts where source not in (select id from sources)""",
    "programme totals are the published facts": """
        select p.id from programmes p left join programme_facts f on f.programme = p.id and f.fact = 'participants'
        where f.value is distinct from p.participants""",
    "breaks name an indicator's edition that has an earlier one, a kind, a source and both notes": """
        select b.indicator, b.year from breaks b
        where b.kind not in ('layout', 'method') or b.source not in (select id from sources)
           or b.note_id is null or b.note_en is null
           or not exists (select 1 from indicator_values v where v.indicator = b.indicator and v.year = b.year)
           or not exists (select 1 from indicator_values v where v.indicator = b.indicator and v.year < b.year)""",
    "every change of layout between editions is a layout break": """
        with editions as (
            select indicator, year, any_value(layout) as layout from indicator_values
            where province <> 'ID' group by all
        ), steps as (
            select indicator, year, layout, lag(layout) over (partition by indicator order by year) as before
            from editions
        )
        select s.indicator, s.year from steps s
        where s.layout <> s.before
          and not exists (select 1 from breaks b
                          where b.indicator = s.indicator and b.year = s.year and b.kind = 'layout')
        union all
        select b.indicator, b.year from breaks b join steps s using (indicator, year)
        where b.kind = 'layout' and s.layout is not distinct from s.before""",
    "corrections have a known resolution": """
        select id from corrections where resolution not in ('corrected', 'kept_with_note', 'left_missing',
            'excluded', 'separate_indicator', 'spelling', 'layout_34', 'converted')""",
    "sources have known terms and trust": """
        select id from sources
        where terms not in ('official', 'press', 'private-index', 'repository-copy', 'derived', 'itu')
           or trust not in ('A', 'B', 'C')""",
    "areas name a programme and a province": """
        select area from mentoring_areas
        where programme not in (select id from programmes) or province not in (select kode from provinces)""",
    "areas add up to the published totals": """
        select p.id, p.participants, sum(a.participants) as areas from programmes p join mentoring_areas a
          on a.programme = p.id group by all having areas <> p.participants""",
    "countries have a unique code, a kind and a Babel territory code": """
        select iso3 from countries group by all
        having count(*) > 1 or any_value(kind) not in ('country', 'union', 'aggregate')
            or not regexp_full_match(any_value(territory), '[A-Z]{2}|[0-9]{3}')""",
    "country values name a country and a source, once a year, within 0-100": """
        select country, year from country_values
        where country not in (select iso3 from countries) or source not in (select id from sources)
           or value is null or value < 0 or value > 100 or flag not in ('published', 'break', 'capped')
           or (flag = 'capped') <> (value = 100) or ((note_id is null) <> (note_en is null))
        union all select country, year from country_values group by all having count(*) > 1""",
    "sector mix sums to one": "select sum(weight) as s from sectors having abs(s - 1) > 1e-9",
    "sector multipliers name an area and a sector": """
        select area, sector from sector_weights
        where area not in (select area from mentoring_areas) or sector not in (select id from sectors)""",
}

SKILLS_QUERY = """
    select p.kode as province, v.value from provinces p
    join indicator_values v on v.province = p.kode_2012
    where v.indicator = 'imdi_keterampilan' and v.year = 2022"""


RSE_UNRELIABLE = 25  # percent: BPS calls an estimate with a larger relative standard error unreliable


class BuildError(InklusiError, RuntimeError):
    """The curated data failed a check; nothing was written."""


def load_curated(con: duckdb.DuckDBPyConnection, folder: Path = DATA_DIR) -> None:
    for table, (name, columns) in TABLES.items():
        try:
            con.execute(
                f'create table "{table}" as select * from read_csv($path, header = true, columns = $columns, '
                "all_varchar = false, auto_detect = false, quote = '\"', escape = '\"', nullstr = '')",
                {"path": str(folder / name), "columns": columns},
            )
        except duckdb.Error as exc:
            raise BuildError(f"data/{name}: {exc}") from exc


def derive(con: duckdb.DuckDBPyConnection) -> None:
    """Mark each value's reliability (from its RSE, BPS's rule), then add the values of the derived
    indicators: each queries/build/NAME.sql, in name order, returns rows that join the values."""
    con.execute("alter table indicator_values add column reliability varchar")
    con.execute(
        "update indicator_values set reliability = case when rse > $limit then 'unreliable' "
        "when rse is not null then 'reliable' else 'not_stated' end",
        {"limit": RSE_UNRELIABLE},
    )
    # A share of a count BPS calls unreliable (indicators.csv share_of) is built on it and carries its mark.
    con.execute(
        "update indicator_values as v set reliability = 'unreliable' from indicators as i, indicator_values as c "
        "where v.indicator = i.id and c.indicator = i.share_of and c.year = v.year and c.province = v.province "
        "and c.reliability = 'unreliable'"
    )
    for query in queries.catalogue("build").values():
        con.execute(f"insert into indicator_values by name select * from ({query.sql})")
    # The one place the columns of a value are put in order: every query selects them from here.
    con.execute(
        "create or replace table indicator_values as select indicator, year, layout, province, value, flag, source, "
        "note_id, note_en, rse, reliability from indicator_values"
    )


def check(con: duckdb.DuckDBPyConnection) -> None:
    failures = []
    for name, sql in CHECKS.items():
        rows = con.execute(sql).fetchall()
        if rows:
            failures.append(f"{name}: {rows[:5]}")
    alias_keys: dict[str, str] = {}
    for alias, kode in con.execute("select alias, kode from province_aliases").fetchall():
        key = reference.normalise(alias)
        if alias_keys.setdefault(key, kode) != kode:
            failures.append(f"alias {alias!r} names two provinces")
    if failures:
        raise BuildError("data checks failed:\n  " + "\n  ".join(failures))


def calibration(con: duckdb.DuckDBPyConnection) -> mentoring.Calibration:
    return mentoring.Calibration(
        programmes=con.execute('select id, year, start, "end" from programmes order by id').df(),
        areas=con.execute(
            "select programme, area, name, province, participants from mentoring_areas "
            "order by programme, area, province"
        ).df(),
        sectors=con.execute("select id, weight, share_female from sectors order by id").df(),
        sector_weights=con.execute("select * from sector_weights").df(),
        skills=dict(con.execute(SKILLS_QUERY).fetchall()),
    )


def write_mentoring(con: duckdb.DuckDBPyConnection, path: Path, rows: int | None = None) -> int:
    table = mentoring.generate(calibration(con), rows=rows)
    pq.write_table(table, path, compression="zstd", row_group_size=1 << 20)
    return table.num_rows


def build_data(out: Path) -> dict[str, int]:
    """Check data/ and write every table plus the mentoring records into out (atomically)."""
    con = duckdb.connect()
    load_curated(con)
    derive(con)
    check(con)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out, prefix=".tables-") as tmp:
        staged = Path(tmp)
        counts = {}
        for table in TABLES:
            target = str(staged / f"{table}.parquet").replace("'", "''")
            con.execute(f"copy \"{table}\" to '{target}' (format parquet)")
            counts[table] = con.execute(f'select count(*) from "{table}"').fetchone()[0]
        counts["mentoring"] = write_mentoring(con, staged / "mentoring.parquet")
        for file in staged.iterdir():
            shutil.move(file, out / file.name)
    return counts


def build_boundaries(out: Path, mirror: Path | None) -> dict:
    manifest = boundaries.build_boundaries(out / "boundaries", mirror, reference.to_2012())
    boundaries.publish(out / "boundaries", STATIC_MAPS)
    return manifest

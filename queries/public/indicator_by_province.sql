-- Every province of the layout an indicator was published on, with its value in one year.
-- grain: one row per province of that layout (38 or 34); a province without a value has value null
-- param indicator text: indicator id (see `python -m inklusi indicators`)
-- param year integer: edition year
-- returns: province, nama, name_en, singkatan, pulau, zona_waktu, layout, value, flag, source, note_id, note_en,
--     rse, reliability, rank, n_ranked, national
with

edition as (
    select any_value(layout) as layout
    from provincial_values
    where indicator = $indicator and year = $year
),

places as (
    -- a province of the layout is its own place there (in the 34-province layout, the old provinces)
    select
        p.kode as province,
        p.nama,
        p.name_en,
        p.singkatan,
        p.pulau,
        p.zona_waktu,
        e.layout
    from provinces as p
    inner join province_layouts as l on p.kode = l.province
    inner join edition as e on l.layout = e.layout
    where not l.via_parent
),

edition_values as (
    select * exclude (indicator, year, layout)
    from provincial_values
    where indicator = $indicator and year = $year
),

national as (
    select value
    from national_values
    where indicator = $indicator and year = $year
),

joined as (
    select
        pl.*,
        v.* exclude (v.province),
        case when v.value is not null then rank() over (order by v.value desc nulls last) end as rank,
        count(v.value) over () as n_ranked,
        (select n.value from national as n) as national
    from places as pl
    left join edition_values as v on pl.province = v.province
)

select * from joined
order by value desc nulls last, province asc

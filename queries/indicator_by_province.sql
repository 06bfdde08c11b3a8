-- Every province of the layout an indicator was published on, with its value in one year.
-- grain: one row per province of that layout (38 or 34); a province without a value has value null
-- param indicator text: indicator id (see `python -m inklusi indicators`)
-- param year integer: edition year
-- returns: province, nama, name_en, singkatan, pulau, zona_waktu, layout, value, flag, source, note_id, note_en, rank, n_ranked, national
with

edition as (
    select any_value(layout) as layout
    from indicator_values
    where indicator = $indicator and year = $year and province <> 'ID'
),

places as (
    -- the 34-province layout names each old province after its 2012 code
    select p.kode as province, p.nama, p.name_en, p.singkatan, p.pulau, p.zona_waktu, e.layout
    from provinces p, edition e
    where e.layout = 38 or (e.layout = 34 and p.kode = p.kode_2012)
),

province_values as (
    select province, value, flag, source, note_id, note_en
    from indicator_values
    where indicator = $indicator and year = $year and province <> 'ID'
),

national as (
    select value
    from indicator_values
    where indicator = $indicator and year = $year and province = 'ID'
),

joined as (
    select
        pl.*,
        v.value,
        v.flag,
        v.source,
        v.note_id,
        v.note_en,
        case when v.value is not null then rank() over (order by v.value desc nulls last) end as rank,
        count(v.value) over () as n_ranked,
        (select value from national) as national
    from places pl
    left join province_values v using (province)
)

select * from joined
order by value desc nulls last, province

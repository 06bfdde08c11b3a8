-- Every published value of one indicator: all editions, all provinces and the national value.
-- grain: one row per year and province (the national value has province ID and the name Indonesia)
-- param indicator text: indicator id
-- returns: indicator, year, layout, province, nama, name_en, value, flag, source, note_id, note_en, rse, reliability
with

named as (
    -- The value's columns (value to reliability) after the place's name, as returns lists them.
    select  -- noqa: ST06
        v.indicator,
        v.year,
        v.layout,
        v.province,
        coalesce(p.nama, 'Indonesia') as nama,
        coalesce(p.name_en, 'Indonesia') as name_en,
        v.* exclude (v.indicator, v.year, v.layout, v.province),
        p.kode is null as is_national
    from indicator_values as v
    left join provinces as p on v.province = p.kode
    where v.indicator = $indicator
)

select * exclude (is_national) from named
order by year, is_national, province

-- Every published value of one indicator: all editions, all provinces and the national value.
-- grain: one row per year and province (the national value has province ID and the name Indonesia)
-- param indicator text: indicator id
-- returns: indicator, year, layout, province, nama, name_en, value, flag, source, note_id, note_en
select
    v.indicator,
    v.year,
    v.layout,
    v.province,
    coalesce(p.nama, 'Indonesia') as nama,
    coalesce(p.name_en, 'Indonesia') as name_en,
    v.value,
    v.flag,
    v.source,
    v.note_id,
    v.note_en
from indicator_values as v
left join provinces as p on v.province = p.kode
where v.indicator = $indicator
order by v.year, p.kode is null, v.province

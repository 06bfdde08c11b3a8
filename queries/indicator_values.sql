-- Every published value of one indicator: all editions, all provinces and the national value.
-- grain: one row per year and province (province ID is the national value)
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
from indicator_values v
left join provinces p on p.kode = v.province
where v.indicator = $indicator
order by v.year, v.province = 'ID', v.province

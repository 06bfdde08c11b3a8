-- Every published value for one province, over all indicators and editions.
-- grain: one row per indicator and year with a value for the province (or, before the 2022
-- split, for the province it was part of: via_parent = true)
-- param province text: Kemendagri province code
-- returns: indicator, year, layout, province, via_parent, value, flag, source, note_id, note_en
with

target as (
    select kode, kode_2012 from provinces where kode = $province
)

select
    v.indicator,
    v.year,
    v.layout,
    t.kode as province,
    (v.layout = 34 and t.kode <> t.kode_2012) as via_parent,
    v.value,
    v.flag,
    v.source,
    v.note_id,
    v.note_en
from indicator_values v
join target t
    on v.province = case when v.layout = 34 then t.kode_2012 else t.kode end
order by v.indicator, v.year

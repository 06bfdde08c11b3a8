-- Every published value for one province, over all indicators and editions.
-- grain: one row per indicator and year with a value for the province (or, before the 2022
-- split, for the province it was part of: via_parent = true)
-- param province text: Kemendagri province code
-- returns: indicator, year, layout, province, via_parent, value, flag, source, note_id, note_en, rse, reliability
-- The value's columns after its province, as returns lists them.
select  -- noqa: ST06
    v.indicator,
    v.year,
    v.layout,
    l.province,
    l.via_parent,
    v.* exclude (v.indicator, v.year, v.layout, v.province)
from provincial_values as v
inner join province_layouts as l on v.layout = l.layout and v.province = l.place
where l.province = $province
order by v.indicator, v.year

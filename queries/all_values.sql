-- Every curated value: all indicators, editions, provinces and national values, with flags.
-- grain: one row per indicator, year and province (province ID is the national value)
-- returns: indicator, year, layout, province, value, flag, source, note_id, note_en
select
    indicator,
    year,
    layout,
    province,
    value,
    flag,
    source,
    note_id,
    note_en
from indicator_values
order by indicator, year, province

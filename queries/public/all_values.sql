-- Every value: all indicators, editions, provinces and national values, with flags, the relative
-- standard error where one was published and the reliability BPS's rule gives it.
-- grain: one row per indicator, year and province (province ID is the national value)
-- returns: indicator, year, layout, province, value, flag, source, note_id, note_en, rse, reliability
select *
from indicator_values
order by indicator, year, province

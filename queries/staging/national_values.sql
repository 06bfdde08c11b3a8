-- The published national values of every indicator (the curated rows whose place is ID).
-- The database keeps this result as the table national_values, built when the data loads.
-- grain: one row per indicator and year with a national row
-- returns: indicator, year, layout, value, flag, source, note_id, note_en, rse, reliability
select * exclude (province)
from indicator_values
where province = 'ID'
order by indicator, year

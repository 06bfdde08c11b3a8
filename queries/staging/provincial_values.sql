-- The provincial values of every indicator: the curated rows whose place is a province of the
-- edition's layout (the national rows, see national_values.sql, are the others).
-- The database keeps this result as the table provincial_values, built when the data loads.
-- grain: one row per indicator, year and province of the edition's layout
-- returns: indicator, year, layout, province, value, flag, source, note_id, note_en, rse, reliability
select v.*
from indicator_values as v
semi join province_layouts as l on v.layout = l.layout and v.province = l.place
order by v.indicator, v.year, v.province

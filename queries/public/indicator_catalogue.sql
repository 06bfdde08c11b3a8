-- The indicator catalogue: names in both languages, unit, scale, family and series; a derived
-- indicator has its formula and inputs (its values come from queries/build/ID.sql); a share of a count
-- names it (share_of); a family with a stated margin of error has it (margin_pct, % of a value).
-- grain: one row per indicator
-- returns: id, family, parent, level, name_id, name_en, short_id, short_en, unit_id, unit_en, scale_min, scale_max,
--     decimals, series, successor_of, note_id, note_en, formula, inputs, share_of, margin_pct
select
    id,
    family,
    parent,
    level,
    name_id,
    name_en,
    short_id,
    short_en,
    unit_id,
    unit_en,
    scale_min,
    scale_max,
    decimals,
    series,
    successor_of,
    note_id,
    note_en,
    formula,
    inputs,
    share_of,
    margin_pct
from indicators
order by family, id

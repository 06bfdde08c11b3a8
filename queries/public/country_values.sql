-- Internet use (% of population, ITU) of every G20 member, the EU, the ASEAN economies and the
-- world in every year with a value, with each country's groups.
-- grain: one row per country per year
-- returns: country, territory, g20, asean, kind, age_base, country_note_id, country_note_en, year, value,
--     source, flag, note_id, note_en
with

valued as (
    select
        c.iso3 as country,
        c.territory,
        c.g20,
        c.asean,
        c.kind,
        c.age_base,
        c.note_id as country_note_id,
        c.note_en as country_note_en,
        v.year,
        v.value,
        v.source,
        v.flag,
        v.note_id,
        v.note_en
    from country_values as v
    inner join countries as c on v.country = c.iso3
)

select
    country,
    territory,
    g20,
    asean,
    kind,
    age_base,
    country_note_id,
    country_note_en,
    year,
    value,
    source,
    flag,
    note_id,
    note_en
from valued
order by country, year

-- The published national value of one indicator in every edition, with the provinces' spread.
-- grain: one row per year in which the indicator has any value
-- param indicator text: indicator id
-- returns: year, layout, national, flag, source, note_id, note_en, province_mean, province_min, province_max,
--     n_provinces
with

provincial as (
    select
        year,
        any_value(layout) as layout,
        avg(value) as province_mean,
        min(value) as province_min,
        max(value) as province_max,
        count(value) as n_provinces
    from provincial_values
    where indicator = $indicator
    group by year
),

national as (
    select
        year,
        layout,
        value,
        flag,
        source,
        note_id,
        note_en
    from national_values
    where indicator = $indicator
),

joined as (
    select
        n.value as national,
        n.flag,
        n.source,
        n.note_id,
        n.note_en,
        p.province_mean,
        p.province_min,
        p.province_max,
        coalesce(p.year, n.year) as year,
        coalesce(p.layout, n.layout) as layout,
        coalesce(p.n_provinces, 0) as n_provinces
    from provincial as p
    full join national as n on p.year = n.year
)

select
    year,
    layout,
    national,
    flag,
    source,
    note_id,
    note_en,
    province_mean,
    province_min,
    province_max,
    n_provinces
from joined
order by year

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
    select * exclude (indicator)
    from national_values
    where indicator = $indicator
),

joined as (
    -- The national value's columns after the edition, as returns lists them.
    select  -- noqa: ST06
        coalesce(p.year, n.year) as year,
        coalesce(p.layout, n.layout) as layout,
        n.value as national,
        n.* exclude (n.year, n.layout, n.value, n.rse, n.reliability),
        p.province_mean,
        p.province_min,
        p.province_max,
        coalesce(p.n_provinces, 0) as n_provinces
    from provincial as p
    full join national as n on p.year = n.year
)

select * from joined
order by year

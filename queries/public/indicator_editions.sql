-- Every edition (indicator and year) in the data: its layout and how many provinces have a value.
-- grain: one row per indicator and year
-- returns: indicator, year, layout, n_provinces, has_national
with

provincial as (
    select
        indicator,
        year,
        any_value(layout) as layout,
        count(value) as n_provinces
    from provincial_values
    group by indicator, year
),

national as (
    select
        indicator,
        year,
        layout,
        value is not null as has_national
    from national_values
),

editions as (
    select
        coalesce(p.indicator, n.indicator) as indicator,
        coalesce(p.year, n.year) as year,
        coalesce(p.layout, n.layout) as layout,
        coalesce(p.n_provinces, 0) as n_provinces,
        coalesce(n.has_national, false) as has_national
    from provincial as p
    full join national as n on p.indicator = n.indicator and p.year = n.year
)

select * from editions
order by indicator, year

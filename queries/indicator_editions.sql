-- Every edition (indicator and year) in the data: its layout and how many provinces have a value.
-- grain: one row per indicator and year
-- returns: indicator, year, layout, n_provinces, has_national
with

editions as (
    select
        indicator,
        year,
        any_value(layout) as layout,
        count(*) filter (where province <> 'ID' and value is not null) as n_provinces,
        bool_or(province = 'ID' and value is not null) as has_national
    from indicator_values
    group by indicator, year
)

select * from editions
order by indicator, year

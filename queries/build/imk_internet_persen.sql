-- The derived indicator imk_internet_persen: micro and small manufacturers using the internet, as a
-- percentage of those using or not using it, computed from two published BPS counts (formula and
-- inputs in data/indicators.csv). The build adds these rows to the values (flag derived).
-- grain: one row per province and year with both counts
-- returns: indicator, year, province, layout, value, source, flag, note_id, note_en, rse, reliability
with

using_internet as (
    select
        year,
        province,
        layout,
        value,
        source
    from indicator_values
    where indicator = 'imk_internet'
),

not_using as (
    select
        year,
        province,
        value
    from indicator_values
    where indicator = 'imk_tanpa_internet'
),

shares as (
    select
        u.year,
        u.province,
        u.layout,
        u.source,
        100 * u.value / (u.value + n.value) as value
    from using_internet as u
    inner join not_using as n on u.year = n.year and u.province = n.province
)

select
    'imk_internet_persen' as indicator,
    year,
    province,
    layout,
    value,
    source,
    'derived' as flag,
    'Turunan: IMK memakai internet / (memakai + tidak memakai) × 100.' as note_id,
    'Derived: IMK using the internet / (using + not using) × 100.' as note_en,
    null::double as rse,
    'not_stated' as reliability
from shares
order by year, province

-- One province's values of one indicator over every edition, with the national value.
-- grain: one row per year in which the indicator has any value
-- A province created in 2022 has no value of its own on the 34-province layout; there the
-- value of the province it was part of is given, with via_parent = true.
-- param indicator text: indicator id
-- param province text: Kemendagri province code
-- returns: year, layout, value, flag, source, note_id, note_en, rse, reliability, via_parent, rank, n_ranked,
--     percentile, national
with

ranked as (
    select
        * exclude (indicator, layout),
        rank() over (partition by year order by value desc) as rank,
        count(*) over (partition by year) as n_ranked,
        percent_rank() over (partition by year order by value) as percentile
    from provincial_values
    where indicator = $indicator and value is not null
),

editions as (
    select distinct
        year,
        layout
    from indicator_values
    where indicator = $indicator
),

places as (
    select
        layout,
        place,
        via_parent
    from province_layouts
    where province = $province
),

national as (
    select
        year,
        value
    from national_values
    where indicator = $indicator
)

-- The value's columns (value to reliability) after the edition, as returns lists them.
select  -- noqa: ST06
    e.year,
    e.layout,
    r.* exclude (r.year, r.province, r.rank, r.n_ranked, r.percentile),
    p.via_parent,
    r.rank,
    r.n_ranked,
    r.percentile,
    n.value as national
from editions as e
inner join places as p on e.layout = p.layout
left join ranked as r on e.year = r.year and p.place = r.province
left join national as n on e.year = n.year
order by e.year

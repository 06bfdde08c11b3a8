-- One province's values of one indicator over every edition, with the national value.
-- grain: one row per year in which the indicator has any value
-- A province created in 2022 has no value of its own on the 34-province layout; there the
-- value of the province it was part of is given, with via_parent = true.
-- param indicator text: indicator id
-- param province text: Kemendagri province code
-- returns: year, layout, value, flag, source, note_id, note_en, via_parent, rank, n_ranked, percentile, national
with

target as (
    select kode, kode_2012 from provinces where kode = $province
),

ranked as (
    select
        year,
        province,
        layout,
        value,
        flag,
        source,
        note_id,
        note_en,
        rank() over (partition by year order by value desc) as rank,
        count(*) over (partition by year) as n_ranked,
        percent_rank() over (partition by year order by value) as percentile
    from indicator_values
    where indicator = $indicator and province <> 'ID' and value is not null
),

years as (
    select distinct year, layout from indicator_values where indicator = $indicator
),

national as (
    select year, value from indicator_values where indicator = $indicator and province = 'ID'
)

select
    y.year,
    y.layout,
    r.value,
    r.flag,
    r.source,
    r.note_id,
    r.note_en,
    (y.layout = 34 and t.kode <> t.kode_2012) as via_parent,
    r.rank,
    r.n_ranked,
    r.percentile,
    n.value as national
from years y
cross join target t
left join ranked r
    on r.year = y.year
    and r.province = case when y.layout = 34 then t.kode_2012 else t.kode end
left join national n on n.year = y.year
order by y.year

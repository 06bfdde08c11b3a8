-- The derived indicator ecommerce_per_1000: e-commerce businesses per 1,000 people, on the
-- 34-province layout of the population figures (population 2024 in thousands, the QRIS copy): a
-- province split in 2022 adds up the counts of its daughters. A ratio to a population keeps the
-- count's relative standard error; a sum of several estimates has none published, and is
-- unreliable when one of its parts is (Papua: Papua Tengah and Papua Pegunungan).
-- grain: one row per province of the 34-province layout and year with both a count and a population
-- returns: year, province, value, rse, indicator, layout, source, flag, note_id, note_en, reliability
with

counts as (
    select
        v.year,
        p.kode_2012 as province,
        sum(v.value) as businesses,
        count(*) as parts,
        any_value(v.rse) as rse,
        bool_or(v.reliability = 'unreliable') as unreliable_part
    from indicator_values as v
    inner join provinces as p on v.province = p.kode
    where v.indicator = 'ecommerce_usaha' and v.layout = 38
    group by v.year, p.kode_2012
),

population as (
    select
        year,
        province,
        value as thousands
    from indicator_values
    where indicator = 'penduduk'
),

rates as (
    select
        c.year,
        c.province,
        c.parts,
        c.unreliable_part,
        c.businesses / p.thousands as value,
        if(c.parts = 1, c.rse, null) as rse
    from counts as c
    inner join population as p on c.year = p.year and c.province = p.province
)

select
    year,
    province,
    value,
    rse,
    'ecommerce_per_1000' as indicator,
    34 as layout,
    'inklusi_ecommerce_per_1000' as source,
    'derived' as flag,
    case
        when parts > 1
            then 'Turunan: jumlah ' || parts || ' provinsi hasil pemekaran 2022 dibagi penduduk 2024 (ribu jiwa).'
        else 'Turunan: usaha e-commerce dibagi penduduk 2024 (ribu jiwa).'
    end as note_id,
    case
        when parts > 1
            then 'Derived: the sum of ' || parts || ' provinces of the 2022 split over population 2024 (thousands).'
        else 'Derived: e-commerce businesses over population 2024 (thousands).'
    end as note_en,
    case
        when unreliable_part or rse > 25 then 'unreliable'
        when rse is not null then 'reliable'
        else 'not_stated'
    end as reliability
from rates
order by year, province

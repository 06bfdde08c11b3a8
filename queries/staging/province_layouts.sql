-- Where each province's values sit in each layout: under its own code in the 38-province layout
-- of 2022, under its parent's code in the 34-province layout of 2012-2022 (see data/README.md).
-- The database keeps this result as the table province_layouts, built when the data loads.
-- grain: one row per province (38) and layout (34, 38)
-- returns: province, layout, place, via_parent
with

own as (
    select
        kode as province,
        38 as layout,
        kode as place,
        false as via_parent
    from provinces
),

before_split as (
    select
        kode as province,
        34 as layout,
        kode_2012 as place,
        kode <> kode_2012 as via_parent
    from provinces
)

select * from own
union all
select * from before_split
order by layout, province

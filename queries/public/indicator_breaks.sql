-- The layout and method breaks of the indicators (data/breaks.csv): each edition that is not
-- comparable with the one before. A composite index inherits the breaks of its pillars and
-- sub-pillars: each break lists the indicators above it (indicators.parent, followed upwards).
-- grain: one row per recorded break (indicator, year, kind, note)
-- param indicator text optional: only the breaks of this indicator, its own and inherited
-- returns: indicator, year, kind, note_id, note_en, source, ancestors
with recursive

lineage (indicator, ancestor) as (
    select
        id as indicator,
        parent as ancestor
    from indicators
    where parent is not null
    union all
    select
        l.indicator,
        i.parent as ancestor
    from lineage as l
    inner join indicators as i on l.ancestor = i.id
    where i.parent is not null
),

ancestry as (
    select
        indicator,
        list(ancestor order by ancestor) as ancestors
    from lineage
    group by indicator
),

recorded as (
    select
        b.indicator,
        b.year,
        b.kind,
        b.note_id,
        b.note_en,
        b.source,
        coalesce(a.ancestors, []::varchar[]) as ancestors
    from breaks as b
    left join ancestry as a on b.indicator = a.indicator
)

select * from recorded
where $indicator is null or indicator = $indicator or list_contains(ancestors, $indicator)
order by year, kind, indicator

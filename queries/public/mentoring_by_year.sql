-- Mentoring records per programme year: how many, where, and how many completed.
-- grain: one row per programme year
-- returns: year, programme, participants, completed, provinces, areas, synthetic
with

per_year as (
    select
        year,
        any_value(programme) as programme,
        count(*) as participants,
        count_if(completed)::bigint as completed,
        count(distinct province) as provinces,
        count(distinct area) as areas,
        bool_and(synthetic) as synthetic
    from mentoring
    group by year
)

select * from per_year
order by year

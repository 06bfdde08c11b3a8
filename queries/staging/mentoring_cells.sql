-- Mentoring records summed at the finest grain the pages filter and group by. The database
-- keeps this result as the table mentoring_cells, built once when the data loads, so that the
-- pages' aggregates read a few thousand sums instead of every record.
-- grain: one row per year, area, province, sector, scale and gender that has records
-- Sums (not means) are kept so that any coarser grouping can be re-aggregated exactly.
-- returns: year, area, province, sector, scale, gender, participants, completed, with_scores, sum_pre, sum_post,
--     sum_gain, sum_gain_sq, online_before, online_after, synthetic
with

summed as (
    select
        year,
        area,
        province,
        sector,
        scale,
        gender,
        count(*) as participants,
        count_if(completed)::bigint as completed,
        count(post_score) as with_scores,
        sum(pre_score) filter (where post_score is not null)::double as sum_pre,
        sum(post_score)::double as sum_post,
        sum(post_score - pre_score)::double as sum_gain,
        sum((post_score - pre_score)::double * (post_score - pre_score)) as sum_gain_sq,
        count_if(online_before)::bigint as online_before,
        count_if(online_after)::bigint as online_after,
        bool_or(synthetic) as synthetic
    from mentoring
    group by all
)

select * from summed
order by year, area, province, sector, scale, gender

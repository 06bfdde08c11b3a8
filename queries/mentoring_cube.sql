-- Mentoring records summed at the finest grain the pages filter and group by.
-- grain: one row per year, area, province, sector, scale and gender that has records
-- Sums (not means) are returned so that any coarser grouping can be re-aggregated exactly.
-- param year integer optional: programme year (2021 or 2022); all years when absent
-- param sector text optional: sector id; all sectors when absent
-- param area text optional: destination or area id; all areas when absent
-- param scale text optional: mikro, kecil or menengah; all when absent
-- param gender text optional: perempuan or laki-laki; all when absent
-- returns: year, area, province, sector, scale, gender, participants, completed, with_scores, sum_pre, sum_post, sum_gain, sum_gain_sq, online_before, online_after, synthetic
with

filtered as (
    select *
    from mentoring
    where ($year is null or year = $year)
      and ($sector is null or sector = $sector)
      and ($area is null or area = $area)
      and ($scale is null or scale = $scale)
      and ($gender is null or gender = $gender)
),

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
        sum((post_score - pre_score) ^ 2)::double as sum_gain_sq,
        count_if(online_before)::bigint as online_before,
        count_if(online_after)::bigint as online_after,
        bool_or(synthetic) as synthetic
    from filtered
    group by all
)

select * from summed
order by year, area, province, sector, scale, gender

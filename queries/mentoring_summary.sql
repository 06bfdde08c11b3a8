-- The mentoring cells (sums at the finest grain, see mentoring_cells.sql) summed by province
-- and sector, under optional filters.
-- grain: one row per province and sector that has at least one record
-- Sums (not means) are returned so that any coarser grouping can be re-aggregated exactly.
-- param year integer optional: programme year (2021 or 2022); all years when absent
-- param sector text optional: sector id; all sectors when absent
-- param area text optional: destination or area id; all areas when absent
-- param scale text optional: mikro, kecil or menengah; all when absent
-- param gender text optional: perempuan or laki-laki; all when absent
-- param province text optional: Kemendagri province code; all provinces when absent
-- returns: province, sector, participants, completed, with_scores, sum_pre, sum_post, sum_gain, sum_gain_sq, online_before, online_after, synthetic
with

filtered as (
    select *
    from mentoring_cells
    where ($year is null or year = $year)
      and ($sector is null or sector = $sector)
      and ($area is null or area = $area)
      and ($scale is null or scale = $scale)
      and ($gender is null or gender = $gender)
      and ($province is null or province = $province)
),

summed as (
    select
        province,
        sector,
        sum(participants)::bigint as participants,
        sum(completed)::bigint as completed,
        sum(with_scores)::bigint as with_scores,
        sum(sum_pre) as sum_pre,
        sum(sum_post) as sum_post,
        sum(sum_gain) as sum_gain,
        sum(sum_gain_sq) as sum_gain_sq,
        sum(online_before)::bigint as online_before,
        sum(online_after)::bigint as online_after,
        bool_or(synthetic) as synthetic
    from filtered
    group by province, sector
)

select * from summed
order by province, sector

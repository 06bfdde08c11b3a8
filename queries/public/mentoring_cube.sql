-- The mentoring cells (sums at the finest grain, see mentoring_cells.sql) under optional filters.
-- grain: one row per year, area, province, sector, scale and gender that has records
-- Sums (not means) are returned so that any coarser grouping can be re-aggregated exactly
-- (inklusi.statistics.metrics.rates_by).
-- param year integer optional: programme year (2021 or 2022); all years when absent
-- param sector text optional: sector id; all sectors when absent
-- param area text optional: destination or area id; all areas when absent
-- param scale text optional: mikro, kecil or menengah; all when absent
-- param gender text optional: perempuan or laki-laki; all when absent
-- param province text optional: Kemendagri province code; all provinces when absent
-- returns: year, area, province, sector, scale, gender, participants, completed, with_scores, sum_pre, sum_post,
--     sum_gain, sum_gain_sq, online_before, online_after, synthetic
select *
from mentoring_cells
where
    ($year is null or year = $year)
    and ($sector is null or sector = $sector)
    and ($area is null or area = $area)
    and ($scale is null or scale = $scale)
    and ($gender is null or gender = $gender)
    and ($province is null or province = $province)
order by year, area, province, sector, scale, gender

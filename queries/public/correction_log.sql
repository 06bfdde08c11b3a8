-- Every known defect of the copied tables and how it was resolved.
-- grain: one row per defect
-- returns: id, reference_file, indicator, year, province, as_in_copy, resolution, value_used, evidence_id, evidence_en
select
    id,
    reference_file,
    indicator,
    year,
    province,
    as_in_copy,
    resolution,
    value_used,
    evidence_id,
    evidence_en
from corrections
order by id

-- The published facts of the Kominfo MSME mentoring programme: participants per year,
-- facilitators, online trainings, platform partners (data/programme_facts.csv).
-- grain: one row per programme and fact
-- returns: programme, year, fact, value, unit_id, unit_en, source, note_id, note_en
select
    f.programme,
    p.year,
    f.fact,
    f.value,
    f.unit_id,
    f.unit_en,
    f.source,
    f.note_id,
    f.note_en
from programme_facts as f
inner join programmes as p on f.programme = p.id
order by p.year, f.fact

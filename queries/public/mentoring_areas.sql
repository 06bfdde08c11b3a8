-- The programme areas: which destination or area, in which province, with how many places.
-- grain: one row per programme, area and province
-- returns: programme, year, area, name, province, participants, area_assumed
select
    a.programme,
    p.year,
    a.area,
    a.name,
    a.province,
    a.participants,
    a.area_assumed
from mentoring_areas as a
inner join programmes as p on a.programme = p.id
order by p.year, a.area, a.province

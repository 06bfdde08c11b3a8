-- The nine processing sectors of the mentoring programme, in their catalogue order.
-- grain: one row per sector
-- returns: id, name_id, name_en
select
    id,
    name_id,
    name_en
from sectors
order by weight desc, id asc

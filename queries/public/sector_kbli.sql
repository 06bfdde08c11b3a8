-- The KBLI 2-digit industries the programme's nine processing sectors belong to.
-- grain: one row per KBLI industry of a programme sector
-- returns: kbli, sectors
select
    kbli,
    string_agg(id, ', ' order by id) as sectors
from sectors
group by kbli
order by kbli

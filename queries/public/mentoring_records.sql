-- Every mentoring record (synthetic unless a real file was imported).
-- grain: one row per participant
-- returns: id, year, programme, area, province, sector, scale, gender, age_band, start_date, end_date,
--     training_hours, completed, pre_score, post_score, online_before, online_after, main_channel, synthetic
select
    id,
    year,
    programme,
    area,
    province,
    sector,
    scale,
    gender,
    age_band,
    start_date,
    end_date,
    training_hours,
    completed,
    pre_score,
    post_score,
    online_before,
    online_after,
    main_channel,
    synthetic
from mentoring
order by id

-- National breakdowns of MSME digital adoption that have no provincial values: e-commerce
-- businesses by KBLI category, reasons for not selling online, IT training, internet-using micro
-- and small manufacturers by KBLI 2-digit industry (data/msme_national.csv).
-- grain: one row per year, topic and category
-- param topic text: ecommerce_kbli, reasons_offline, it_training or imk_internet_kbli
-- returns: year, topic, category, name_id, name_en, kbli, value, unit_id, unit_en, source, note_id, note_en
select
    year,
    topic,
    category,
    name_id,
    name_en,
    kbli,
    value,
    unit_id,
    unit_en,
    source,
    note_id,
    note_en
from msme_national
where topic = $topic
order by year asc, value desc

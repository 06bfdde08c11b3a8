-- The source catalogue: who published each dataset, where, under which terms, and how trusted it is.
-- grain: one row per source
-- returns: id, publisher, title, year, published_at, copied_from, terms, trust, reference_file
select
    id,
    publisher,
    title,
    year,
    published_at,
    copied_from,
    terms,
    trust,
    reference_file
from sources
order by id

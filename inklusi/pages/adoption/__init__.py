"""Keterampilan & Adopsi / Skills and adoption: a digital-skills measure against an MSME adoption
measure by province. Its Streamlit page is page.py, its export rows.py, the comparison facts.py,
its words words.py and its slide slide.py; the measures it offers are data/measures.csv's."""

from inklusi.pages.adoption import rows
from inklusi.site.declare import Page, choice
from inklusi.store.measures import ADOPTION, SKILLS

PAGE = Page(
    "adoption",
    ":material/insights:",
    ("skill", "adoption", "province"),
    rows.export,
    lambda options: [choice("skill", SKILLS), choice("adoption", ADOPTION)],
)

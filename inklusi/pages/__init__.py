"""One package a page, the same file names in each: __init__.py declares the page (its name, icon,
the fields of its link, its export), page.py draws it (render(), the only module of the package
that imports Streamlit), rows.py gives its export's rows, facts.py computes what it says, words.py
says it in either language, slide.py builds its slides of the story. A page imports no other page:
what two pages share lives in a layer named for its role (store, statistics, words, export, story,
figures, ui)."""

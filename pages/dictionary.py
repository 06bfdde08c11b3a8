from inklusi.ui import app, dictionary

app.page("dictionary", dictionary.render)

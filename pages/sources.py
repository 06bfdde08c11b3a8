from inklusi.ui import app, sources

app.page("sources", sources.render)

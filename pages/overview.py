from inklusi.ui import app, overview

app.page("overview", overview.render)

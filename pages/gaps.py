from inklusi.ui import app, gaps

app.page("gaps", gaps.render)

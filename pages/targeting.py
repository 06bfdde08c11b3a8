from inklusi.ui import app, targeting

app.page("targeting", targeting.render)

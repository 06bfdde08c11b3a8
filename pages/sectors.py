from inklusi.ui import app, sectors

app.page("sectors", sectors.render)

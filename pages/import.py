from inklusi.ui import app, importer

app.page("import", importer.render)

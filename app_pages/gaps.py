from inklusi.ui import app

app.page("gaps")

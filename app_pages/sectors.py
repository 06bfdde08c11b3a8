from inklusi.ui import app

app.page("sectors")

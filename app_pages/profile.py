from inklusi.ui import app

app.page("profile")

from inklusi.ui import app

app.page("compare")

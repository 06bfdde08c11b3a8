from inklusi.ui import app, profile

app.page("profile", profile.render)

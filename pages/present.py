from inklusi.ui import app, present

app.page("present", present.render)

from inklusi.ui import profile

profile.render()

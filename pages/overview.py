from inklusi.ui import overview

overview.render()

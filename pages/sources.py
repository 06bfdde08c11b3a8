from inklusi.ui import sources

sources.render()

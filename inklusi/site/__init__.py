"""The site: the pages in their order (registry), what each declares of itself (declare), the
state of a view and the fields of its link (viewstate, provinces), and the link codec (links)."""

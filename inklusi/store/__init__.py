"""The store: the curated tables and the boundaries built into columnar files (build, boundaries,
mentoring), loaded into one locked in-process DuckDB database (db), asked only through named
queries (queries), with the reference tables (reference), the indicator catalogue (catalogue)
and the breaks between editions (breaks)."""

"""Short citations for a chart's source line: the editions of one series are cited once with
their years ("Indeks Masyarakat Digital Indonesia 2022-2025"), each publisher named. The full
entry of every source stays on the Sources & method page."""

from __future__ import annotations

import re

import pandas as pd

from inklusi.i18n import t

EDITION = re.compile(r"^(?P<stem>.*\S)\s+(?P<year>(?:19|20)\d\d)$")


def years_text(years: list[int]) -> str:
    """2022, 2023, 2024 and 2026 as "2022-2024, 2026"."""
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def cite(catalogue: pd.DataFrame, ids) -> list[str]:
    """One citation per series among the sources (catalogue indexed by id), in order of first use;
    ids absent from the catalogue are left out."""
    series: dict[str, tuple[list[str], list[int]]] = {}
    for source in dict.fromkeys(s for s in ids if isinstance(s, str) and s in catalogue.index):
        publisher, title = catalogue.loc[source, "publisher"], catalogue.loc[source, "title"]
        edition = EDITION.match(title)
        stem = edition["stem"] if edition else title
        publishers, years = series.setdefault(stem, ([], []))
        publishers.extend([publisher] if publisher not in publishers else [])
        years.extend([int(edition["year"])] if edition else [])
    return [
        f"{' / '.join(publishers)}, {stem}{' ' + years_text(years) if years else ''}"
        for stem, (publishers, years) in series.items()
    ]


def chart_source(catalogue: pd.DataFrame, ids, lang: str) -> str:
    """The source line under a page's chart: each series cited once, one a line (catalogue indexed
    by id)."""
    return t("chart.source", lang, sources="<br>".join(cite(catalogue, ids)) or t("chart.source_none", lang))

"""Small import files: mentoring records of one province, and indicator values written with
semicolons and decimal commas (as Indonesian-locale Excel saves them); the lines of a mentoring
file as offices write them, and the import's check of a file with its problems as tuples."""

from __future__ import annotations

from inklusi import imports

MENTORING = (
    "id,year,province,sector,start_date,end_date,completed,pre_score,post_score,online_before,online_after\n"
    + "".join(
        f"W-{i},2024,Nusa Tenggara Timur,makanan,2024-05-06,2024-07-29,ya,40,{50 + i % 7},tidak,ya\n" for i in range(25)
    )
)
INDICATORS = "province;year;indicator;value;unit;source\n" + "".join(
    f"{p};2024;pelatihan_digital;{v};persen;Diskominfo\n"
    for p, v in [
        ("Aceh", "12,5"),
        ("Bali", "30,25"),
        ("Papua Pegunungan", "3,5"),
        ("Jawa Barat", "18"),
        ("Nusa Tenggara Timur", "9,75"),
    ]
)

HEADER = (
    "id,year,province,sector,start_date,end_date,completed,pre_score,post_score,online_before,online_after,programme"
)
GOOD = "P-{n},2024,Jawa Barat,makanan,2024-05-06,2024-07-29,ya,42,55,tidak,ya,pendampingan-2024"
INDICATOR_HEADER = "province,year,indicator,value,unit,source"


def rows(count: int, start: int = 1) -> list[str]:
    return [GOOD.format(n=n) for n in range(start, start + count)]


def quoted(value: str) -> str:
    """A CSV field as a spreadsheet writes it."""
    return '"' + value.replace('"', '""') + '"'


def check(content: bytes, name: str = "file.csv", kind: str = "mentoring", sheet=None, codes: str = ""):
    table = imports.read(content, name, sheet)
    return imports.validate(table, kind, name, {"imdi"}, codes=codes)


def keys(result) -> set[tuple]:
    return {(p.row, p.column, p.key) for p in result.problems}


def held(result) -> set[tuple]:
    """(row, column, key) of the problems that hold a row back."""
    return {(p.row, p.column, p.key) for p in result.problems if p.holds}

"""Small import files: mentoring records of one province, and indicator values written with
semicolons and decimal commas (as Indonesian-locale Excel saves them)."""

from __future__ import annotations

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

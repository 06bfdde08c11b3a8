"""The serving benchmark of `make bench`: bursts of visitors (bench/burst.py), bytes on the
wire (bench/transfer.py) and a replica killed in a burst (bench/faults.py), with the
targets of issue #16 on a 2-core machine."""

from __future__ import annotations

from bench import burst, faults, transfer
from inklusi.serving import nginx

TARGETS = {"p95_200_over_10_s": 1.5, "first_view_bytes": 3_000_000, "second_visit_bytes": 300_000}


def measure() -> dict:
    try:
        nginx.binary()
    except nginx.NginxError as exc:
        return {"skipped": str(exc)}
    return {"bursts": burst.run(), "bytes": transfer.run(), "fault": faults.kill_one()}


def verdicts(serve: dict) -> dict[str, bool]:
    if "skipped" in serve:
        return {}
    ten, thirty = serve["bursts"]["200 over 10 s"]["serve"], serve["bursts"]["500 over 30 s"]["serve"]
    fault = serve["fault"]
    checks = {
        "make serve, 200 over 10 s: p95 first page <= 1.5 s, 0 errors": ten["errors"] == 0
        and ten.get("first_p95_s", 99) <= TARGETS["p95_200_over_10_s"],
        "make serve, 500 over 30 s: 0 errors": thirty["errors"] == 0,
        "a replica killed: the rest unchanged, its visitors' views back": fault["rest_unchanged"]
        and fault["others_errors"] == 0
        and not fault["new_visitors_after_errors"]
        and fault["got_view_back"] == fault["lost_websocket"],
    }
    if "serve" in serve["bytes"]:
        checks["first view through the proxy <= 3 MB"] = (
            serve["bytes"]["serve"]["first_view_bytes"] <= TARGETS["first_view_bytes"]
        )
        checks["second visit through the proxy <= 300 KB"] = (
            serve["bytes"]["serve"]["second_visit_bytes"] <= TARGETS["second_visit_bytes"]
        )
    return checks


def table(serve: dict) -> list[str]:
    if "skipped" in serve:
        return [f"serving benchmark skipped: {serve['skipped']}"]
    lines = [f"{'visitors: first page median / p95 / max':46} {'errors':>6} {'memory':>8}"]
    for name, ways in serve["bursts"].items():
        for way, facts in ways.items():
            timing = (
                f"{facts['first_median_s']:.2f} / {facts['first_p95_s']:.2f} / {facts['first_max_s']:.2f} s"
                if "first_median_s" in facts
                else "no page"
            )
            lines.append(
                f"{name + ', make ' + way:24} {timing:>21} {facts['errors']:>6} {facts['server_peak_rss_mb']:>5,} MB"
            )
    for way, facts in serve["bytes"].items():
        if isinstance(facts, dict):
            lines.append(
                f"{'bytes, make ' + way + ': first view; second visit':46} "
                f"{facts['first_view_bytes']:,} B; {facts['second_visit_bytes']:,} B"
            )
    fault = serve["fault"]
    lines.append(
        f"{'a replica killed at 5 s of 200 over 10 s':46} {fault['errors']} errors; "
        f"{fault['lost_websocket']} lost the websocket, {fault['got_view_back']} got the view back; "
        f"started again in {fault['replica_started_again_after_s']} s; rest unchanged: {fault['rest_unchanged']}"
    )
    return lines

"""The serving benchmark of `make bench`: bursts of visitors (bench/burst.py), bytes on the
wire (bench/transfer.py), a replica killed in a burst (bench/faults.py), with the targets of
issue #16 on a 2-core machine; and replicas on two hosts, one taken down in a burst
(bench/hosts.py, issue #26)."""

from __future__ import annotations

from bench import burst, faults, hosts, transfer
from inklusi.serving import nginx

TARGETS = {"p95_200_over_10_s": 1.5, "first_view_bytes": 3_000_000, "second_visit_bytes": 300_000}


def measure() -> dict:
    try:
        nginx.binary()
    except nginx.NginxError as exc:
        return {"skipped": str(exc)}
    return {"bursts": burst.run(), "bytes": transfer.run(), "fault": faults.kill_one(), "hosts": hosts.run()}


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
    checks |= hosts_verdicts(serve["hosts"])
    if "serve" in serve["bytes"]:
        checks["first view through the proxy <= 3 MB"] = (
            serve["bytes"]["serve"]["first_view_bytes"] <= TARGETS["first_view_bytes"]
        )
        checks["second visit through the proxy <= 300 KB"] = (
            serve["bytes"]["serve"]["second_visit_bytes"] <= TARGETS["second_visit_bytes"]
        )
    return checks


def hosts_verdicts(several: dict) -> dict[str, bool]:
    if "skipped" in several:
        return {}
    across = several["across"]
    checks = {
        "two hosts, 200 over 10 s: 0 errors, both hosts used": across["errors"] == 0 and len(across["per_host"]) == 2
    }
    for key, label in (("down", "a host taken down"), ("silent", "a host gone silent")):
        down = several[key]
        checks[f"{label}: 0 errors, its visitors' views back, the other host unchanged"] = (
            down["errors"] == 0
            and down["lost_websocket"] > 0
            and down["got_view_back"] == down["lost_websocket"]
            and down["rest_unchanged"]
            and not down["new_visitors_after_errors"]
        )
    return checks


def hosts_table(several: dict) -> list[str]:
    if "skipped" in several:
        return [f"two hosts skipped: {several['skipped']}"]
    across = several["across"]
    timing = f"{across['first_median_s']:.2f} / {across['first_p95_s']:.2f} / {across['first_max_s']:.2f} s"
    shares = ", ".join(f"{name} {count}" for name, count in across["per_host"].items())
    lines = [f"{'200 over 10 s, two hosts':24} {timing:>21} {across['errors']:>6}   ({shares})"]
    for key, label in (("down", "a host taken down"), ("silent", "a host gone silent")):
        down = several[key]
        lines.append(
            f"{label + ' at 5 s of 200 over 10 s':46} {down['errors']} errors; "
            f"{down['lost_websocket']} lost the websocket, {down['got_view_back']} got the view back from the "
            f"other host within {down['views_back_within_s']} s; the others' p95 "
            f"{down['others'].get('first_p95_s', 0):.2f} s; rest unchanged: {down['rest_unchanged']}"
        )
    return lines


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
    return lines + hosts_table(serve["hosts"])

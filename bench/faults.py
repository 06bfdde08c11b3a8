"""A replica killed in the middle of a burst through `make serve`: who saw an error, who lost
the websocket and got the same view back (checked against the data) on another replica, and
that nothing else changed: nginx and the other replica keep running (same processes), the
visitors of the other replica lose nothing, and the replacement serves correct pages.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time

from bench.burst import summary, warm, warmed
from bench.visitors import Oracle, Visit, crowd
from inklusi.serving.nginx import COOKIE
from testkit import cards
from testkit.servers import serve_state, served

RESTART_SECONDS = 90


async def _burst_with_kill(base: str, folder, oracle: Oracle, count: int, seconds: float, victim: str, at: float):
    """The crowd, with the victim killed `at` s in; (visits, seconds until it was started again)."""
    visitors = asyncio.create_task(crowd(base, count, seconds, oracle))
    await asyncio.sleep(at)
    old = serve_state(folder)["pids"][victim]
    os.kill(old, signal.SIGKILL)
    killed = time.monotonic()
    while serve_state(folder)["pids"][victim] == old:
        if time.monotonic() - killed > RESTART_SECONDS:
            raise RuntimeError(f"{victim} was not started again within {RESTART_SECONDS} s")
        await asyncio.sleep(0.1)
    started_again = time.monotonic() - killed
    return await visitors, started_again


def kill_one(count: int = 200, seconds: float = 10.0, at: float = 5.0) -> dict:
    oracle = Oracle(*cards.load())
    with served(2) as (base, folder):
        state = serve_state(folder)
        cookies = [f"{COOKIE}=r{i}" for i in range(1, len(state["replicas"]) + 1)]
        warmed(base, oracle, cookies)
        victim = f"replica {state['replicas'][0]}"
        before = serve_state(folder)["pids"]
        visits, started_again_s = asyncio.run(_burst_with_kill(base, folder, oracle, count, seconds, victim, at))
        after = serve_state(folder)["pids"]
        afterwards = warm(base, oracle, cookies)  # a new visitor on each replica, the replacement included
    return (
        {"visitors": count, "over_s": seconds, "killed_at_s": at}
        | moved(visits)
        | {
            "replica_started_again_after_s": round(started_again_s, 1),
            "rest_unchanged": all(after[name] == pid for name, pid in before.items() if name != victim),
            "new_visitors_after_errors": afterwards,
        }
    )


def moved(visits: list[Visit]) -> dict:
    """Who saw an error, who lost the websocket and got the view back, and how the others fared."""
    lost = [v for v in visits if v.lost]
    kept = [v for v in visits if not v.lost]
    return {
        "errors": sum(1 for v in visits if v.error),
        "first_errors": sorted({v.error for v in visits if v.error})[:3],
        "lost_websocket": len(lost),
        "got_view_back": sum(1 for v in lost if v.recovered and not v.error),
        "others_errors": sum(1 for v in kept if v.error),
        "others": summary(kept),
    }

"""A protocol-level Streamlit client: the browser's websocket messages without a browser.

It opens a session on /_stcore/stream, asks for runs with widget values as the frontend
does (BackMsg.rerun_script), and collects the elements of each run until script_finished.
Light enough that twenty of them in one process measure the server, not the clients.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from inklusi.serving.nginx import COOKIE
from inklusi.serving.warmup import connect


class Session:
    """One browser tab. cookie: the Cookie header a browser would send (a proxy's affinity
    cookie, for one); open_timeout: how long to wait for the websocket to open."""

    def __init__(self, base: str, cookie: str = "", open_timeout: float = 10):
        self.base = base
        self.headers = {"Cookie": cookie} if cookie else {}
        self.open_timeout = open_timeout
        self.socket = None
        self.elements: list = []
        self.query_string = ""  # the URL's query as the browser holds it: as run, or as the app changed it
        self.not_found = False
        self.session_id = ""

    async def __aenter__(self) -> "Session":
        self.socket = await connect(self.base, self.headers, self.open_timeout)
        return self

    async def __aexit__(self, *exc) -> None:
        await self.socket.close()

    async def run(
        self, query_string: str = "", widgets: list[WidgetState] | None = None, timeout: float = 120, page: str = ""
    ) -> float:
        """Ask for a run (of the page at the URL path `page`, as a browser opening that path
        does); wait for it to finish; return the seconds it took."""
        message = BackMsg()
        message.rerun_script.query_string = self.query_string = query_string or self.query_string
        message.rerun_script.page_name = page
        for widget in widgets or []:
            message.rerun_script.widget_states.widgets.append(widget)
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        self.elements = []
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await asyncio.wait_for(self.socket.recv(), timeout))
            kind = reply.WhichOneof("type")
            if kind == "delta" and reply.delta.WhichOneof("type") == "new_element":
                self.elements.append(reply.delta.new_element)
            elif kind == "page_not_found":
                self.not_found = True
            elif kind == "page_info_changed":
                self.query_string = reply.page_info_changed.query_string
            elif kind == "new_session":
                self.session_id = reply.new_session.initialize.session_id
            elif kind == "script_finished":
                if reply.script_finished == ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY:
                    return time.perf_counter() - started

    def of_type(self, kind: str) -> list:
        return [getattr(e, kind) for e in self.elements if e.WhichOneof("type") == kind]

    def headings(self) -> list[str]:
        return [h.body for h in self.of_type("heading")]

    def metrics(self) -> dict[str, str]:
        return {m.label: m.body for m in self.of_type("metric")}

    def exceptions(self) -> list[str]:
        return [e.message for e in self.of_type("exception")]

    def selectbox(self, label: str):
        return next(s for s in self.of_type("selectbox") if s.label == label)

    def choose(self, label: str, option: str) -> WidgetState:
        """The widget state of a select box set to one of its options (given by its shown text)."""
        box = self.selectbox(label)
        if option not in box.options:
            raise ValueError(f"{option!r} is not an option of {label}")
        return WidgetState(id=box.id, string_value=option)


def served_by(response) -> str | None:
    """The replica nginx says answered (the affinity cookie it sets): of an HTTP response, or of
    a websocket's handshake (`session.socket.response`)."""
    for value in response.headers.get_all("Set-Cookie") or []:
        if value.startswith(COOKIE + "="):
            return value.split(";")[0].split("=", 1)[1]
    return None


def run_apart(coroutine):
    """asyncio.run(coroutine) in a thread of its own: a test session's Playwright (its sync API)
    keeps an event loop running in the main thread, where asyncio.run refuses to start another."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()

"""A first visit to a replica that has just started. Streamlit imports the app's modules and
fills the caches on a process's first run (seconds); without this the first visitors pay."""

from __future__ import annotations

import asyncio

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


def connect(base: str, headers: dict | None = None, open_timeout: float = 10):
    """Open a session's websocket at base (http://host:port) as a browser does."""
    return websockets.connect(
        base.replace("http://", "ws://") + "/_stcore/stream",
        subprotocols=["streamlit"],
        origin=base,
        additional_headers=headers or {},
        proxy=None,
        open_timeout=open_timeout,
        ping_interval=None,  # as a browser: it learns that a connection is gone only when it is closed
        max_size=64 * 1024 * 1024,
    )


async def _first_page(base: str) -> None:
    async with connect(base) as socket:
        message = BackMsg()
        message.rerun_script.query_string = ""
        await socket.send(message.SerializeToString())
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await socket.recv())
            if reply.WhichOneof("type") == "script_finished":
                return


def visit(base: str, timeout: float = 120) -> bool:
    """Open the first page once; False if that did not work (the replica's own log says why)."""
    try:
        asyncio.run(asyncio.wait_for(_first_page(base), timeout))
    except (OSError, asyncio.TimeoutError, websockets.WebSocketException):
        return False
    return True

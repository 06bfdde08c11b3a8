"""Twenty sessions at once against one server, each checking what it sees against an
independent computation: every answer right, no error, every interaction done. How long the
answers take is measured by `make bench` (bench/crowd.py), never asserted here: a timed
assertion fails on a busy machine while the code is right.

The clients speak Streamlit's websocket protocol (testkit/protocol.py), so they load the server,
not themselves. They click without pausing (testkit/crowd.py): the twenty sessions still overlap
on the server, more than with a reader's pauses, and the test no longer waits by construction.
"""

from __future__ import annotations

from testkit import cards
from testkit.crowd import CLIENTS, INTERACTIONS, crowd
from testkit.protocol import run_apart


def test_twenty_sessions_at_once(app):
    values, catalogue = cards.load()
    many, failures = run_apart(crowd(app, CLIENTS, values, catalogue))
    assert failures == [], failures[:3]
    assert len(many) == CLIENTS * INTERACTIONS

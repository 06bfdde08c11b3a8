"""The room address (inklusi/site/room.py) for every case a presenter meets, with this machine's
interfaces replaced by a laptop's on a venue network (192.168.1.20 on the Wi-Fi, 10.0.0.5 on a
cable), and the real detection compared with what iproute2 says the kernel routes."""

from __future__ import annotations

import shutil

import pytest

from inklusi.site import room
from testkit import hosts

WIFI, CABLE = "192.168.1.20", "10.0.0.5"


@pytest.fixture
def laptop(monkeypatch):
    monkeypatch.setattr(room, "addresses", lambda: [CABLE, WIFI, "fd00::20"])
    monkeypatch.setattr(room, "default_address", lambda: WIFI)
    monkeypatch.delenv("INKLUSI_PUBLIC_URL", raising=False)
    monkeypatch.delenv("INKLUSI_ROOM_PORT", raising=False)
    return monkeypatch


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.1.2.3", "[::1]", "app.localhost"])
def test_a_deck_opened_on_this_machine_gives_the_venue_address_under_make_serve(laptop, host):
    laptop.setenv("INKLUSI_ROOM_PORT", "8080")
    assert room.room(f"http://{host}:8080") == room.Room(f"http://{WIFI}:8080")


def test_under_make_run_no_phone_can_reach_it_and_the_presenter_is_told(laptop):
    found = room.room("http://localhost:8501")
    assert found.warning == room.RUN_LOCAL and not found.reachable


def test_an_address_the_room_can_use_is_kept(laptop):
    laptop.setenv("INKLUSI_ROOM_PORT", "8080")
    assert room.room(f"http://{CABLE}:8080") == room.Room(f"http://{CABLE}:8080")
    assert room.room("https://inklusi.example.org") == room.Room("https://inklusi.example.org")


def test_the_address_chosen_in_the_settings_and_one_that_is_gone(laptop):
    laptop.setenv("INKLUSI_ROOM_PORT", "8080")
    assert room.room("http://localhost:8080", chosen=CABLE) == room.Room(f"http://{CABLE}:8080")
    assert room.room("http://localhost:8080", chosen="fd00::20").base == "http://[fd00::20]:8080"
    gone = room.room("http://localhost:8080", chosen="192.168.7.7")
    assert gone == room.Room(f"http://{WIFI}:8080", note=room.CHOSEN_GONE)


@pytest.mark.parametrize(
    "value", ["192.168.1.20:8080", "ftp://x.org", "http://", "http://x:port", "javascript:alert(1)"]
)
def test_a_public_url_that_is_not_an_http_address_is_set_aside_with_a_message(laptop, value):
    laptop.setenv("INKLUSI_PUBLIC_URL", value)
    laptop.setenv("INKLUSI_ROOM_PORT", "8080")
    assert room.room("http://localhost:8080") == room.Room(f"http://{WIFI}:8080", note=room.PUBLIC_INVALID)


def test_a_public_url_wins(laptop):
    """Read when asked, so a server started with it uses it (the browser test of the QR code
    decodes the room address the same function gives)."""
    laptop.setenv("INKLUSI_PUBLIC_URL", "https://inklusi.example.org/")
    assert room.room("http://localhost:8501") == room.Room("https://inklusi.example.org")
    assert room.room("http://192.168.1.20:8080") == room.Room("https://inklusi.example.org")


def test_no_network_at_all(laptop):
    laptop.setattr(room, "addresses", list)
    laptop.setattr(room, "default_address", lambda: None)
    laptop.setenv("INKLUSI_ROOM_PORT", "8080")
    assert room.room("http://localhost:8080").warning == room.NO_NETWORK


@pytest.mark.skipif(not shutil.which("ip"), reason="iproute2 is not installed (.ci/run installs it)")
def test_the_detected_address_is_the_one_the_kernel_routes_by_default():
    assert room.default_address() == hosts.routed_address()
    assert room.default_address() in room.addresses()

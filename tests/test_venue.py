"""The event on a real network (not timed): a laptop on the venue's network runs `make serve`
(`python -m inklusi serve`) and opens the deck on localhost; a phone on the same network opens the
address in the QR code and gets the slide's light page, and its live link. The laptop and the
phone are network namespaces of this machine joined by a veth pair (testkit/venue.py): the room
address is found inside the laptop, so the test does not depend on this machine's interfaces,
and no packet goes to them."""

from __future__ import annotations

import re

import numpy as np
import pytest
import zxingcpp
from bs4 import BeautifulSoup
from PIL import Image
from playwright.sync_api import expect

from inklusi.story.plan import SLIDES
from testkit import hosts, venue
from testkit.chromium import CHROMIUM_ARGS, wait_until_drawn
from testkit.servers import NEEDS_NGINX

pytestmark = [
    NEEDS_NGINX,
    hosts.NEEDS_HOSTS,
    pytest.mark.serve,
    pytest.mark.serial,
]
QR_SLIDE = SLIDES.index("qr") + 1


def test_a_phone_in_the_room_opens_the_address_of_the_qr_code(browser, tmp_path):
    with venue.venue() as made:
        room = f"http://{made.address}:{venue.PORT}"
        assert made.printed_room() == room  # make serve printed it, with its QR code
        laptop = browser.browser_type.launch(executable_path=str(made.chromium), args=CHROMIUM_ARGS)
        try:
            page = laptop.new_page(viewport={"width": 1280, "height": 720})
            page.goto(f"http://localhost:{venue.PORT}/?mode=present&lang=en&slide={QR_SLIDE}")
            code = page.locator(".st-key-qr-slide img")
            expect(code).to_be_visible(timeout=60_000)
            wait_until_drawn(page)
            code.screenshot(path=tmp_path / "qr.png")
            [link] = [r.text for r in zxingcpp.read_barcodes(np.asarray(Image.open(tmp_path / "qr.png").convert("L")))]
            assert link == f"{room}/audience/en/1.html", link
            expect(page.locator(".st-key-qr-slide code")).to_have_text(link)
        finally:
            laptop.close()

        status, body = made.on_phone(link)
        light = BeautifulSoup(body, "html.parser")
        assert status == 200 and light.html["lang"] == "en" and light.find("svg") is not None
        live = light.find("a", href=re.compile(r"^/present\?"))["href"]
        status, body = made.on_phone(room + live)
        assert status == 200 and "<title>streamlit</title>" in body.lower()  # the live dashboard

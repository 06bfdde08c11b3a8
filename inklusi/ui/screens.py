"""The projector's size, for the deck's charts: Plotly sizes type in pixels and the server does not
see the screen, so the browser says it. A static script compares the step of the screen against
1280 x 720 (1, 1.125, ... up to 2: 1.5 on 1920 x 1080) with the step the slide was drawn for;
when they differ (the first visit, or the window moved to another screen), it writes the step in
a cookie and loads the deck again (at most once in 30 s for one step, so that it cannot loop):
every chart on a larger projector is the 1280 x 720 slide in proportion."""

from __future__ import annotations

import math

import streamlit as st

COOKIE = "inklusi_screen"
LARGEST = 2.0
MARK = "screen-{:d}"  # the key of a hidden container: the step the slide was drawn for, in thousandths
MARKED = "<span></span>"  # what the container holds (an empty one is not drawn)
# Static script (no data or user text in it).
SCRIPT = """<script>
(() => {
  if (window.inklusiScreen) return;
  window.inklusiScreen = true;
  const step = () => Math.max(1, Math.min(2, Math.floor(Math.min(innerWidth / 1280, innerHeight / 720) * 8) / 8));
  const check = () => {
    const drawn = document.querySelector('[class*="st-key-screen-"]');
    if (!drawn) return;
    const wanted = step();
    window.inklusiDrawn = parseInt(drawn.className.match(/st-key-screen-(\\d+)/)[1], 10) / 1000;
    const tried = JSON.parse(sessionStorage.getItem('inklusiScreenTried') || '{}');
    if (window.inklusiDrawn !== wanted && !(tried.step === wanted && Date.now() - tried.at < 30000)) {
      // only a window that must be drawn anew writes the cookie, just before it loads again: two
      // windows of one browser on two screens (the deck and its speaker view) do not undo each other
      document.cookie = `inklusi_screen=${wanted}; path=/; max-age=31536000; SameSite=Lax`;
      sessionStorage.setItem('inklusiScreenTried', JSON.stringify({step: wanted, at: Date.now()}));
      location.reload();
    }
  };
  check();
  window.setInterval(check, 250);
})();
</script>"""


def step() -> float:
    """The step this browser reported."""
    return parse(st.context.cookies.get(COOKIE))


def parse(value: str | None) -> float:
    """A step from the cookie's text: 1 to LARGEST in eighths; 1 without one, or with one that is
    not a finite number."""
    try:
        number = float(value or "1")
    except ValueError:
        return 1.0
    return min(LARGEST, max(1.0, math.floor(number * 8) / 8)) if math.isfinite(number) else 1.0


def mark(drawn: float) -> None:
    """The script, and a hidden container whose key says the step this run drew the slides for."""
    st.html(SCRIPT, unsafe_allow_javascript=True)
    with st.container(key=MARK.format(round(drawn * 1000))):
        st.html(MARKED)

"""The projector's step against 1280 x 720, from the cookie the deck's script sets: every text of
a cookie gives a step between 1 and 2 in eighths, never an error."""

from __future__ import annotations

import pytest

from inklusi.story.slide import PROJECTOR
from inklusi.ui.screens import parse


@pytest.mark.parametrize(
    "text, step",
    [
        (None, 1.0),
        ("", 1.0),
        ("1.5", 1.5),  # 1920 x 1080
        ("1.0625", 1.0),  # 1366 x 768 rounds down: the slide still fits
        ("1.99", 1.875),
        ("0.8", 1.0),  # a window under 1280 x 720 keeps the 1280 x 720 slide
        ("7", 2.0),
        ("nan", 1.0),
        ("inf", 1.0),
        ("-inf", 1.0),
        ("1.5; path=/", 1.0),
        ("=cmd|' /C calc'!A0", 1.0),
        ("１.５", 1.5),  # full-width digits, as Python reads them
    ],
)
def test_any_cookie_gives_a_step_between_one_and_two(text, step):
    assert parse(text) == step


def test_a_larger_screen_draws_every_size_in_proportion():
    larger = PROJECTOR.larger(1.5)
    assert 12 * larger.scale == pytest.approx(33)  # tick labels: 22 px at 1280 x 720, 33 at 1920 x 1080
    assert (larger.title, larger.width, larger.plot_height) == pytest.approx(
        (1.5 * PROJECTOR.title, 1.5 * PROJECTOR.width, 1.5 * PROJECTOR.plot_height)
    )
    assert larger.zoom == pytest.approx(PROJECTOR.zoom + 0.585, abs=1e-3) and larger.side

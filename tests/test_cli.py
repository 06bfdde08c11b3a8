"""`python -m inklusi`: the same numbers from the shell, and clear errors."""

from __future__ import annotations

import io
import subprocess
import sys

import pandas as pd
import pytest

from inklusi.config import REPO
from inklusi.store import queries


def cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "inklusi", *args], capture_output=True, text=True, cwd=REPO, timeout=120
    )


def test_query_prints_the_query_result_as_csv(con):
    done = cli("query", "indicator_by_province", "--param", "indicator=imdi", "--param", "year=2025")
    assert done.returncode == 0, done.stderr
    printed = pd.read_csv(io.StringIO(done.stdout), dtype={"province": str})
    direct = queries.run(con, "indicator_by_province", {"indicator": "imdi", "year": 2025})
    assert list(printed.province) == list(direct.province)
    assert list(printed.value) == list(direct.value)


def test_indicators_lists_the_catalogue():
    done = cli("indicators")
    catalogue = pd.read_csv(io.StringIO(done.stdout))
    assert done.returncode == 0 and {"imdi", "ild", "iptik"} <= set(catalogue.id)


@pytest.mark.parametrize(
    "args, message",
    [
        (["query", "nope"], "there is no query named 'nope'"),
        (["query", "indicator_by_province", "--param", "indicator=imdi"], "needs the parameter year"),
        (["query", "indicator_by_province", "--param", "year"], "--param needs key=value"),
        (["query", "national_series", "--param", "indicator=imdi", "--param", "x=1"], "takes no parameter x"),
    ],
)
def test_bad_input_is_a_clear_error_and_a_non_zero_exit(args, message):
    done = cli(*args)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""

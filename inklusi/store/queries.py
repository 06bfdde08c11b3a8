"""Named queries: one .sql file each in a layer of queries/, run only with bound parameters.

The layers: public/ (what the pages, exports, the command line and the notebook API ask for, the
catalogue), staging/ (tables the database builds when the data loads, which the public queries
read) and build/ (the derived indicators the build step adds to the values).

Each file opens with a comment header:

    -- What the query returns, in one or more lines.
    -- grain: what one row is
    -- param NAME TYPE [optional]: what it means
    -- returns: column, column, ...   (a line ending with a comma continues on the next)

Parameter values are converted to the declared type and handed to DuckDB as bound
parameters; no value is ever pasted into SQL text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Callable, Mapping

import duckdb
import pandas as pd

from inklusi.config import QUERIES_DIR
from inklusi.errors import InklusiError

TYPES = {"text": str, "integer": int, "number": float}
PARAM = re.compile(r"^param (?P<name>\w+) (?P<type>\w+)(?P<optional> optional)?: (?P<doc>.+)$")
MAX_TEXT = 200
INTEGER_RANGE = (-(2**31), 2**31 - 1)  # DuckDB's INTEGER: a value beyond it is not a sane parameter


class QueryError(InklusiError, ValueError):
    """A query was asked for by an unknown name or with wrong parameters."""

    def __init__(self, code: str, message: str, **details: Any):
        super().__init__(message)
        self.code = code
        self.details = details


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    optional: bool
    doc: str


@dataclass(frozen=True)
class Query:
    name: str
    description: str
    grain: str
    params: tuple[Param, ...]
    returns: tuple[str, ...]
    sql: str

    def bind(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Check names and convert values to the declared types; absent optional ones are null."""
        known = {p.name for p in self.params}
        extra = sorted(set(values) - known)
        if extra:
            raise QueryError(
                "extra_param",
                f"{self.name} takes no parameter {', '.join(extra)}",
                query=self.name,
                param=", ".join(extra),
            )
        bound: dict[str, Any] = {}
        for param in self.params:
            value = values.get(param.name)
            if value is None or value == "":
                if not param.optional:
                    raise QueryError(
                        "missing_param",
                        f"{self.name} needs the parameter {param.name}",
                        query=self.name,
                        param=param.name,
                    )
                bound[param.name] = None
                continue
            bound[param.name] = _convert(self.name, param, value)
        return bound


def _convert(query: str, param: Param, value: Any) -> Any:
    try:
        converted = TYPES[param.type](value)
    except (TypeError, ValueError, OverflowError):
        raise QueryError(
            "bad_value",
            f"{query}: {param.name} must be {param.type}, not {str(value)[:40]!r}",
            query=query,
            param=param.name,
            type=param.type,
        ) from None
    if param.type == "integer" and not INTEGER_RANGE[0] <= converted <= INTEGER_RANGE[1]:
        raise QueryError(
            "bad_value",
            f"{query}: {param.name} must be a whole number from {INTEGER_RANGE[0]:,} to {INTEGER_RANGE[1]:,}",
            query=query,
            param=param.name,
            type=param.type,
        )
    if param.type == "number" and not math.isfinite(converted):
        raise QueryError(
            "bad_value",
            f"{query}: {param.name} must be a finite number",
            query=query,
            param=param.name,
            type=param.type,
        )
    if isinstance(converted, str) and len(converted) > MAX_TEXT:
        raise QueryError(
            "bad_value",
            f"{query}: {param.name} is longer than {MAX_TEXT} characters",
            query=query,
            param=param.name,
            type=param.type,
        )
    return converted


def parse(path: Path) -> Query:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line[3:].strip() for line in lines if line.startswith("-- ")]
    description, grain, params, returns = [], "", [], ()
    continued = False  # a returns line ending with a comma continues on the next header line
    for line in header:
        if continued or line.startswith("returns: "):
            returns += tuple(c.strip() for c in line.removeprefix("returns: ").split(",") if c.strip())
            continued = line.endswith(",")
        elif line.startswith("grain: "):
            grain = line.removeprefix("grain: ")
        elif match := PARAM.match(line):
            if match["type"] not in TYPES:
                raise ValueError(f"{path.name}: unknown parameter type {match['type']}")
            params.append(Param(match["name"], match["type"], bool(match["optional"]), match["doc"]))
        elif not params and not grain:
            description.append(line)
    if not grain or not returns:
        raise ValueError(f"{path.name}: the header needs a grain and a returns line")
    return Query(path.stem, " ".join(description), grain, tuple(params), returns, "\n".join(lines))


LAYERS = ("public", "staging", "build")


@cache
def catalogue(layer: str = "public") -> dict[str, Query]:
    """The queries of a layer by name, in name order; the public ones unless another is asked for."""
    return {path.stem: parse(path) for path in sorted((QUERIES_DIR / layer).glob("*.sql"))}


def get(name: str, layer: str = "public") -> Query:
    queries = catalogue(layer)
    if name not in queries:
        raise QueryError(
            "unknown_query",
            f"there is no query named {str(name)[:40]!r}; known: {', '.join(queries)}",
            query=str(name)[:40],
        )
    return queries[name]


def run(cursor: duckdb.DuckDBPyConnection, name: str, values: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Run a named query with bound parameters; the columns are the ones its header promises."""
    query = get(name)
    frame = cursor.execute(query.sql, query.bind(values or {})).df()
    return frame[list(query.returns)]


def runner(cursor: duckdb.DuckDBPyConnection) -> Callable[..., pd.DataFrame]:
    """run(name, **params) on one connection or cursor: what views, slides and tests are given."""
    return lambda name, **params: run(cursor, name, params)


def remembering(run: Callable[..., pd.DataFrame]) -> Callable[..., pd.DataFrame]:
    """run that answers a query it has run with the same parameters from memory (a copy each
    time, so that a caller may change it): for building many decks over data that does not change."""
    answers: dict[tuple, pd.DataFrame] = {}

    def remembered(name: str, **params) -> pd.DataFrame:
        key = (name, tuple(sorted(params.items())))
        if key not in answers:
            answers[key] = run(name, **params)
        return answers[key].copy()

    remembered.derived = {}  # facts computed from its answers (derived below)
    return remembered


def derived(run: Callable[..., pd.DataFrame], key: tuple, compute: Callable[[], Any]) -> Any:
    """compute(), facts drawn from query answers alone: kept under key by a remembering run (its
    answers do not change, so neither do the facts; each deck of a province would compute them
    again) and computed anew for any other run. The facts are not changed by those who use them
    (frozen dataclasses)."""
    memory = getattr(run, "derived", None)
    if memory is None:
        return compute()
    if key not in memory:
        memory[key] = compute()
    return memory[key]

"""Where things live. Every setting is an environment variable documented in the README."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO / "data"
QUERIES_DIR = REPO / "queries"


def build_dir() -> Path:
    """Folder of the files the build step writes (git-ignored)."""
    return Path(os.environ.get("INKLUSI_BUILD_DIR") or REPO / "build")


def boundary_mirror() -> Path | None:
    """A local folder holding the pinned boundary files, used instead of the download."""
    value = os.environ.get("INKLUSI_BOUNDARY_MIRROR")
    return Path(value) if value else None


def import_memory_bytes() -> int:
    """Memory the imports of all sessions together may hold (INKLUSI_IMPORT_MEMORY_MB, default 2048)."""
    return int(float(os.environ.get("INKLUSI_IMPORT_MEMORY_MB") or 2048) * 1024 * 1024)


def boundaries_dir() -> Path:
    return build_dir() / "boundaries"


# Streamlit serves <app folder>/static at /app/static (server.enableStaticServing): the map
# files are published there so the browser fetches them once instead of with every chart.
STATIC_MAPS = REPO / "static" / "maps"
STATIC_MAPS_URL = "/app/static/maps"

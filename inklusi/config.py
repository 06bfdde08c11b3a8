"""Where things live, and every setting. A setting is an environment variable declared once in
SETTINGS (name, default, help) and read only through this module; docs/settings.md's table
lists each one (tests/test_docs.py checks it)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO / "data"
QUERIES_DIR = REPO / "queries"
# Streamlit serves <app folder>/static at /app/static (server.enableStaticServing): the map
# files are published there so the browser fetches them once instead of with every chart.
STATIC = REPO / "static"
STATIC_URL = "/app/static"
STATIC_MAPS = STATIC / "maps"
STATIC_MAPS_URL = f"{STATIC_URL}/maps"
# The light audience view's pages (inklusi/audience), built from the data and the story.
STATIC_AUDIENCE = STATIC / "audience"


@dataclass(frozen=True)
class Setting:
    name: str
    default: str | None  # None: unset unless given
    help: str


SETTINGS = {
    s.name: s
    for s in (
        Setting("INKLUSI_BUILD_DIR", None, "where the build step writes (default: build/ in the repository)"),
        Setting(
            "INKLUSI_BOUNDARY_MIRROR", None, "a folder holding the pinned boundary files, read instead of the download"
        ),
        Setting(
            "INKLUSI_REFERENCE_DIR", None, "tests: the folder of the published reference tables (../shared/reference)"
        ),
        Setting("INKLUSI_HOSTS", "localhost,127.0.0.1,::1", "hosts whose links the shell export accepts"),
        Setting("INKLUSI_DATA_DIR", None, "a folder of files the import page offers"),
        Setting("INKLUSI_IMPORT_MEMORY_MB", "2048", "memory the imports of all sessions together may hold"),
        Setting(
            "INKLUSI_PUBLIC_URL", None, "the address the audience reaches the dashboard at (QR codes, shared links)"
        ),
        Setting(
            "INKLUSI_AUDIENCE_URL",
            f"{STATIC_URL}/audience",
            "where the light audience view's pages are served (make serve sets /audience for its replicas)",
        ),
        Setting("INKLUSI_SERVE_PORT", "8080", "the audience's port of make serve"),
        Setting(
            "INKLUSI_ROOM_PORT",
            None,
            "the port the room's phones reach this dashboard at (make serve sets nginx's for its replicas)",
        ),
        Setting("INKLUSI_SERVE_ADDRESS", "0.0.0.0", "where make serve's nginx listens"),
        Setting("REPLICAS", None, "replicas make serve starts on this machine (default: one per core)"),
        Setting("INKLUSI_REPLICA_PORT", "8601", "port of the first replica (0: free ports)"),
        Setting("INKLUSI_REPLICA_ADDRESS", "127.0.0.1", "where the replicas listen"),
        Setting("INKLUSI_UPSTREAMS", None, "replicas on other hosts (host:port,...) that nginx also sends to"),
        Setting("INKLUSI_CHROMIUM", "/usr/bin/chromium", "tests and benchmark: the Chromium executable"),
    )
}


@cache  # read at every run of the import page
def upload_megabytes() -> int:
    """The one upload limit, in MB: Streamlit's server.maxUploadSize in .streamlit/config.toml."""
    settings = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())
    return int(settings["server"]["maxUploadSize"])


def setting(name: str) -> str | None:
    """The value of a declared setting: the environment's, else its default."""
    declared = SETTINGS[name]
    return os.environ.get(name) or declared.default


def build_dir() -> Path:
    """Folder of the files the build step writes (git-ignored)."""
    return Path(setting("INKLUSI_BUILD_DIR") or REPO / "build")


def boundary_mirror() -> Path | None:
    """A local folder holding the pinned boundary files, used instead of the download."""
    value = setting("INKLUSI_BOUNDARY_MIRROR")
    return Path(value) if value else None


def boundaries_dir() -> Path:
    return build_dir() / "boundaries"


def reference_dir() -> Path | None:
    value = setting("INKLUSI_REFERENCE_DIR")
    return Path(value) if value else None


def allowed_hosts() -> tuple[str, ...]:
    return tuple(h.strip() for h in setting("INKLUSI_HOSTS").split(",") if h.strip())


def data_dir() -> Path | None:
    value = setting("INKLUSI_DATA_DIR")
    return Path(value) if value and Path(value).is_dir() else None


def import_memory_bytes() -> int:
    return int(float(setting("INKLUSI_IMPORT_MEMORY_MB")) * 1024 * 1024)


def chromium() -> Path:
    return Path(setting("INKLUSI_CHROMIUM"))

"""The link codec: a view as a shareable link, and a copied link back to its page and values.

The dashboard's address bar, the links in exports and on slides, and `python -m inklusi export
--from-url` all go through these functions, so that a link means the same view everywhere.
Which values a field accepts is viewstate's business; this module only moves them in and out
of links. Links pasted through chat apps arrive with `&amp;` for `&` or a trailing bracket or
full stop: both are undone.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from inklusi.errors import InklusiError
from inklusi.site import registry

TRAILING = ".,;:!?)]}>'\"»"  # what a chat app or a sentence leaves after a pasted link


class LinkError(InklusiError, ValueError):
    """A link that is not a link to a page of this dashboard."""


def query(page: registry.Page, state: dict) -> dict[str, str]:
    """The URL parameters of a view: the page's fields that have a value."""
    return {name: str(state[name]) for name in page.url_fields if state.get(name) not in (None, "")}


def build(base: str, page: registry.Page, state: dict) -> str:
    """The link of a view on a dashboard at base (scheme://host[:port][/prefix])."""
    parts = urlsplit(base)
    path = parts.path.rstrip("/") + ("/" if page is registry.HOME else f"/{page.name}")
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query(page, state)), ""))


def clean_params(raw) -> dict[str, str]:
    """URL parameters as the app reads them, with a chat app's `amp;` prefixes undone, and the
    speaker view's documented link (?mode=present&view=speaker) read as speaker=1."""
    params = {key.removeprefix("amp;"): value for key, value in dict(raw).items()}
    if params.get("mode") == "present" and params.get("view") == "speaker":
        params = {k: v for k, v in params.items() if k != "view"} | {"speaker": "1"}
    return params


def parse(url: str, hosts: tuple[str, ...]) -> tuple[registry.Page, dict[str, str]]:
    """The page and URL parameters of a copied dashboard link (only links to the given hosts)."""
    text = url.strip().rstrip(TRAILING).replace("&amp;", "&")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LinkError("this is not a dashboard link: it needs to start with http:// or https://")
    if parts.hostname not in hosts:
        raise LinkError(
            f"the link points to {parts.hostname}, not to this dashboard "
            f"(allowed hosts: {', '.join(hosts)}; see INKLUSI_HOSTS)"
        )
    name = parts.path.rstrip("/").rsplit("/", 1)[-1] or registry.HOME.name
    if name not in registry.BY_NAME:
        raise LinkError(f"the link's page {name[:40]!r} is not a page of this dashboard")
    return registry.page(name), dict(parse_qsl(parts.query, keep_blank_values=True))

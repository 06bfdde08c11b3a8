"""nginx in front of the replicas: found on this machine, configured from
deploy/nginx.conf.template into a run folder under build/ (never /etc), checked with
`nginx -t`, run in the foreground with its pid, logs and temporary files in that folder."""

from __future__ import annotations

import grp
import os
import pwd
import re
import resource
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from inklusi import audience, config
from inklusi.config import REPO
from inklusi.serving import ServeError

TEMPLATE = REPO / "deploy" / "nginx.conf.template"
INSTALL_HINT = (
    "nginx is not installed. On Debian or Ubuntu: sudo apt-get install nginx "
    "libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static (the last two are optional: "
    "brotli compression)"
)
BROTLI_MODULES = ("ngx_http_brotli_filter_module.so", "ngx_http_brotli_static_module.so")
TEXT_TYPES = "text/css application/javascript application/json application/geo+json image/svg+xml text/plain text/csv"
COOKIE = "inklusi_replica"
COOKIE_ATTRIBUTES = "Path=/; HttpOnly; SameSite=Lax"
# A replica that failed is left alone this long: time for the supervisor to start it again
# and for its first run (imports, caches) before visitors come back to it.
RETRY_SECONDS = 10


class NginxError(ServeError):
    """nginx is missing, refuses its configuration, or has no replica to send visitors to."""


def binary() -> str:
    """The nginx program (Debian puts it in /usr/sbin, which a user's PATH may lack)."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if not found:
        raise NginxError(INSTALL_HINT)
    return found


def brotli_modules(nginx: str) -> list[Path]:
    """Debian's brotli modules for this nginx, when they are installed (else [])."""
    configured = subprocess.run([nginx, "-V"], capture_output=True, text=True).stderr
    folder = re.search(r"--modules-path=(\S+)", configured)
    paths = [Path(folder.group(1) if folder else "/usr/lib/nginx/modules") / name for name in BROTLI_MODULES]
    return paths if all(p.exists() for p in paths) else []


@dataclass(frozen=True)
class Site:
    """What the configuration needs to know."""

    listen: str  # address:port for the audience
    upstreams: list[str]  # host:port of every replica, local and on other hosts
    run: Path  # pid, logs, temporary files
    frontend: Path  # Streamlit's frontend (index.html, static/) mirrored with compressed copies
    maps: Path  # the published maps, mirrored likewise
    maps_url: str
    audience: Path  # the light audience view's pages, mirrored likewise
    pages: list[str]  # URL paths of the app's pages
    brotli: list[Path]  # modules to load; [] for gzip only


def _affinity(upstreams: list[str]) -> str:
    names = [f"r{i}" for i in range(1, len(upstreams) + 1)]
    share = f"{100 / len(names):.2f}".rstrip("0").rstrip(".")
    known = "".join(f"        {n} {n};\n" for n in names)
    no_cookie = "".join(f'        {n} "";\n' for n in names)
    served = "".join(
        f'        "~(^|, ){re.escape(address)}$" {n};\n' for n, address in zip(names, upstreams, strict=True)
    )
    return (
        '    split_clients "$request_id" $random_replica {\n'
        + "".join(f"        {share}% {n};\n" for n in names[:-1])
        + f"        * {names[-1]};\n    }}\n"
        f"    map $cookie_{COOKIE} $replica {{\n{known}        default $random_replica;\n    }}\n"
        f"    map $cookie_{COOKIE} $new_visitor_cookie {{\n{no_cookie}"
        f'        default "{COOKIE}=$random_replica; {COOKIE_ATTRIBUTES}";\n    }}\n'
        f'    map $upstream_addr $served_by {{\n{served}        default "";\n    }}\n'
        f'    map $served_by $served_by_cookie {{\n        "" "";\n'
        f'        default "{COOKIE}=$served_by; {COOKIE_ATTRIBUTES}";\n    }}'
    )


def _upstreams(upstreams: list[str]) -> str:
    """One group per replica: the replica first, the others as backups for when it is down."""
    groups = []
    for i, address in enumerate(upstreams, 1):
        servers = [f"        server {address} max_fails=1 fail_timeout={RETRY_SECONDS}s;"]
        servers += [
            f"        server {other} backup max_fails=1 fail_timeout={RETRY_SECONDS}s;"
            for other in upstreams
            if other != address
        ]
        groups.append(f"    upstream r{i} {{\n" + "\n".join(servers) + "\n        keepalive 16;\n    }")
    return "\n".join(groups)


def render(site: Site) -> str:
    if not site.upstreams:
        raise NginxError("no replica to send visitors to")
    soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    open_files = 65536 if soft == resource.RLIM_INFINITY else min(soft, 65536)
    user = ""
    if os.geteuid() == 0:  # workers run as the owner of the files they serve
        owner = REPO.stat()
        user = f"user {pwd.getpwuid(owner.st_uid).pw_name} {grp.getgrgid(owner.st_gid).gr_name};"
    values = {
        "load_modules": "\n".join(f"load_module {p};" for p in site.brotli),
        "user": user,
        "open_files": str(open_files),
        "connections": str(min(open_files, 16384)),
        "run": str(site.run),
        "upload_mb": str(config.upload_megabytes() + 1),
        "brotli": (
            f"    brotli on;\n    brotli_comp_level 5;\n    brotli_min_length 512;\n    brotli_types {TEXT_TYPES};"
            if site.brotli
            else ""
        ),
        "brotli_static": "            brotli_static on;" if site.brotli else "",
        "affinity": _affinity(site.upstreams),
        "upstreams": _upstreams(site.upstreams),
        "listen": site.listen,
        "frontend": str(site.frontend),
        "maps": str(site.maps),
        "maps_url": site.maps_url,
        "audience": str(site.audience),
        "audience_url": audience.SERVE_URL,
        "pages": "|".join(re.escape(p) for p in site.pages),
    }
    return re.sub(r"@(\w+)@", lambda m: values[m.group(1)], TEMPLATE.read_text())


def write(site: Site) -> Path:
    """Write the configuration into the run folder and check it with `nginx -t`."""
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (site.run / "tmp" / sub).mkdir(parents=True, exist_ok=True)
    conf = site.run / "nginx.conf"
    conf.write_text(render(site))
    checked = subprocess.run(command(conf, site.run) + ["-t", "-q"], capture_output=True, text=True)
    if checked.returncode:
        raise NginxError(f"nginx refused {conf}: {checked.stderr.strip()}")
    return conf


def command(conf: Path, run: Path) -> list[str]:
    return [binary(), "-c", str(conf), "-p", f"{run}/", "-e", str(run / "error.log"), "-g", "daemon off;"]

"""`make serve`: nginx in front of Streamlit replicas.

supervisor   starts, watches and stops the replicas and nginx (python -m inklusi serve)
nginx        finds nginx, writes its configuration from deploy/nginx.conf.template, checks it
precompress  compressed copies of the files nginx serves itself
warmup       a first visit to a replica that has just started

Every error raised here on purpose is a ServeError (an InklusiError).
"""

from __future__ import annotations

from inklusi.errors import InklusiError


class ServeError(InklusiError, RuntimeError):
    """make serve cannot start or keep running: a setting, nginx, or a replica that does not answer."""

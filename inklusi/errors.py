"""The root of every error Inklusi raises on purpose, so that a caller (the command line, a
notebook) can catch one thing. Each error keeps the built-in class it also is, and its message
says what went wrong in plain words.

    InklusiError
    ├── BuildError         (inklusi/store/build.py)         the curated data failed a check; nothing was written
    ├── BoundaryError      (inklusi/store/boundaries.py)    the boundary files are missing, changed or unreadable
    ├── MissingBuildError  (inklusi/store/db.py)            the build step has not been run
    ├── QueryError         (inklusi/store/queries.py)       an unknown query, or wrong parameters
    ├── ExportError        (inklusi/export/view.py)         an export that cannot be made as asked
    ├── WriteError         (inklusi/export/safe_write.py)   files that could not be written; nothing was changed
    ├── LinkError          (inklusi/site/links.py)               a link that is not a link to a page of this dashboard
    ├── ReadError          (inklusi/imports/problems.py)    an imported file that cannot be read at all
    ├── ServeError         (inklusi/serving/)               make serve cannot start or keep running
    │   ├── SettingError   (inklusi/serving/supervisor.py)  a setting of make serve that is not understood
    │   ├── ReplicaError   (inklusi/serving/supervisor.py)  a replica or nginx exited or did not answer
    │   └── NginxError     (inklusi/serving/nginx.py)       nginx missing, refusing its configuration, or no replica
    └── ServerFull         (inklusi/ui/data.py)             imports already hold the memory the server allows
"""

from __future__ import annotations


class InklusiError(Exception):
    """Raised on purpose by Inklusi; see the module docstring for the tree."""

"""Writing a set of files (an export and its sidecar) whole and together, or not at all.

Each file is first written in full to a temporary file in its target folder. Only when every
one is complete are they moved into place: without `force`, an existing file is never touched
(and one that appears meanwhile is not overwritten); with `force`, each file it replaces is
first set aside and put back if any later step fails. A target that is not a regular file (a
folder, a link, a device, a pipe) is refused before anything is written.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from inklusi.errors import InklusiError


class WriteError(InklusiError, RuntimeError):
    """The files could not be written; nothing of the user's was changed."""


def write_together(files: dict[Path, bytes], *, force: bool = False) -> None:
    for path in files:
        _check_target(path, force)
    staged: dict[Path, str] = {}
    try:
        for path, content in files.items():
            staged[path] = _stage(path, content)
        _commit(staged, force)
    finally:
        for temporary in staged.values():
            Path(temporary).unlink(missing_ok=True)


def _check_target(path: Path, force: bool) -> None:
    folder = path.absolute().parent
    if not folder.is_dir():
        raise WriteError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(mode):
        raise WriteError(f"cannot write {path}: it is not a regular file (a folder, a link, a device or a pipe)")
    if not force:
        raise WriteError(f"{path} exists; use --force to replace it")


def _stage(path: Path, content: bytes) -> str:
    try:
        handle, staged = tempfile.mkstemp(dir=path.absolute().parent, prefix=f".{path.name}.")
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        with contextlib.suppress(OSError):  # mkstemp makes it private; give it a new file's mode where allowed
            os.chmod(staged, 0o666 & ~_umask())
    except OSError as exc:
        Path(staged).unlink(missing_ok=True)
        raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return staged


def _commit(staged: dict[Path, str], force: bool) -> None:
    """Move every staged file into place; on a failure, undo the moves already made."""
    done: list[tuple[Path, str | None]] = []  # (target, where its old content was set aside)
    try:
        for path, temporary in staged.items():
            if force:
                kept = _set_aside(path)
                done.append((path, kept))
                os.replace(temporary, path)
            else:
                os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY))  # fails if it appeared meanwhile
                done.append((path, None))
                os.replace(temporary, path)
    except OSError as exc:
        for path, kept in reversed(done):
            if kept:
                os.replace(kept, path)
            else:
                path.unlink(missing_ok=True)
        reason = (
            "it appeared while writing; use --force to replace it"
            if isinstance(exc, FileExistsError)
            else exc.strerror or str(exc)
        )
        raise WriteError(f"cannot write {exc.filename or path}: {reason}") from exc
    for _, kept in done:
        if kept:
            Path(kept).unlink(missing_ok=True)


def _set_aside(path: Path) -> str | None:
    """Rename an existing file to a temporary name beside it (so it can be put back)."""
    if not path.exists():
        return None
    handle, kept = tempfile.mkstemp(dir=path.absolute().parent, prefix=f".{path.name}.previous.")
    os.close(handle)
    os.replace(path, kept)
    return kept


def _umask() -> int:
    """The process's file-creation mask (reading it means setting it; the command line is one thread)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask

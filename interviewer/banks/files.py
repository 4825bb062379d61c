"""Reading and writing bank files safely: bounded reads of regular files, atomic writes.

A shared bank is untrusted input: it may be a FIFO that never ends, a symlink to
/dev/zero, or huge. A bank being written may meet a full disk: the old file (or
no file) stays, never a half-written one that warns on every command.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from interviewer.file_modes import current_umask

# The largest built-in bank is about 60 KB; a bank a thousand times that is not a bank.
MAX_BANK_BYTES = 8 * 1024 * 1024


class UnreadableFileError(Exception):
    """Why a bank file was not read, in words for the user."""


def read_limited(path: Path, limit: int = MAX_BANK_BYTES, encoding: str = "utf-8-sig") -> str:
    """The text of a regular file of at most `limit` bytes; UnreadableFileError otherwise.

    `utf-8-sig` so a bank saved by Notepad with a byte-order mark reads like any other.
    """
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer that never comes
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise UnreadableFileError(f"cannot read the file ({exc.strerror or exc})") from exc
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFileError("not a regular file (a device, a pipe or a folder)")
        if info.st_size > limit:
            raise UnreadableFileError(f"the file is {info.st_size // 1024} KB; at most "
                                      f"{limit // (1024 * 1024)} MB is read")
        try:
            data = file.read(limit + 1)
        except OSError as exc:
            raise UnreadableFileError(f"cannot read the file ({exc.strerror or exc})") from exc
    if len(data) > limit:
        raise UnreadableFileError(f"the file grew past {limit // (1024 * 1024)} MB while reading")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableFileError(f"not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc


def write_atomic(target: Path, text: str) -> None:
    """Write through a temporary file in the same folder, then rename it over `target`.

    The temporary name does not end in `.toml`, so the loader never sees it; on any
    failure it is removed and `target` is as it was. Mode 0644 minus the umask, as a
    plain `open` would give.
    """
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    partial = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(partial, 0o666 & ~current_umask())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise

"""Reading and writing bank files safely: bounded reads of regular files, atomic writes.

A shared bank is untrusted input: it may be a FIFO that never ends, a symlink to
/dev/zero, or huge. A bank being written may meet a full disk: the old file (or
no file) stays, never a half-written one that warns on every command.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from interviewer.file_modes import current_umask
from interviewer.safe_read import UnreadableFileError, read_text

__all__ = ["MAX_BANK_BYTES", "UnreadableFileError", "read_limited", "write_atomic"]

# The largest built-in bank is about 60 KB; a bank a thousand times that is not a bank.
MAX_BANK_BYTES = 8 * 1024 * 1024


def read_limited(path: Path, limit: int = MAX_BANK_BYTES, encoding: str = "utf-8-sig") -> str:
    """The text of a regular file of at most `limit` bytes; UnreadableFileError otherwise
    (the app's one safe reader, interviewer.safe_read)."""
    return read_text(path, limit, encoding)


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

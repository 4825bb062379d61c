"""The SHA-256 of a voice file, computed once per process per version of the file.

The cache key names the voice file's digest, so a replaced voice never replays
audio made with the old one; hashing a 60 MB model on every request would cost more
than a cached replay, so the digest is kept while the file's size and time stay put.
"""

from __future__ import annotations

import threading
from pathlib import Path

from interviewer.speech.download import sha256_of

_memo: dict[tuple[str, int, int], str] = {}
_lock = threading.Lock()


def file_digest(path: Path) -> str:
    """SHA-256 of `path`, from memory while its size and modification time are unchanged."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    with _lock:
        known = _memo.get(key)
    if known is None:
        known = sha256_of(path)
        with _lock:
            _memo[key] = known
    return known

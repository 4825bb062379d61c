"""Synthesised speech on disk, so a replay or a repeated question starts at once.

Keyed by everything that changes the sound: text, voice, rate, volume, and the voice's
fingerprint (the backend's name and, for Piper, the SHA-256 of the voice files).
Files are written under a temporary name and renamed in, so a reader never sees
half a file. Oldest-used files go first once the folder passes its size limit.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from pathlib import Path

from interviewer import paths

DEFAULT_LIMIT_BYTES = 200 * 1024 * 1024
KEY_VERSION = 2


def default_root() -> Path:
    return paths.cache_dir() / "tts"


def cache_key(text: str, voice: str, rate: int, volume: float, fingerprint: str = "") -> str:
    """A stable digest of what the audio depends on."""
    payload = json.dumps([KEY_VERSION, text, voice, int(rate), round(float(volume), 3),
                          fingerprint],
                         ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


class TtsCache:
    """A folder of WAV files named by cache key, with a size limit."""

    def __init__(self, root: Path | None = None, max_bytes: int = DEFAULT_LIMIT_BYTES) -> None:
        self.root = root or default_root()
        self.max_bytes = max_bytes

    def path_for(self, key: str) -> Path:
        return self.root / f"{key}.wav"

    def get(self, key: str) -> Path | None:
        """The cached file, marked as just used; None on a miss."""
        path = self.path_for(key)
        try:
            os.utime(path)
        except OSError:
            return None
        return path

    def temp_path(self, key: str) -> Path:
        """Where the worker writes; unique per call so two writers never collide."""
        paths.ensure(self.root)
        return self.root / f".{key}.{uuid.uuid4().hex[:12]}.partial.wav"

    def put(self, key: str, written: Path) -> Path:
        """Move a complete file in, then trim the cache to its limit (never the new file)."""
        target = self.path_for(key)
        os.replace(written, target)
        self.trim(keep=target)
        return target

    def entries(self) -> list[Path]:
        """Complete cached files (partial ones start with a dot)."""
        if not self.root.is_dir():
            return []
        return sorted(p for p in self.root.glob("*.wav") if not p.name.startswith("."))

    def size(self) -> int:
        return sum(_size(p) for p in self.entries())

    def trim(self, keep: Path | None = None) -> list[Path]:
        """Delete least recently used files until the total fits; returns what was removed."""
        files = [(_mtime(p), p) for p in self.entries()]
        total = sum(_size(p) for _, p in files)
        removed: list[Path] = []
        for _, path in sorted(files):
            if total <= self.max_bytes:
                break
            if path == keep:
                continue
            total -= _size(path)
            path.unlink(missing_ok=True)
            removed.append(path)
        return removed

    def clear(self) -> int:
        count = 0
        for path in self.entries():
            path.unlink(missing_ok=True)
            count += 1
        return count


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0

"""File modes: files the app writes get the usual 0644-less-umask, never mkstemp's 0600."""

from __future__ import annotations

import os
from pathlib import Path


def current_umask() -> int:
    """The process umask: from /proc where it can be read without changing it."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere reading it means setting it, so set it straight back
    os.umask(mask)
    return mask

"""Install work folders (`.install-*`): made with a lock held, removed once abandoned.

A model install unpacks hundreds of MB into a work folder next to its target, then
renames it into place. An install killed outright leaves that folder behind. Each
running install holds a lock on a file in its folder, so the next install can tell a
killed one's leftovers (removed at once) from a running one's (left alone). The steps
every model install shares (Vosk and Whisper alike) live here too: links are refused,
and the finished folder is renamed into place in one step.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import IO

from interviewer.speech.errors import ModelError

try:
    import fcntl
except ImportError:  # Windows: abandoned folders are found by age instead
    fcntl = None  # type: ignore[assignment]

PREFIX = ".install-"
LOCK_NAME = "lock"
# A folder with no lock file yet is this young at most while its install runs; without
# locks (Windows) a folder untouched for a day is taken to be abandoned.
UNLOCKED_GRACE_SECONDS = 60
NO_LOCKS_SECONDS = 24 * 3600


class WorkFolder:
    """A fresh work folder under `root`, locked until `close` removes it."""

    def __init__(self, root: Path) -> None:
        remove_abandoned(root)
        self.path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=root))
        self._lock: IO[bytes] | None = None
        try:
            self._lock = open(self.path / LOCK_NAME, "wb")  # noqa: SIM115 (held till close)
            if fcntl is not None:
                fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.close()
            raise

    def close(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        if self._lock is not None:
            self._lock.close()
            self._lock = None


def abandoned(folder: Path) -> bool:
    """True when no running install holds this work folder."""
    lock = folder / LOCK_NAME
    age = time.time() - folder.stat().st_mtime
    if fcntl is None:
        return age > NO_LOCKS_SECONDS
    if not lock.is_file():
        return age > UNLOCKED_GRACE_SECONDS  # killed before its lock was made
    with open(lock, "rb") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # a running install holds it
        fcntl.flock(handle, fcntl.LOCK_UN)
        return True


def remove_abandoned(root: Path) -> None:
    """Work folders of installs that were killed go at once."""
    for leftover in root.glob(f"{PREFIX}*"):
        try:
            if leftover.is_dir() and abandoned(leftover):
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            continue


def refuse_symlinks(folder: Path) -> None:
    """A link inside a model folder could point anywhere (/etc): the install stops."""
    for parent, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            if (Path(parent) / name).is_symlink():
                raise ModelError(f"{Path(parent) / name}: a symbolic link inside the model "
                                 "folder", "copy the real files into the folder; nothing "
                                 "was installed")


def move_into_place(folder: Path, target: Path, work: Path) -> Path:
    """Renames on one file system are atomic: the old model stays until the new one is in."""
    old = work / "previous"
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(folder, target)
    except OSError:
        if old.exists():
            os.replace(old, target)
        raise
    return target

"""The one place that reads the app's small side files and checks their shape.

Settings, personas, the active-model marker and unsaved answers are read through
`interviewer.safe_read`; when one cannot be used, the caller falls back to its
defaults and one line on stderr names the file and the reason, once per run.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Any

from interviewer.banks.text_safety import printable
from interviewer.safe_read import (
    MAX_SIDE_FILE_BYTES,
    BadContentError,
    UnreadableFileError,
    read_json,
    read_text,
)

_warned: set[tuple[str, str]] = set()


def warn(path: Path | str, reason: str, fallback: str = "using the defaults") -> None:
    """One line on stderr, control characters made visible; repeated warnings are dropped."""
    key = (str(path), reason)
    if key in _warned:
        return
    _warned.add(key)
    line = printable(f"interviewer: warning: {path}: {reason}; {fallback}")
    # no stderr (a GUI start without a terminal): the fallback applies all the same
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(line, file=sys.stderr, flush=True)


def json_object(path: Path, limit: int = MAX_SIDE_FILE_BYTES,
                fallback: str = "using the defaults",
                keep_aside: bool = False) -> dict[str, Any] | None:
    """The JSON object in `path`; None (silently) when there is no file, None with a
    warning when it is unreadable, not JSON or not an object. With `keep_aside`, a file
    whose content is unusable is renamed to `<name>.broken` (where the folder allows),
    so the next save does not silently overwrite what a person may want to repair."""
    try:
        data = read_json(path, limit)
    except BadContentError as exc:
        warn(path, str(exc), fallback)
        _keep_aside(path, keep_aside)
        return None
    except UnreadableFileError as exc:
        if not _missing(path):
            warn(path, str(exc), fallback)
        return None
    if not isinstance(data, dict):
        warn(path, f"holds {type(data).__name__ if data is not None else 'null'}, "
                   "not a JSON object", fallback)
        _keep_aside(path, keep_aside)
        return None
    return data


def _keep_aside(path: Path, wanted: bool) -> None:
    if wanted:
        with contextlib.suppress(OSError):  # a read-only folder: the defaults apply anyway
            path.replace(path.with_name(path.name + ".broken"))


def first_line(path: Path, limit: int = 4096, fallback: str = "ignoring it") -> str:
    """The first line of a small text marker file, '' when missing or unusable."""
    try:
        text = read_text(path, limit)
    except UnreadableFileError as exc:
        if not _missing(path):
            warn(path, str(exc), fallback)
        return ""
    line = text.strip().splitlines()[0].strip() if text.strip() else ""
    if "\x00" in line or "/" in line or line.startswith("."):
        warn(path, "does not name a folder", fallback)
        return ""
    return line


def _missing(path: Path) -> bool:
    try:
        return not path.exists() and not path.is_symlink()
    except (OSError, ValueError):
        return False

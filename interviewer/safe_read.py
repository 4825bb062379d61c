"""One safe way to read every file the app reads: banks, settings, personas, voices'
side files, the active-model marker and unsaved answers.

Any of them may be hostile or damaged: a FIFO that never ends, a link to /dev/zero, a
folder named like a file, bytes that are not UTF-8, brackets nested 100,000 deep, or a
TOML key of 20,000 dotted parts (tomllib is quadratic on those). Each case ends in
UnreadableFileError with the reason in words, read in bounded time and memory.
"""

from __future__ import annotations

import json
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

MAX_SIDE_FILE_BYTES = 1024 * 1024  # settings, personas, markers: a few KB each
MAX_DEPTH = 64  # no file the app reads nests deeper than a handful of levels
MAX_KEY_PARTS = 32  # parts of one dotted TOML key or table header
MAX_TOML_DOTS = 20_000  # dots in keys and headers over the whole file


class UnreadableFileError(Exception):
    """Why a file was not read, in words for the user (without the path: callers add it)."""


class BadContentError(UnreadableFileError):
    """The file was read, but what it holds cannot be used (not UTF-8, not JSON or TOML,
    nested too deep): worth keeping aside for a person, unlike a file that is locked."""


def _size_words(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"


def read_bytes(path: Path | str, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, never waiting on a pipe."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer that never comes
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError) as exc:  # ValueError: a path with a NUL byte
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UnreadableFileError(f"cannot read the file ({reason})") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFileError("not a regular file (a device, a pipe or a folder)")
        if info.st_size > limit:
            raise UnreadableFileError(f"the file is {info.st_size // 1024} KB; at most "
                                      f"{_size_words(limit)} is read")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise UnreadableFileError(f"cannot read the file ({exc.strerror or exc})") from exc
    finally:
        os.close(fd)
    if size > limit:
        raise UnreadableFileError(f"the file grew past {_size_words(limit)} while reading")
    return b"".join(chunks)


def read_text(path: Path | str, limit: int = MAX_SIDE_FILE_BYTES,
              encoding: str = "utf-8-sig") -> str:
    """The text of a regular file; `utf-8-sig` so a byte-order mark from Notepad is fine."""
    data = read_bytes(path, limit)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise BadContentError(f"not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc


def nesting_depth(text: str, toml: bool = False) -> int:
    """How deep brackets nest outside strings (JSON and TOML quoting; TOML comments),
    in one pass."""
    depth = deepest = 0
    quote = ""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if quote:
            if ch == "\\" and quote in ('"', '"""'):
                i += 2
                continue
            if text.startswith(quote, i):
                i += len(quote)
                quote = ""
                continue
        elif ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, i) else ch
            i += len(quote)
            continue
        elif ch == "#" and toml:
            newline = text.find("\n", i)
            i = n if newline < 0 else newline
            continue
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
        i += 1
    return deepest


def _too_deep(max_depth: int) -> UnreadableFileError:
    return BadContentError(f"values are nested too deeply (more than {max_depth} levels)")


def parse_json(text: str, max_depth: int = MAX_DEPTH) -> Any:
    """json.loads, refusing nesting that would exhaust the stack before trying."""
    if nesting_depth(text) > max_depth:
        raise _too_deep(max_depth)
    try:
        return json.loads(text)
    except ValueError as exc:
        raise BadContentError(f"not valid JSON ({exc})") from exc
    except RecursionError as exc:
        raise _too_deep(max_depth) from exc


def read_json(path: Path | str, limit: int = MAX_SIDE_FILE_BYTES,
              max_depth: int = MAX_DEPTH) -> Any:
    return parse_json(read_text(path, limit), max_depth)


def _key_parts(line: str) -> int:
    """Parts of the key or table header a line starts with (1 when it has no dots; 0 when
    the line sets no key: a value's continuation). Quoted parts may hold dots."""
    header = line.startswith("[")
    quote = ""
    parts = 1
    for ch in line.lstrip("["):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == ".":
            parts += 1
        elif ch == ("]" if header else "="):
            return parts
        elif ch == "#":
            return 0
    return 0


def _dotted_key_parts(text: str) -> tuple[int, int]:
    """(most parts in one key or header, dots in keys over the file); lines inside
    multi-line strings are skipped."""
    most = total = 0
    in_string = ""
    for raw in text.splitlines():
        line = raw.lstrip()
        if in_string:
            if line.count(in_string) % 2 == 1:
                in_string = ""
            continue
        parts = _key_parts(line) if line and line[0] != "#" else 0
        most = max(most, parts)
        total += max(0, parts - 1)
        for quote in ('"""', "'''"):
            if line.count(quote) % 2 == 1:
                in_string = quote
                break
    return most, total


def check_toml_limits(text: str, max_depth: int = MAX_DEPTH,
                      max_key_parts: int = MAX_KEY_PARTS) -> None:
    """Refuse, in linear time, TOML that tomllib would take minutes or the whole stack on."""
    most, total = _dotted_key_parts(text)
    if most > max_key_parts:
        raise BadContentError(f"a key has {most} dotted parts; at most {max_key_parts} "
                                  "are read")
    if total > MAX_TOML_DOTS:
        raise BadContentError(f"keys hold {total} dots in all; at most {MAX_TOML_DOTS} "
                                  "are read")
    if nesting_depth(text, toml=True) > max_depth:
        raise _too_deep(max_depth)


def parse_toml(text: str, max_depth: int = MAX_DEPTH) -> dict[str, Any]:
    """tomllib.loads behind the limits; TOMLDecodeError passes through (it names a line)."""
    check_toml_limits(text, max_depth)
    try:
        return tomllib.loads(text)
    except (RecursionError, MemoryError) as exc:
        raise _too_deep(max_depth) from exc


def read_toml(path: Path | str, limit: int = MAX_SIDE_FILE_BYTES) -> dict[str, Any]:
    text = read_text(path, limit)
    try:
        return parse_toml(text)
    except tomllib.TOMLDecodeError as exc:
        raise BadContentError(f"not valid TOML ({exc})") from exc

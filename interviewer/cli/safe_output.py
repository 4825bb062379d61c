"""Everything the terminal commands print goes through one filter.

Text from a file or a person (a persona's greeting, an answer file's name, a recording
name, a path in an error) may hold terminal escape codes: a screen clear, a title
change, an OSC 52 clipboard write. While a command runs, stdout and stderr are wrapped:
each control character is shown escaped (`\\x1b`), lone surrogates (bytes that were not
UTF-8) become U+FFFD instead of a UnicodeEncodeError, and only the colour codes of
`interviewer.cli.term.Style` and a leading carriage return (a progress line redrawn)
reach the terminal as they are.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from interviewer.cli.term import STYLE_CODES

_UNSAFE = re.compile(r"\x1b\[[0-9;]*m|[\x00-\x08\x0b-\x1f\x7f-\x9f]|[\ud800-\udfff]")
_ALLOWED_SGR = {"0", *STYLE_CODES}


def _escape(match: re.Match[str]) -> str:
    found = match.group()
    if found.startswith("\x1b["):
        if set(found[2:-1].split(";")) <= _ALLOWED_SGR:
            return found
        return "\\x1b" + found[1:]
    if "\ud800" <= found <= "\udfff":
        return "\ufffd"
    return f"\\x{ord(found):02x}"


def terminal_safe(text: str) -> str:
    """`text` with every control character but newline and tab shown escaped."""
    head = "\r" if text.startswith("\r") else ""
    return head + _UNSAFE.sub(_escape, text[len(head):])


class SafeStream:
    """A text stream that filters what is written through `terminal_safe`."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(terminal_safe(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno, encoding, buffer...
        return getattr(self.inner, name)


@contextlib.contextmanager
def safe_streams() -> Iterator[None]:
    """Wrap sys.stdout and sys.stderr for the length of one command."""
    saved = sys.stdout, sys.stderr
    sys.stdout = SafeStream(saved[0])
    sys.stderr = SafeStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved

"""Control characters in bank text: refused by the validator, made visible when printed.

A shared bank could otherwise put terminal escape codes on the screen (ESC, BEL,
an OSC 52 clipboard write). Tabs and newlines are ordinary text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# C0 controls but tab and newline, DEL, and the C1 controls (U+0080-U+009F: CSI, OSC, ...)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Carriage return too, when printing: it lets one line overwrite another
_CONTROL_OR_CR = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\r]")


def first_control(text: str) -> str | None:
    """The first control character in `text` as U+XXXX, or None when it has none."""
    match = _CONTROL.search(text.replace("\r\n", "\n").replace("\r", "\n"))
    return f"U+{ord(match.group()):04X}" if match else None


def printable(text: str) -> str:
    """`text` safe to print on a terminal: each control character shown as `\\x1b` etc."""
    return _CONTROL_OR_CR.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"),
                              str(text))


def strings_with_controls(data: object) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(where, U+XXXX) for every key or string in parsed TOML holding a control character.

    `where` is the path of keys and list indexes down to the string. Iterative, so a
    deeply nested value cannot exhaust the stack.
    """
    stack: list[tuple[tuple[Any, ...], object]] = [((), data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            found = first_control(value)
            if found:
                yield where, found
        elif isinstance(value, dict):
            for key, item in value.items():
                found = first_control(str(key))
                if found:
                    yield (*where, key), found
                stack.append(((*where, key), item))
        elif isinstance(value, list):
            stack.extend(((*where, i), item) for i, item in enumerate(value))

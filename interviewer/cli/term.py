"""Terminal styling: colour only for a person at a terminal, never for pipes or NO_COLOR."""

from __future__ import annotations

import os
import sys
from typing import TextIO

_CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}
STYLE_CODES = frozenset(_CODES.values())  # the only escape codes safe_output lets through


def wants_colour(stream: TextIO | None = None) -> bool:
    """https://no-color.org: any non-empty NO_COLOR turns colour off; so does a non-tty."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR", ""):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Style:
    """Wraps text in ANSI colours when enabled, returns it unchanged otherwise."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, *styles: str) -> str:
        if not self.enabled or not styles:
            return text
        codes = ";".join(_CODES[s] for s in styles)
        return f"\033[{codes}m{text}\033[0m"


def bar(fraction: float, width: int = 20, full: str = "#", empty: str = ".") -> str:
    """A fixed-width bar for levels and percentages: `[#####...............]`."""
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "[" + full * filled + empty * (width - filled) + "]"


def clock(seconds: float) -> str:
    """`1:05` for 65 seconds: how the countdown reads."""
    seconds = max(0, int(round(seconds)))
    return f"{seconds // 60}:{seconds % 60:02d}"

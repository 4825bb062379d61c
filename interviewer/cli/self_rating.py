"""The candidate's own 1-5 for an answer, asked in the terminal after its feedback (--rate).

Coverage cannot hear a fumbled delivery or a lucky guess; the rating moves the question
in review mode as the app's 1-5 keys do. Enter, or the end of input, skips it.
"""

from __future__ import annotations

from collections.abc import Callable

from interviewer.cli.term import Style
from interviewer.history.review import RATINGS

PROMPT = "  How did that answer feel? 1 (poor) to 5 (great), Enter to skip: "
TRIES = 3


def ask_rating(read_line: Callable[[str], str], out: Callable[[str], None],
               style: Style) -> int | None:
    """A rating from 1 to 5, or None when skipped; a mistyped one is asked again."""
    for _ in range(TRIES):
        try:
            text = read_line(PROMPT).strip()
        except EOFError:
            return None
        if not text:
            return None
        if text.isdigit() and int(text) in RATINGS:
            return int(text)
        out(style(f"  '{text}' is not a rating: type a number from 1 to 5, or press Enter "
                  "to skip.", "yellow"))
    return None

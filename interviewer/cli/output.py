"""Printing helpers shared by the commands."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence

from interviewer.banks.text_safety import printable


def print_json(data: object) -> None:
    """JSON with DEL and the C1 controls written as \\u escapes (json leaves them raw), so
    the terminal filter never has to touch it and it stays valid JSON."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    text = re.sub("[\x7f-\x9f\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)
    sys.stdout.write(text + "\n")


def print_table(rows: Sequence[tuple[str, ...]], header: tuple[str, ...]) -> None:
    """Columns padded to the widest cell; good enough for a terminal. Control characters
    (a bank's escape codes, a file name's) are shown escaped, never sent to the terminal."""
    rows = [tuple(printable(str(cell)) for cell in row) for row in rows]  # a list from here on
    header = tuple(printable(str(cell)) for cell in header)
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(row)).rstrip())

"""Map places in a parsed bank back to lines of its TOML file.

tomllib gives no positions, so a light scan of the text finds where each
`[[questions]]` table, its sub-tables and its keys start. Good enough to point a
person at the right line; it falls back to the enclosing table's line.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\-]+)\s*\]\]")
_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")

# A place: ("questions", q_index, sub_table or None, sub_index or None)
Place = tuple[int | None, str | None, int | None]


class LineMap:
    """Line numbers (1-based) of tables and keys in one bank file."""

    def __init__(self, text: str) -> None:
        self._tables: dict[Place, int] = {}
        self._keys: dict[tuple[Place, str], int] = {}
        self._scan(text)

    def _scan(self, text: str) -> None:
        place: Place = (None, None, None)
        counts: dict[str, int] = {}
        q_index = -1
        in_string: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_string:
                if line.count(in_string) % 2 == 1:
                    in_string = None
                continue
            header = _HEADER.match(line) or _TABLE.match(line)
            if header:
                place, q_index = self._enter(header.group(1), place, q_index, counts)
                self._tables.setdefault(place, number)
                continue
            key = _KEY.match(line)
            if key:
                self._keys.setdefault((place, key.group(1)), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_string = quote
                    break

    @staticmethod
    def _enter(name: str, place: Place, q_index: int, counts: dict[str, int]) -> tuple[Place, int]:
        if name == "questions":
            q_index += 1
            counts.clear()
            return (q_index, None, None), q_index
        if name.startswith("questions."):
            sub = name.split(".", 1)[1]
            index = counts.get(sub, -1) + 1
            counts[sub] = index
            return (q_index, sub, index), q_index
        return (None, name, None), q_index

    def line(self, question: int | None = None, sub: str | None = None,
             sub_index: int | None = None, key: str | None = None) -> int:
        """The best line for a place: the key's line, else its table's, else the question's."""
        candidates: list[Place] = [(question, sub, sub_index)]
        if sub is not None:
            candidates.append((question, None, None))
        for place in candidates:
            if key is not None and (place, key) in self._keys:
                return self._keys[(place, key)]
            if place in self._tables:
                return self._tables[place]
        if key is not None and ((None, None, None), key) in self._keys:
            return self._keys[((None, None, None), key)]
        return 1

"""Read questions from a CSV spreadsheet: one row per question, header row first.

Columns (any order, case and spaces ignored): question, answer, key points,
difficulty, category; optional slug, level, tips, source. Cells may be separated by
commas, semicolons (what spreadsheets write where the comma is the decimal mark) or tabs.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Protocol

from interviewer.banks.drafts import Draft, question_fields
from interviewer.banks.validate import Problem

REQUIRED = ("question", "answer", "key points", "difficulty", "category")
OPTIONAL = ("slug", "level", "tips", "source")
DELIMITERS = ",;\t"
_SNIFF_BYTES = 64 * 1024
_ALIASES = {
    "questions": "question", "question text": "question", "text": "question",
    "sample answer": "answer", "sample answers": "answer", "answers": "answer",
    "keypoints": "key points", "key point": "key points",
}


def _column(name: str) -> str:
    """`Key_Points ` -> `key points`: headers written by hand vary."""
    clean = " ".join(name.replace("_", " ").replace("-", " ").lower().split())
    return _ALIASES.get(clean, clean)


def _known_columns(first_line: str, delimiter: str) -> int:
    """How many cells of the header line name a column this importer knows."""
    try:
        cells = next(csv.reader([first_line], delimiter=delimiter), [])
    except csv.Error:
        return 0
    return sum(_column(c) in REQUIRED + OPTIONAL for c in cells)


def detect_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one whose header row names the most known columns.

    csv.Sniffer guesses from how the characters repeat; its guess wins a tie, so a
    header with one known column still splits the way the rows do. Comma when nothing
    tells them apart.
    """
    first_line = next(iter(text.splitlines()), "")
    try:
        sniffed = csv.Sniffer().sniff(text[:_SNIFF_BYTES], delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = ","
    order = [sniffed, *(d for d in DELIMITERS if d != sniffed)]
    return max(order, key=lambda d: _known_columns(first_line, d))  # max keeps the first


def _columns(names: list[str]) -> str:
    return "column" if len(names) == 1 else "columns"


def read_csv(path: Path, text: str) -> tuple[list[Draft], list[Problem]]:
    """Drafts for every non-empty row; header problems stop the import (nothing to map)."""
    # The csv module refuses cells over 128 KB by default and stops there; the whole file
    # is already in memory (and bounded by the importer), so any cell of it may be read.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    delimiter = detect_delimiter(text)
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    try:
        header = [_column(h) for h in next(reader)]
    except (StopIteration, csv.Error):
        return [], [Problem(path, 1, "the file is empty; the first row must name the columns "
                                     f"({', '.join(REQUIRED)})")]
    missing = [c for c in REQUIRED if c not in header]
    unknown = [h for h in header if h and h not in REQUIRED + OPTIONAL]
    problems = []
    if missing:
        problems.append(Problem(path, 1, f"missing {_columns(missing)}: {', '.join(missing)} "
                                         f"(the header row must name: {', '.join(REQUIRED)}, "
                                         "separated by commas, semicolons or tabs)"))
    if unknown:
        problems.append(Problem(path, 1, f"unknown {_columns(unknown)}: {', '.join(unknown)} "
                                         f"(allowed: {', '.join(REQUIRED + OPTIONAL)})"))
    if problems:
        return [], problems
    return _rows(path, reader, header, delimiter)


_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs"}


class _Reader(Protocol):
    """What csv.reader returns (its class is private: _csv.reader at run time)."""

    line_num: int

    def __next__(self) -> list[str]: ...


def _rows(path: Path, reader: _Reader, header: list[str],
          delimiter: str = ",") -> tuple[list[Draft], list[Problem]]:
    drafts: list[Draft] = []
    problems: list[Problem] = []
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(path, line, f"cannot read this row ({exc}), so the rows "
                                                "after it were not read either; fix it and "
                                                "import again"))
            break
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            problems.append(Problem(path, line, f"row has {len(row)} cells but the header names "
                                                f"{len(header)} columns; quote cells that "
                                                f"contain {_NAMES[delimiter]}"))
            continue
        cells = dict(zip(header, row + [""] * (len(header) - len(row)), strict=True))
        drafts.append(Draft(line, {"slug": cells.get("slug", "").strip(), **question_fields(
            cells["question"], cells["answer"], cells["key points"], cells["difficulty"],
            cells["category"], cells.get("source", "").strip() or path.name,
            cells.get("level", ""), cells.get("tips", ""))}))
    return drafts, problems

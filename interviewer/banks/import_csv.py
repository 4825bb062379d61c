"""Read questions from a CSV spreadsheet: one row per question, header row first.

Columns (any order, case and spaces ignored): question, answer, key points,
difficulty, category; optional slug, level, tips, source.
"""

from __future__ import annotations

import csv
from pathlib import Path

from interviewer.banks.drafts import Draft, question_fields
from interviewer.banks.validate import Problem

REQUIRED = ("question", "answer", "key points", "difficulty", "category")
OPTIONAL = ("slug", "level", "tips", "source")
_ALIASES = {
    "questions": "question", "question text": "question", "text": "question",
    "sample answer": "answer", "sample answers": "answer", "answers": "answer",
    "keypoints": "key points", "key point": "key points",
}


def _column(name: str) -> str:
    """`Key_Points ` -> `key points`: headers written by hand vary."""
    clean = " ".join(name.replace("_", " ").replace("-", " ").lower().split())
    return _ALIASES.get(clean, clean)


def read_csv(path: Path, text: str) -> tuple[list[Draft], list[Problem]]:
    """Drafts for every non-empty row; header problems stop the import (nothing to map)."""
    # The csv module refuses cells over 128 KB by default and stops there; the whole file
    # is already in memory (and bounded by the importer), so any cell of it may be read.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(text.splitlines(keepends=True))
    try:
        header = [_column(h) for h in next(reader)]
    except (StopIteration, csv.Error):
        return [], [Problem(path, 1, "the file is empty; the first row must name the columns "
                                     f"({', '.join(REQUIRED)})")]
    missing = [c for c in REQUIRED if c not in header]
    unknown = [h for h in header if h and h not in REQUIRED + OPTIONAL]
    problems = []
    if missing:
        problems.append(Problem(path, 1, f"missing column(s): {', '.join(missing)} "
                                         f"(the header row must name: {', '.join(REQUIRED)})"))
    if unknown:
        problems.append(Problem(path, 1, f"unknown column(s): {', '.join(unknown)} "
                                         f"(allowed: {', '.join(REQUIRED + OPTIONAL)})"))
    if problems:
        return [], problems
    return _rows(path, reader, header)


def _rows(path: Path, reader, header: list[str]) -> tuple[list[Draft], list[Problem]]:
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
                                                "contain commas"))
            continue
        cells = dict(zip(header, row + [""] * (len(header) - len(row)), strict=True))
        drafts.append(Draft(line, {"slug": cells.get("slug", "").strip(), **question_fields(
            cells["question"], cells["answer"], cells["key points"], cells["difficulty"],
            cells["category"], cells.get("source", "").strip() or path.name,
            cells.get("level", ""), cells.get("tips", ""))}))
    return drafts, problems

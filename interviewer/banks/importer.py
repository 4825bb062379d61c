"""Turn a CSV or Markdown question file into a TOML bank in the user bank folder.

Every question is checked by the same validator as hand-written banks; a bad one
is reported at its line in the input and left out, the good ones are kept.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from interviewer import paths
from interviewer.banks.drafts import Draft, slugify, unique_slug
from interviewer.banks.files import (
    MAX_BANK_BYTES,
    UnreadableFileError,
    read_limited,
    write_atomic,
)
from interviewer.banks.import_csv import read_csv
from interviewer.banks.import_markdown import read_markdown
from interviewer.banks.loader import load_library
from interviewer.banks.text_safety import first_control, printable
from interviewer.banks.validate import _ID, SCHEMA_VERSION, Problem, check_bank, read_bank
from interviewer.errors import BankError

FORMATS = {".csv": "csv", ".md": "markdown", ".markdown": "markdown"}
MAX_IMPORT_BYTES = 64 * 1024 * 1024
DEFAULT_DIFFICULTY = "medium"


@dataclass
class ImportResult:
    """Where the bank went (None when nothing could be kept) and what was left out, by line."""

    bank_id: str
    path: Path | None
    kept: int
    problems: list[Problem] = field(default_factory=list)
    # what was filled in for the user (a missing difficulty), by line: kept, but worth a look
    notes: list[Problem] = field(default_factory=list)
    title: str = ""
    kept_lines: list[int] = field(default_factory=list)  # where each kept question started


def _read_text(path: Path) -> str:
    if not path.exists():
        raise BankError(f"{path}: no such file", "check the path and try again")
    try:
        return read_limited(path, MAX_IMPORT_BYTES)
    except UnreadableFileError as exc:
        raise BankError(printable(f"{path}: {exc}"),
                        "import a UTF-8 text file (CSV or Markdown)") from exc


def title_from_name(stem: str) -> str:
    """`ar_manager-questions` -> `Ar Manager Questions`, `AR Manager` stays `AR Manager`:
    a word typed with any capital (an acronym, a brand) is kept as typed."""
    words = stem.replace("_", " ").replace("-", " ").split()
    return " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in words)


def _default_difficulty(source: Path, draft: Draft) -> Problem | None:
    """A question with no difficulty is imported as medium, with a note saying so."""
    if draft.fields.get("difficulty"):
        return None
    draft.fields["difficulty"] = DEFAULT_DIFFICULTY
    return Problem(source, draft.line, f"no difficulty given; set to {DEFAULT_DIFFICULTY} "
                                       "(edit the bank to change it)")


def bank_table(bank_id: str, title: str, description: str,
               questions: list[dict[str, Any]]) -> dict[str, object]:
    table: dict[str, object] = {"schema": SCHEMA_VERSION, "id": bank_id, "title": title}
    if description:
        table["description"] = description
    table["questions"] = questions
    return table


def _check_draft(source: Path, draft: Draft, bank_id: str) -> list[Problem]:
    """Validate one question on its own, with every problem moved to its input line."""
    text = tomli_w.dumps(bank_table(bank_id, "check", "", [draft.fields]))
    _, problems = check_bank(source, text)
    return [Problem(source, draft.line, p.message) for p in problems]


def default_bank_id(source: Path) -> str:
    """The id a bank imported from `source` gets unless one is given: its file name."""
    return slugify(source.stem, words=12)


def bank_file(bank_id: str) -> Path:
    """Where an imported bank with this id is written."""
    return paths.user_banks_dir() / f"{bank_id}.toml"


def _target(bank_id: str, force: bool) -> Path:
    target = bank_file(bank_id)
    if target.exists() and not force:
        raise BankError(f"{target} already exists",
                        "pass --force to replace it, or --id to import under another id")
    owner = next((b for b in load_library().banks if b.id == bank_id), None)
    if owner and owner.path.resolve() != target.resolve():
        raise BankError(f"bank id '{bank_id}' is already used by {owner.path}",
                        "choose another id with --id")
    return target


def import_file(source: Path, bank_id: str | None = None, title: str | None = None,
                force: bool = False) -> ImportResult:
    """Read, check and write one import file; raises BankError only when nothing can proceed."""
    kind = FORMATS.get(source.suffix.lower())
    if kind is None:
        raise BankError(f"{source}: unknown file type '{source.suffix}'",
                        "import a .csv spreadsheet or a .md Markdown Q&A file")
    text = _read_text(source)
    bank_id = bank_id or default_bank_id(source)
    if not _ID.match(bank_id):
        raise BankError(f"bank id '{bank_id}' must be lower case letters, digits and dashes",
                        "pass a valid id with --id, e.g. --id ar-manager")
    description = ""
    if kind == "csv":
        drafts, problems = read_csv(source, text)
    else:
        parsed, problems = read_markdown(source, text)
        drafts, description = parsed.drafts, parsed.description
        title = title or parsed.title
    title = " ".join((title or title_from_name(source.stem)).split())
    if first_control(title):
        raise BankError(f"the title holds a control character ({first_control(title)})",
                        "give a plain-text title with --title")
    target = _target(bank_id, force)
    kept: list[dict[str, Any]] = []
    kept_lines: list[int] = []
    notes: list[Problem] = []
    taken: set[str] = set()
    for draft in drafts:
        draft.fields["slug"] = unique_slug(
            draft.fields.get("slug") or slugify(draft.fields.get("text", "")), taken)
        note = _default_difficulty(source, draft)
        found = _check_draft(source, draft, bank_id)
        problems.extend(found)
        if not found:
            kept.append(draft.fields)
            kept_lines.append(draft.line)
            notes.extend([note] if note else [])
    problems.sort(key=lambda p: p.line)
    if not kept:
        return ImportResult(bank_id, None, 0, problems, title=title)
    replace_bank(target, bank_table(bank_id, title or bank_id, description, kept))
    return ImportResult(bank_id, target, len(kept), problems, notes, title, kept_lines)


def _checked_text(target: Path, table: dict[str, object]) -> str:
    """The bank's TOML, validated whole in memory as the loader will read it: nothing
    is written when it would not load (too large, a control character in the intro)."""
    text = tomli_w.dumps(table, multiline_strings=True)
    size = len(text.encode("utf-8"))
    if size > MAX_BANK_BYTES:
        raise BankError(f"the imported bank would be {size // 1024} KB; banks are read up to "
                        f"{MAX_BANK_BYTES // (1024 * 1024)} MB",
                        "split the import file into smaller ones; nothing was written")
    _, problems = check_bank(target, text)
    if problems:
        raise BankError(printable(f"the imported bank would not load: {problems[0]}"),
                        "fix the import file; nothing was written")
    return text


def replace_bank(target: Path, table: dict[str, object]) -> None:
    """Write a checked bank over `target`; an old bank there is kept as `<id>.toml.bak`
    until the new one has loaded from disk, and put back if it does not."""
    text = _checked_text(target, table)
    backup = target.with_name(target.name + ".bak")
    had_old = target.is_file()
    try:
        paths.ensure(target.parent)
        if had_old:
            shutil.copy2(target, backup)
        write_atomic(target, text)
    except OSError as exc:
        raise BankError(f"{target}: cannot write the bank ({exc.strerror or exc})",
                        "free some disk space or check the folder's permissions; "
                        "the old bank is unchanged") from exc
    _, after = read_bank(target)
    if after:
        if had_old:
            os.replace(backup, target)
        else:
            target.unlink(missing_ok=True)
        raise BankError(printable(f"the imported bank {target} did not load: {after[0]}"),
                        "please report this; the old bank is unchanged")
    backup.unlink(missing_ok=True)

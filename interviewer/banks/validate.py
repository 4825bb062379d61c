"""Check a bank file and build it, collecting every problem with its line.

One pass does both, so the loader and `interviewer banks validate` can never
disagree about what a valid bank is.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict, Unpack

from interviewer.banks.files import UnreadableFileError, read_limited
from interviewer.banks.model import (
    CATEGORIES,
    DIFFICULTIES,
    LEVELS,
    SPELLINGS,
    Bank,
    KeyPoint,
    Question,
    SampleAnswer,
)
from interviewer.banks.probes import KINDS, PROBED_CATEGORIES
from interviewer.banks.text_safety import printable, strings_with_controls
from interviewer.banks.toml_lines import LineMap
from interviewer.safe_read import parse_toml

MAX_PHRASES = 500  # per key point; the built-in banks use at most about 50
MAX_PHRASE_CHARS = 300
MAX_QUESTION_PHRASES = 2000  # over all key points of one question
BANK_KEYS = {"schema": True, "id": True, "title": True, "description": False, "questions": True}
QUESTION_KEYS = {
    "slug": True, "text": True, "category": True, "difficulty": True, "source": True,
    "sample_answers": True, "key_points": True, "tips": False, "target_seconds": False,
}
ANSWER_KEYS = {"text": True, "level": False}
KEY_POINT_KEYS = {"label": True, "phrases": True, "probes": False, "kind": False}
MAX_PROBES = 2
SCHEMA_VERSION = 1
# \Z, not $: `$` also matches before a final newline, and "evil\n" is no id
_ID = re.compile(r"^[a-z0-9][a-z0-9\-]*\Z")
_TOML_LINE = re.compile(r"at line (\d+)")


class Where(TypedDict, total=False):
    """A place in a bank, as LineMap.line takes it (the key apart): a question, a table in it."""

    question: int
    sub: str
    sub_index: int


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        """`path:line: message`, or `path: message` for line 0 (a folder, a whole file);
        control characters are shown escaped, never sent to the terminal."""
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return printable(f"{where}: {self.message}")


def normalise(text: str) -> str:
    """Lower case, punctuation as spaces, padded: for whole-word containment checks."""
    return " " + " ".join(re.sub(r"[^\w%$]+", " ", text.lower()).split()) + " "


def phrase_in(phrase: str, text: str) -> bool:
    needle = normalise(phrase)
    return needle.strip() != "" and needle in normalise(text)


class _Checker:
    """Walks the parsed TOML; records problems; returns model objects where it can."""

    def __init__(self, path: Path, lines: LineMap, strict: bool = True) -> None:
        self.path = path
        self.lines = lines
        self.strict = strict  # False: a user's bank loads without the probes validate asks for
        self.problems: list[Problem] = []

    def report(self, message: str, key: str | None = None, **where: Unpack[Where]) -> None:
        self.problems.append(Problem(self.path, self.lines.line(key=key, **where), message))

    def keys(self, table: dict[str, Any], spec: dict[str, bool], what: str,
             **where: Unpack[Where]) -> None:
        for key in table:
            if key not in spec:
                self.report(f"unknown field '{key}' in {what} (allowed: {', '.join(spec)})",
                            key=key, **where)
        for key, required in spec.items():
            if required and key not in table:
                self.report(f"{what} is missing required field '{key}'", **where)

    def text(self, table: dict[str, Any], key: str, what: str, **where: Unpack[Where]) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            self.report(f"'{key}' in {what} must be a string", key=key, **where)
            return ""
        if key in table and not value.strip():
            self.report(f"'{key}' in {what} is empty", key=key, **where)
        return value.strip()

    def choice(self, table: dict[str, Any], key: str, allowed: tuple[str, ...], what: str,
               **where: Unpack[Where]) -> str:
        value = table.get(key)
        if isinstance(value, str):
            value = SPELLINGS.get(value, value)  # "behavioural" is as good as "behavioral"
        if key in table and value not in allowed:
            self.report(f"{what} has {key} {value!r}; use one of: {', '.join(allowed)}",
                        key=key, **where)
        return value if isinstance(value, str) else ""

    def table_list(self, table: dict[str, Any], key: str, what: str,
                   **where: Unpack[Where]) -> list[dict[str, Any]]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.report(f"'{key}' in {what} must be a list of tables ([[...]])", key=key, **where)
            return []
        if key in table and not value:
            self.report(f"{what} has no {key.replace('_', ' ')}", key=key, **where)
        return value

    def string_list(self, table: dict[str, Any], key: str, what: str,
                    **where: Unpack[Where]) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.report(f"'{key}' in {what} must be a list of strings", key=key, **where)
            return ()
        return tuple(v.strip() for v in value if v.strip())


def check_bank(path: Path, text: str, builtin: bool = False, strict: bool = True
               ) -> tuple[Bank | None, list[Problem]]:
    """Validate one bank's text; the Bank is None when any problem was found. Not `strict`
    (loading a user's bank), key points without probes get the generic probe instead."""
    try:
        data = parse_toml(text)
    except UnreadableFileError as exc:
        return None, [Problem(path, 1, f"{exc}; a bank needs only [[questions]] tables, "
                                       "plain keys and plain lists")]
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        line = int(match.group(1)) if match else 1
        return None, [Problem(path, line, f"not valid TOML: {exc}")]
    except (RecursionError, MemoryError):
        # arrays or tables nested hundreds deep: no bank looks like that
        return None, [Problem(path, 1, "values are nested too deeply to read; a bank needs "
                                       "only [[questions]] tables and plain lists")]
    checker = _Checker(path, LineMap(text), strict)
    _check_controls(checker, data)
    if checker.problems:
        return None, checker.problems
    bank = _check_top(checker, data, path, builtin)
    return (bank if not checker.problems else None), checker.problems


def _check_controls(c: _Checker, data: dict[str, Any]) -> None:
    """Escape codes and other control characters are refused wherever they appear."""
    for where, found in strings_with_controls(data):
        name = ".".join(str(part) for part in where)
        place: Where = {}
        key: str | None = None
        if len(where) >= 2 and where[0] == "questions" and isinstance(where[1], int):
            place["question"] = where[1]
            if len(where) >= 4 and isinstance(where[3], int):
                place["sub"], place["sub_index"] = where[2], where[3]
            rest = [w for w in where[2:] if isinstance(w, str)]
            if rest:
                key = rest[-1]
        elif where:
            key = str(where[0])
        c.report(f"'{name}' holds a control character ({found}); remove it (banks are "
                 "plain text, and such characters can take over the terminal)", key, **place)


def _check_top(c: _Checker, data: dict[str, Any], path: Path, builtin: bool) -> Bank | None:
    c.keys(data, BANK_KEYS, "the bank")
    schema = data.get("schema")
    if "schema" in data and schema != SCHEMA_VERSION:
        c.report(f"schema {schema!r} is not supported; this version reads schema {SCHEMA_VERSION}",
                 key="schema")
    bank_id = c.text(data, "id", "the bank")
    if bank_id and not _ID.match(bank_id):
        c.report(f"bank id {bank_id!r} must be lower case letters, digits and dashes", key="id")
    title = c.text(data, "title", "the bank")
    description = data.get("description", "")
    raw_questions = c.table_list(data, "questions", "the bank")
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_questions):
        question = _check_question(c, raw, index, bank_id)
        slug = raw.get("slug")
        if isinstance(slug, str) and slug in seen:
            c.report(f"duplicate question id '{bank_id}/{slug}' (first used by question "
                     f"{seen[slug] + 1})", question=index, key="slug")
        elif isinstance(slug, str):
            seen[slug] = index
        if question:
            questions.append(question)
    return Bank(bank_id, title, str(description).strip(), tuple(questions), path, builtin)


def _check_question(c: _Checker, raw: dict[str, Any], index: int,
                    bank_id: str) -> Question | None:
    where: Where = {"question": index}
    slug = raw.get("slug", "")
    what = f"question '{slug}'" if isinstance(slug, str) and slug else f"question {index + 1}"
    c.keys(raw, QUESTION_KEYS, what, **where)
    slug = c.text(raw, "slug", what, **where)
    if slug and not _ID.match(slug):
        c.report(f"{what}: slug must be lower case letters, digits and dashes", key="slug", **where)
    text = c.text(raw, "text", what, **where)
    category = c.choice(raw, "category", CATEGORIES, what, **where)
    difficulty = c.choice(raw, "difficulty", DIFFICULTIES, what, **where)
    source = c.text(raw, "source", what, **where)
    tips = c.string_list(raw, "tips", what, **where)
    answers = [_check_answer(c, a, what, index, i)
               for i, a in enumerate(c.table_list(raw, "sample_answers", what, **where))]
    points = [_check_key_point(c, k, what, index, i, category)
              for i, k in enumerate(c.table_list(raw, "key_points", what, **where))]
    _check_points_are_answered(c, points, answers, what, index)
    total = sum(len(k.phrases) for k in points if k)
    if total > MAX_QUESTION_PHRASES:
        c.report(f"{what} has {total} key phrases in all; at most {MAX_QUESTION_PHRASES} "
                 "are used", key="key_points", **where)
    target = _check_target(c, raw, what, where)
    return Question(
        id=f"{bank_id}/{slug}", bank_id=bank_id, slug=slug, text=text, category=category,
        difficulty=difficulty, source=source, tips=tips,
        sample_answers=tuple(a for a in answers if a),
        key_points=tuple(k for k in points if k), target_seconds=target,
    )


def _check_target(c: _Checker, raw: dict[str, Any], what: str,
                  where: Where) -> tuple[int, int] | None:
    """`target_seconds = [60, 120]`: how long a good answer runs, shortest and longest."""
    if "target_seconds" not in raw:
        return None
    value = raw["target_seconds"]
    if (isinstance(value, list) and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
            and 5 <= value[0] < value[1] <= 1800):
        return (value[0], value[1])
    c.report(f"{what}: target_seconds must be two whole numbers of seconds, shortest first, "
             "e.g. target_seconds = [60, 120]", key="target_seconds", **where)
    return None


def _check_answer(c: _Checker, raw: dict[str, Any], what: str, q: int,
                  i: int) -> SampleAnswer | None:
    where: Where = {"question": q, "sub": "sample_answers", "sub_index": i}
    c.keys(raw, ANSWER_KEYS, f"a sample answer of {what}", **where)
    text = raw.get("text", "")
    if not isinstance(text, str) or not text.strip():
        c.report(f"{what}: sample answer {i + 1} is empty", key="text", **where)
        return None
    level = raw.get("level")
    if level is not None and level not in LEVELS:
        c.report(f"{what}: sample answer level {level!r}; use one of: {', '.join(LEVELS)}",
                 key="level", **where)
    return SampleAnswer(text=" ".join(text.split()), level=level)


def _check_key_point(c: _Checker, raw: dict[str, Any], what: str, q: int, i: int,
                     category: str = "") -> KeyPoint | None:
    where: Where = {"question": q, "sub": "key_points", "sub_index": i}
    c.keys(raw, KEY_POINT_KEYS, f"a key point of {what}", **where)
    label = c.text(raw, "label", f"a key point of {what}", **where)
    phrases = c.string_list(raw, "phrases", f"key point '{label}'", **where)
    if len(phrases) > MAX_PHRASES or any(len(p) > MAX_PHRASE_CHARS for p in phrases):
        # each phrase is matched against every answer: 350,000 of them took 45 s to score
        c.report(f"{what}: key point '{label}' has {len(phrases)} phrases; at most "
                 f"{MAX_PHRASES} of at most {MAX_PHRASE_CHARS} characters each are used",
                 key="phrases", **where)
        return None
    if "phrases" in raw and not phrases:
        c.report(f"{what}: key point '{label}' has no phrases", key="phrases", **where)
    probes = _check_probes(c, raw, label, what, category, where)
    kind = c.choice(raw, "kind", KINDS, f"{what}: key point '{label}'", **where)
    if label and phrases:
        return KeyPoint(label, phrases, probes, kind if kind in KINDS else "")
    return None


def _check_probes(c: _Checker, raw: dict[str, Any], label: str, what: str, category: str,
                  where: Where) -> tuple[str, ...]:
    """One or two follow-up questions; required where the question asks for a story."""
    probes = c.string_list(raw, "probes", f"key point '{label}'", **where)
    if "probes" not in raw and category in PROBED_CATEGORIES and c.strict:
        c.report(f"{what}: key point '{label}' has no probes; add probes = [\"...\"], the "
                 "follow-up question an interviewer asks when an answer leaves this point out "
                 f"({category} questions need one on every key point)", **where)
    elif "probes" in raw and not probes:
        c.report(f"{what}: key point '{label}' has an empty probes list; write one or two "
                 "follow-up questions", key="probes", **where)
    elif len(probes) > MAX_PROBES:
        c.report(f"{what}: key point '{label}' has {len(probes)} probes; keep one or two",
                 key="probes", **where)
    return probes


def _check_points_are_answered(c: _Checker, points: list[KeyPoint | None],
                               answers: list[SampleAnswer | None], what: str, q: int) -> None:
    texts = [a.text for a in answers if a]
    if not texts:
        return
    for i, point in enumerate(points):
        if not point:
            continue
        words = [p for p in point.phrases if not p.strip().startswith("@")]
        if not words:   # "@result", "@figure" name a detector, never words to look for
            c.report(f"{what}: key point '{point.label}': {', '.join(point.phrases)} finds a "
                     "stated result or a figure, but a key point also needs an ordinary "
                     "phrase the answers use; add one next to it, for example "
                     f'phrases = ["{point.phrases[0]}", "went down by"]',
                     question=q, sub="key_points", sub_index=i, key="phrases")
        elif not any(phrase_in(p, t) for p in words for t in texts):
            c.report(f"{what}: key point '{point.label}': none of its phrases "
                     f"({', '.join(words)}) appears in any sample answer; add the words a "
                     "sample answer uses for it to its phrases",
                     question=q, sub="key_points", sub_index=i, key="phrases")


def read_bank(path: Path, builtin: bool = False, strict: bool = True
              ) -> tuple[Bank | None, list[Problem]]:
    """Read and check a bank file; unreadable files become a problem, not an exception."""
    try:
        text = read_limited(path)
    except UnreadableFileError as exc:
        return None, [Problem(path, 0, str(exc))]
    return check_bank(path, text, builtin, strict)

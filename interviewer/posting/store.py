"""Postings kept with their sessions: the history session's bank id is the posting's id
("posting-<slug>"), and the posting itself is a JSON file of that name in the data folder.

No schema change: History and the report find the job by the session's bank id, and the
saved text builds the same interview again.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from interviewer import paths
from interviewer.history.records import now_utc, to_text
from interviewer.posting.build import BANK_PREFIX, PostingSession
from interviewer.posting.model import PostingError


@dataclass(frozen=True)
class SavedPosting:
    bank_id: str
    name: str  # "Accounts Receivable Specialist at Halvorsen Pump & Valve"
    source: str
    text: str
    saved_at: str
    question_ids: tuple[str, ...]


def postings_dir() -> Path:
    return paths.data_dir() / "postings"


def is_posting_bank(bank_id: str) -> bool:
    return bank_id.startswith(BANK_PREFIX)


def save_posting(session: PostingSession) -> Path:
    """Write the posting beside the history (atomically: a crash leaves the old file)."""
    folder = postings_dir()
    folder.mkdir(parents=True, exist_ok=True)
    posting = session.posting
    data = {"bank_id": session.bank_id, "name": posting.name, "source": posting.source,
            "text": posting.text, "saved_at": to_text(now_utc()),
            "question_ids": [q.id for q in session.questions]}
    target = folder / f"{session.bank_id}.json"
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".posting-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=1)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def load_posting(bank_id: str) -> SavedPosting | None:
    """The saved posting of a session's bank id; None when it is not a posting or is gone."""
    if not is_posting_bank(bank_id) or "/" in bank_id or "\\" in bank_id:
        return None
    try:
        data = json.loads((postings_dir() / f"{bank_id}.json").read_text(encoding="utf-8"))
        return SavedPosting(bank_id=str(data["bank_id"]), name=str(data["name"]),
                            source=str(data.get("source", "")), text=str(data["text"]),
                            saved_at=str(data.get("saved_at", "")),
                            question_ids=tuple(str(q) for q in data.get("question_ids", [])))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def saved_postings() -> list[SavedPosting]:
    """Every saved posting, newest first."""
    try:
        names = sorted(postings_dir().glob(f"{BANK_PREFIX}*.json"))
    except OSError:
        return []
    found = [load_posting(path.stem) for path in names]
    return sorted((p for p in found if p), key=lambda p: p.saved_at, reverse=True)


def require_posting(bank_id: str) -> SavedPosting:
    saved = load_posting(bank_id)
    if saved is None:
        raise PostingError(f"no saved posting '{bank_id}'",
                           "see the saved ones with: interviewer posting --list")
    return saved


def job_name(bank_id: str) -> str | None:
    """How History and the report name a posting session's job, else None."""
    saved = load_posting(bank_id)
    return f"Job posting: {saved.name}" if saved else None

"""A posting named on the command line: a file, or the id of one practised before."""

from __future__ import annotations

from pathlib import Path

from interviewer.posting.model import Posting
from interviewer.posting.read import read_posting_file, read_posting_text
from interviewer.posting.store import is_posting_bank, require_posting


def open_posting(name: str) -> Posting:
    """A saved posting's id ("posting-...") when no such file exists, else the file."""
    path = Path(name).expanduser()
    if is_posting_bank(name) and not path.exists():
        saved = require_posting(name)
        return read_posting_text(saved.text, saved.source)
    return read_posting_file(path)

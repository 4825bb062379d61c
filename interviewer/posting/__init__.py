"""A job posting in, an interview out: read a posting, match it to the banks, build the session.

Qt-free: the app and `interviewer posting` / `practice --posting` share every step.
"""

from __future__ import annotations

from interviewer.posting.build import PostingSession, SessionQuestion, build_session
from interviewer.posting.model import Item, Posting, PostingError
from interviewer.posting.parse import parse_posting
from interviewer.posting.read import read_posting_file, read_posting_text

__all__ = [
    "Item", "Posting", "PostingError", "PostingSession", "SessionQuestion", "build_session",
    "parse_posting", "read_posting_file", "read_posting_text",
]

"""Errors of speech recognition the user can act on."""

from __future__ import annotations

from interviewer.errors import InterviewerError


class AudioError(InterviewerError):
    """An audio file is missing, unreadable, empty or silent."""


class ModelError(InterviewerError):
    """A recognizer or model is missing, corrupt or cannot be installed."""

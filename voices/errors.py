"""The two ways speech can fail, shared by every backend and the front door
(`interviewer.voices.tts`)."""

from __future__ import annotations

from interviewer.errors import InterviewerError


class TtsUnavailable(InterviewerError):  # noqa: N818 - the name the contract gives
    """No speech backend: the app goes on with questions on screen only."""


class TtsError(InterviewerError):
    """The backend is there but one request failed (timeout, crash, bad file)."""


PICK_ANOTHER = "try again, or pick another voice (interviewer voices)"

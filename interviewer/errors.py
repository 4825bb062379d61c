"""Errors the user can act on: a message, and what to do next."""

from __future__ import annotations


class InterviewerError(Exception):
    """Base for expected failures: the CLI and app show `message` and `hint`, not a traceback."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  {self.hint}" if self.hint else self.message


class BankError(InterviewerError):
    """A question bank could not be read or is not valid."""

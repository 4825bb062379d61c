"""The interviewer's own lines in a mock interview (a interviewer.voices.personas.Persona fits)."""

from __future__ import annotations

from typing import Protocol


class PersonaLines(Protocol):
    @property
    def greeting(self) -> str: ...

    @property
    def closing(self) -> str: ...

    def transition(self, index: int) -> str: ...

"""What a posting says once read: its title, duties and requirements, tools and figures."""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.errors import InterviewerError


class PostingError(InterviewerError):
    """A posting that cannot be used: empty, binary, unreadable or in another language."""


@dataclass(frozen=True)
class Item:
    """One duty or requirement: a bullet, or a sentence of a duties paragraph."""

    text: str
    kind: str  # "duty" or "requirement"
    line: int  # 1-based line of the posting's text, for messages and tests
    bullet: bool = True


@dataclass(frozen=True)
class Posting:
    title: str
    company: str
    text: str  # the plain text read from the file or the clipboard
    source: str  # the file name, or "clipboard"
    items: tuple[Item, ...]
    tools: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    @property
    def duties(self) -> list[Item]:
        return [i for i in self.items if i.kind == "duty"]

    @property
    def requirements(self) -> list[Item]:
        return [i for i in self.items if i.kind == "requirement"]

    @property
    def name(self) -> str:
        """How History and the report name the job: "Title at Company"."""
        return f"{self.title} at {self.company}" if self.company else self.title

"""A posting session in words: what the terminal prints and the app's dialog shows."""

from __future__ import annotations

from interviewer.posting.build import PostingSession


def session_lines(session: PostingSession) -> list[str]:
    """The job, what was read from it, then each question with the words that chose it."""
    posting = session.posting
    lines = [f"Job: {posting.name}  (from {posting.source})",
             f"  {len(posting.duties)} duties and {len(posting.requirements)} requirements read"]
    if posting.tools:
        lines.append(f"  Tools and systems: {', '.join(posting.tools)}")
    if posting.figures:
        lines.append(f"  Figures: {', '.join(posting.figures)}")
    lines += ["", f"Interview of {len(session.entries)} questions:"]
    for number, entry in enumerate(session.entries, 1):
        lines.append(f"{number:2}. {entry.question.text}")
        if entry.words:
            lines.append(f"    chosen for: {', '.join(entry.words[:8])}")
        lines.append(f"    ({entry.kind}: {entry.reason}; {entry.question.id})")
    covered = session.covered()
    lines += ["", f"Duties and requirements covered: {len(covered)} of {len(posting.items)} "
                  f"({session.coverage():.0%})"]
    lines += [f"  not covered: {item.text}" for n, item in enumerate(posting.items)
              if n not in covered]
    return lines


def session_dict(session: PostingSession) -> dict[str, object]:
    """The same, for --json."""
    posting = session.posting
    return {
        "bank_id": session.bank_id, "job": posting.name, "title": posting.title,
        "company": posting.company, "source": posting.source, "tools": list(posting.tools),
        "figures": list(posting.figures),
        "items": [{"text": i.text, "kind": i.kind, "line": i.line} for i in posting.items],
        "questions": [{"id": e.question.id, "text": e.question.text, "kind": e.kind,
                       "words": list(e.words), "covers": list(e.covers), "reason": e.reason}
                      for e in session.entries],
        "coverage": round(session.coverage(), 3),
        "vocabulary": list(session.vocabulary),
    }

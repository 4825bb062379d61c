"""Turn texts and character spans into HTML with highlighted key points.

Spans from the analysis index the plain text; overlapping spans are merged and the
text is escaped, so any answer renders safely in a QTextBrowser.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

HIT = "hit"
MISSED = "missed"
FOCUS = "focus"   # the evidence of the key point the candidate clicked
_RANK = {MISSED: 0, HIT: 1, FOCUS: 2}


def merge(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sort and merge overlapping spans; where they overlap, the clicked point's evidence
    wins over a hit, and a hit over a miss."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(spans, key=lambda s: (s[0], s[1])):
        if end <= start:
            continue
        if out and start < out[-1][1]:
            prev_start, prev_end, prev_kind = out[-1]
            merged_kind = max(kind, prev_kind, key=_RANK.__getitem__)
            out[-1] = (prev_start, max(end, prev_end), merged_kind)
        else:
            out.append((start, end, kind))
    return out


def to_html(text: str, spans: Iterable[tuple[int, int, str]], colors: dict[str, str]) -> str:
    """The text as HTML paragraphs, each span wrapped in a coloured, bold <span>."""
    parts: list[str] = []
    pos = 0
    for start, end, kind in merge(spans):
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        parts.append(html.escape(text[pos:start]))
        parts.append(f'<span style="background-color:{colors[kind]}; font-weight:600;">'
                     f"{html.escape(text[start:end])}</span>")
        pos = end
    parts.append(html.escape(text[pos:]))
    body = "".join(parts).strip().replace("\n\n", "</p><p>").replace("\n", "<br>")
    return f"<p>{body}</p>"


def colors_for(dark: bool) -> dict[str, str]:
    """Highlight colours readable on the palette's own text colour."""
    if dark:
        return {HIT: "#1f5f3a", MISSED: "#6b4a12", FOCUS: "#1d4f91"}
    return {HIT: "#bfeccb", MISSED: "#ffd9a0", FOCUS: "#9cc7ff"}

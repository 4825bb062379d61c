from __future__ import annotations

from interviewer.ui.highlight import HIT, MISSED, colors_for, merge, to_html


def test_merge_joins_overlaps_and_hit_wins() -> None:
    assert merge([(5, 9, MISSED), (0, 3, HIT), (7, 12, HIT)]) == [(0, 3, HIT), (5, 12, HIT)]
    assert merge([(4, 4, HIT)]) == []


def test_html_is_escaped_and_spans_wrap_the_right_text() -> None:
    text = "I used <b>aging</b> & reconciled"
    start = text.index("aging")
    out = to_html(text, [(start, start + 5, HIT)], colors_for(False))
    assert "&lt;b&gt;" in out and "&amp;" in out
    assert '#bfeccb; font-weight:600;">aging</span>' in out

"""At the largest font the start screen's notes keep their buttons whole, and the
coverage ring's figure and caption stay inside the ring."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtGui import QFontMetricsF

from interviewer.history.review import Outlook
from interviewer.ui.glance import CoverageRing

LARGEST = 32


def test_the_rings_text_fits_inside_it_at_every_font_size(qtbot) -> None:
    for points in (8, 11, 20, LARGEST):
        ring = CoverageRing()
        qtbot.addWidget(ring)
        font = ring.font()
        font.setPointSize(points)
        ring.setFont(font)
        ring.resize(ring.sizeHint())
        ring.set_value(1.0, "0 of 5 points")
        big, small = ring.text_fonts()
        inner = ring.inner_width()
        assert QFontMetricsF(big).horizontalAdvance("100%") <= inner, points
        assert QFontMetricsF(small).horizontalAdvance("0 of 5 points") <= inner, points


def test_start_screen_notes_and_buttons_are_whole_at_the_largest_font(make_window,
                                                                       qtbot) -> None:
    window = make_window(auto_record=False, font_pt=LARGEST, bank_id="ar-coordinator")
    window.resize(1366, 768)
    start = window.start_screen
    window.jobs.wait(10000)  # the window's own look at the history is done
    qtbot.wait(50)
    bank = window.library.bank("ar-coordinator")
    soon = datetime.now(UTC) + timedelta(hours=3)
    start.set_due("ar-coordinator", Outlook((bank.questions[0].id,), soon, 1))
    start.set_orphans(5)
    qtbot.wait(50)
    for widget in (start.review_now, start.recover_button):
        assert widget.isVisible()
        assert widget.width() >= widget.sizeHint().width()  # "Reco…" no more
        assert widget.geometry().right() <= widget.parentWidget().width()
    for note in (start.due, start.orphan_note):
        assert note.wordWrap() and note.width() > 0.8 * start.width()  # the full width

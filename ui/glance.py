"""The numbers a candidate reads in two seconds: coverage as a ring, pace on its band,
fillers and pauses as small figures. Painted from the widget's font, so they grow with
the font-size setting."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from interviewer.analysis.delivery import WPM_BAND
from interviewer.feedback_sections import grade
from interviewer.ui.flow_layout import FlowLayout
from interviewer.ui.widgets import heading, label

GOOD, FAIR, WEAK = QColor("#1b7a3a"), QColor("#b26a00"), QColor("#b3261e")
BAND_COLOR = QColor(27, 122, 58, 60)
SCALE = (60, 220)  # the pace bar's ends, words per minute


def grade_color(coverage: float) -> QColor:
    """Green for a good answer, amber for a fair one, red for a weak one."""
    return {"good": GOOD, "fair": FAIR, "weak": WEAK}[grade(coverage)]


def _shrink_to(font: QFont, text: str, width: float) -> None:
    """Make `font` smaller (in place) until `text` is at most `width` pixels wide."""
    while font.pointSizeF() > 4 and QFontMetricsF(font).horizontalAdvance(text) > width:
        font.setPointSizeF(font.pointSizeF() * 0.92)


class CoverageRing(QWidget):
    """Coverage as a large percentage inside a ring filled that far."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Coverage")
        self.value: float | None = None
        self.caption = "covered"
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_value(self, value: float | None, caption: str = "covered") -> None:
        self.value, self.caption = value, caption
        shown = "not scored" if value is None else f"{value:.0%} {caption}"
        self.setAccessibleDescription(f"Coverage {shown}")
        self.setToolTip(f"Key-point coverage: {shown}")
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        side = self.fontMetrics().height() * 6  # room for "100%" inside the ring
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint()

    def inner_width(self) -> float:
        """The room inside the ring for the figure: its inner diameter, less a margin."""
        side = min(self.width(), self.height())
        return side * 0.8 * 0.85

    def text_fonts(self) -> tuple[QFont, QFont]:
        """The figure's and the caption's fonts, shrunk until the widest figure ("100%")
        and the caption fit inside the ring at any font size."""
        big = QFont(self.font())
        big.setBold(True)
        big.setPointSizeF(self.font().pointSizeF() * 2.2)
        _shrink_to(big, "100%", self.inner_width())
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.8)
        _shrink_to(small, self.caption, self.inner_width() * 0.95)
        return big, small

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        thick = side * 0.1
        box = QRectF(thick / 2, thick / 2, side - thick, side - thick)
        p.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), thick))
        p.drawEllipse(box)
        if self.value is not None and self.value > 0:
            pen = QPen(grade_color(self.value), thick)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            p.setPen(pen)
            p.drawArc(box, 90 * 16, -round(360 * 16 * min(self.value, 1.0)))
        big, small = self.text_fonts()
        p.setFont(big)
        p.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        text = "—" if self.value is None else f"{self.value:.0%}"
        upper = QRectF(0, 0, side, side * 0.62)
        p.drawText(upper, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text)
        p.setFont(small)
        lower = QRectF(0, side * 0.62, side, side * 0.3)
        p.drawText(lower, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                   self.caption)
        p.end()


def pace_words(wpm: float | None, pace: str | None) -> str:
    """One line under the pace bar: the figure and where it sits on the band."""
    if wpm is None:
        return "Pace: no timings (typed answer)"
    band = f"the {WPM_BAND[0]}-{WPM_BAND[1]} band"
    where = {"slow": f"slower than {band}", "fast": f"faster than {band}",
             "ok": f"within {band}", "short": "too short to judge"}.get(pace or "", "")
    return f"Pace {wpm:.0f} words a minute" + (f", {where}" if where else "")


class PaceBand(QWidget):
    """Words a minute as a marker on a bar whose comfortable 100-165 band is shaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Pace")
        self.values: list[float] = []
        self.muted = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_values(self, values: list[float], muted: bool = False) -> None:
        """One marker per answer (the summary shows every answer's pace)."""
        self.values, self.muted = list(values), muted
        said = ", ".join(f"{v:.0f}" for v in values) or "none"
        self.setAccessibleDescription(f"Pace in words a minute: {said}; the band is "
                                      f"{WPM_BAND[0]}-{WPM_BAND[1]}")
        self.setToolTip(self.accessibleDescription())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        m = self.fontMetrics()
        return QSize(m.horizontalAdvance("0") * 24, round(m.height() * 2.4))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        m = self.fontMetrics()
        return QSize(m.horizontalAdvance("0") * 14, round(m.height() * 2.4))

    def _x(self, wpm: float, left: float, width: float) -> float:
        low, high = SCALE
        return left + width * (min(max(wpm, low), high) - low) / (high - low)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        m = self.fontMetrics()
        pad = m.horizontalAdvance("000") / 2 + 2
        left, width = pad, self.width() - 2 * pad
        bar_top, bar_h = m.height() * 0.2, m.height() * 0.8
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.palette().color(QPalette.ColorRole.Midlight))
        p.drawRoundedRect(QRectF(left, bar_top, width, bar_h), 4, 4)
        x0, x1 = (self._x(v, left, width) for v in WPM_BAND)
        p.setBrush(BAND_COLOR)
        p.drawRect(QRectF(x0, bar_top, x1 - x0, bar_h))
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        for value in self.values:
            inside = WPM_BAND[0] <= value <= WPM_BAND[1]
            color = self.palette().color(QPalette.ColorRole.Mid) if self.muted else \
                GOOD if inside else FAIR
            x = self._x(value, left, width)
            p.setBrush(color)
            p.setPen(QPen(text_color, 1))
            r = bar_h * 0.45
            p.drawEllipse(QRectF(x - r, bar_top + bar_h / 2 - r, 2 * r, 2 * r))
        p.setPen(text_color)
        y = bar_top + bar_h + m.ascent() + 2
        for value in WPM_BAND:
            x = self._x(value, left, width)
            p.drawText(round(x - m.horizontalAdvance(str(value)) / 2), round(y), str(value))
        p.end()


class Figure(QWidget):
    """A count in large type over a short caption ("2" over "fillers")."""

    def __init__(self, caption: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.number = heading("—", name, 1.8)
        self.number.setWordWrap(False)
        self.number.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.caption = label(caption, f"{name} caption", wrap=False)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.number)
        lay.addWidget(self.caption)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_count(self, value: int | None, tip: str = "") -> None:
        self.number.setText("—" if value is None else str(value))
        self.number.setAccessibleDescription(f"{self.caption.text()}: {self.number.text()}")
        self.setToolTip(tip)


def checklist_html(points: list) -> str:
    """Key points as a checklist: ticked in green with what was said, missed in red."""
    rows = []
    for p in sorted(points, key=lambda p: not p.covered):
        if p.covered:
            said = ", ".join(dict.fromkeys(p.matched))
            rows.append(f'<span style="color:{GOOD.name()}">✔</span> {escape(p.label)}'
                        + (f' <span style="color:gray">(“{escape(said)}”)</span>'
                           if said else ""))
        else:
            rows.append(f'<span style="color:{WEAK.name()}">✘</span> '
                        f"<b>Missed:</b> {escape(p.label)}")
    return "<br>".join(rows)


class AnswerGlance(QWidget):
    """One answer at a glance: coverage ring, key-point checklist, pace, fillers, pauses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Answer at a glance")
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.setContentsMargins(0, 0, 0, 0)
        first = QHBoxLayout()
        self.ring = CoverageRing()
        first.addWidget(self.ring, 0, Qt.AlignmentFlag.AlignTop)
        self.points = label("", "Key points hit and missed")
        self.points.setTextFormat(Qt.TextFormat.RichText)
        self.points.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        first.addWidget(self.points, 1)
        self.row.addLayout(first, 3)
        row = self.row
        side = QVBoxLayout()
        self.pace_line = label("", "Pace in words")
        side.addWidget(self.pace_line)
        self.pace = PaceBand()
        side.addWidget(self.pace)
        figures = FlowLayout()
        self.fillers = Figure("fillers", "Fillers")
        self.pauses = Figure("long pauses", "Long pauses")
        self.hesitations = Figure("hesitations", "Hesitations")
        for figure in (self.fillers, self.pauses, self.hesitations):
            figures.addWidget(figure)
        side.addLayout(figures)
        side.addStretch(1)
        row.addLayout(side, 2)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Side by side when there is room, else the pace and counts go under the points."""
        super().resizeEvent(event)
        wide = event.size().width() >= self.fontMetrics().horizontalAdvance("0") * 90
        direction = QBoxLayout.Direction.LeftToRight if wide else \
            QBoxLayout.Direction.TopToBottom
        if self.row.direction() != direction:
            self.row.setDirection(direction)

    def show_feedback(self, feedback: Any) -> None:
        if feedback is None:
            self.ring.set_value(None)
            self.points.setText("Not scored.")
            self.points.setAccessibleDescription("Not scored")
            self._delivery(None)
            return
        hit = sum(1 for p in feedback.key_points if p.covered)
        self.ring.set_value(feedback.coverage, f"{hit} of {len(feedback.key_points)} points")
        self.points.setText(checklist_html(feedback.key_points))
        self.points.setAccessibleDescription("; ".join(
            ("Covered: " if p.covered else "Missed: ") + p.label for p in feedback.key_points))
        self._delivery(feedback.delivery)

    def _delivery(self, d: Any) -> None:
        self.pace_line.setText(pace_words(d.wpm if d else None, d.pace if d else None))
        self.pace.set_values([d.wpm] if d else [], muted=bool(d and d.pace == "short"))
        self.pace.setVisible(d is not None)
        self.fillers.set_count(len(d.fillers) if d else None,
                               "um, uh, like, you know… counted in your answer")
        self.pauses.set_count(len(d.pauses) if d else None, "silences longer than 2 seconds")
        self.hesitations.set_count(d.hesitations if d else None,
                                   "sound between words that was not a word")
        self.hesitations.setVisible(d is not None and d.hesitations is not None)


class RoundGlance(QWidget):
    """A whole round at a glance: average coverage, every answer's pace, the counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Round at a glance")
        row = FlowLayout(self, spacing=round(self.fontMetrics().height() * 0.8))
        self.ring = CoverageRing()
        row.addWidget(self.ring)
        self.questions = Figure("questions", "Questions answered")
        self.follow_ups = Figure("follow-ups", "Follow-ups asked")
        self.fillers = Figure("fillers in all", "Fillers")
        for figure in (self.questions, self.follow_ups, self.fillers):
            row.addWidget(figure)
        pace = QWidget()
        pace_lay = QVBoxLayout(pace)
        pace_lay.setContentsMargins(0, 0, 0, 0)
        self.pace_line = label("", "Pace of each answer")
        pace_lay.addWidget(self.pace_line)
        self.pace = PaceBand()
        pace_lay.addWidget(self.pace)
        self.pace_box = pace
        self._fit_pace()
        row.addWidget(pace)

    def _fit_pace(self) -> None:
        """Room for the pace line and its bar: about 36 characters, whatever the font."""
        self.pace_box.setFixedWidth(self.fontMetrics().horizontalAdvance("0") * 36)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_pace()

    def show_round(self, questions: int, summary: Any) -> None:
        """`summary` is an `interviewer.practice.mock_summary.Summary`, or None: nothing scored."""
        self.questions.set_count(questions)
        self.ring.set_value(summary.overall if summary else None, "average")
        self.follow_ups.set_count(summary.follow_ups if summary else 0)
        self.fillers.set_count(sum(summary.fillers) if summary and summary.pace else None,
                               "fillers counted over the spoken answers")
        paces = list(summary.pace) if summary else []
        self.pace_line.setText(
            "Pace of each answer: " + ", ".join(f"{w:.0f}" for w in paces)
            + f" words a minute ({summary.pace_trend})" if paces
            else "Pace: no spoken answers with timings")
        self.pace.set_values(paces)
        self.pace.setVisible(bool(paces))

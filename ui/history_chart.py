"""The progress chart: coverage (left axis, %) and pace (right axis, wpm), attempt by attempt.

The x axis counts attempts (or sessions), not days: a day's practice would otherwise
stack on one vertical line under repeated day labels. The axis title says when the
first and the last were.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QEvent, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen

COVERAGE_COLOR = QColor("#1b7a3a")
PACE_COLOR = QColor("#2f5fb3")


def _series(name: str, color: QColor) -> QLineSeries:
    series = QLineSeries()
    series.setName(name)
    series.setPen(QPen(color, 2.5))
    series.setPointsVisible(True)
    return series


class ProgressChart(QChartView):
    """Plots points of (time, coverage 0..1, wpm or None); wpm gaps are skipped."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.coverage = _series("Coverage %", COVERAGE_COLOR)
        self.pace = _series("Pace (wpm)", PACE_COLOR)
        chart.addSeries(self.coverage)
        chart.addSeries(self.pace)
        self.time_axis = QValueAxis()
        self.time_axis.setLabelFormat("%d")
        self.time_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.time_axis.setTickAnchor(1)
        self.time_axis.setTickInterval(1)
        self.coverage_axis = QValueAxis()
        self.coverage_axis.setRange(0, 100)
        self.coverage_axis.setLabelFormat("%d%%")
        self.coverage_axis.setLabelsColor(COVERAGE_COLOR)
        self.pace_axis = QValueAxis()
        self.pace_axis.setLabelFormat("%d")
        self.pace_axis.setLabelsColor(PACE_COLOR)
        chart.addAxis(self.time_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.coverage_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self.pace_axis, Qt.AlignmentFlag.AlignRight)
        for series, axis in ((self.coverage, self.coverage_axis), (self.pace, self.pace_axis)):
            series.attachAxis(self.time_axis)
            series.attachAxis(axis)
        self.setChart(chart)
        self._fit_to_font()

    def _fit_to_font(self) -> None:
        """Labels follow the font setting up to 16 pt; past that the plot itself would
        vanish behind them. The chart keeps room for about ten lines."""
        font = QFont(self.font())
        font.setPointSizeF(min(font.pointSizeF(), 16.0))
        for axis in (self.time_axis, self.coverage_axis, self.pace_axis):
            axis.setTruncateLabels(False)  # "190", never "…", at a large font
            axis.setLabelsFont(font)
            axis.setTitleFont(font)
        self.chart().legend().setFont(font)
        self.chart().setTitleFont(font)
        self.setMinimumHeight(QFontMetrics(font).lineSpacing() * 11)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_to_font()

    def plot(self, title: str, points: Sequence[tuple[datetime, float, float | None]],
             unit: str = "Attempt") -> None:
        """One point per attempt (or session) in time order, numbered from 1."""
        self.chart().setTitle(title)
        self.coverage.clear()
        self.pace.clear()
        for number, (_moment, coverage, wpm) in enumerate(points, 1):
            self.coverage.append(number, coverage * 100)
            if wpm:
                self.pace.append(number, wpm)
        count = max(len(points), 1)
        self.time_axis.setRange(0.5, count + 0.5)
        self.time_axis.setTickInterval(max(1, round(count / 10)))
        self.time_axis.setTitleText(axis_title(unit, [m for m, _, _ in points]))
        paces = [w for _, _, w in points if w] or [100.0, 160.0]
        self.pace_axis.setRange(max(0, min(paces) - 20), max(paces) + 20)
        self.pace_axis.applyNiceNumbers()


def axis_title(unit: str, moments: Sequence[datetime]) -> str:
    """"Attempt (1: 27 Nov 09:12 … 4: 28 Nov 18:40)": the numbers tied to real time."""
    if not moments:
        return unit
    def when(m: datetime) -> str:
        return m.astimezone().strftime("%d %b %H:%M")
    if len(moments) == 1:
        return f"{unit} (1: {when(moments[0])})"
    return f"{unit} (1: {when(moments[0])} … {len(moments)}: {when(moments[-1])})"

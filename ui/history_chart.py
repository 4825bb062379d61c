"""The progress chart: coverage (left axis, %) and pace (right axis, wpm) over time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen

COVERAGE_COLOR = QColor("#1b7a3a")
PACE_COLOR = QColor("#2f5fb3")
DAY_MS = 24 * 3600 * 1000


def _ms(moment: datetime) -> float:
    return moment.timestamp() * 1000.0


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
        self.setMinimumHeight(220)
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.coverage = _series("Coverage %", COVERAGE_COLOR)
        self.pace = _series("Pace (wpm)", PACE_COLOR)
        chart.addSeries(self.coverage)
        chart.addSeries(self.pace)
        self.time_axis = QDateTimeAxis()
        self.time_axis.setFormat("MMM d")
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

    def plot(self, title: str, points: Sequence[tuple[datetime, float, float | None]]) -> None:
        self.chart().setTitle(title)
        self.coverage.clear()
        self.pace.clear()
        for moment, coverage, wpm in points:
            self.coverage.append(_ms(moment), coverage * 100)
            if wpm:
                self.pace.append(_ms(moment), wpm)
        times = [_ms(m) for m, _, _ in points] or [_ms(datetime.now().astimezone())]
        low, high = min(times), max(times)
        pad = max((high - low) * 0.05, DAY_MS / 2)
        self.time_axis.setRange(QDateTime.fromMSecsSinceEpoch(int(low - pad)),
                                QDateTime.fromMSecsSinceEpoch(int(high + pad)))
        paces = [w for _, _, w in points if w] or [100.0, 160.0]
        self.pace_axis.setRange(max(0, min(paces) - 20), max(paces) + 20)
        self.pace_axis.applyNiceNumbers()

"""Why each key point counted: the answer's own words under every covered point.

Click a point (or one of its quotes) and the result screen highlights those words in
the transcript and, when there is a recording, plays that moment of it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

INDEX_ROLE = Qt.ItemDataRole.UserRole
QUOTE_ROLE = Qt.ItemDataRole.UserRole + 1


def moment(seconds: float | None) -> str:
    """0:07 for 7.2 seconds into the recording; "" for a typed answer."""
    if seconds is None:
        return ""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def locate(lengths: list[float], start_s: float, end_s: float) -> tuple[int, float, float]:
    """Which recording of an exchange (answer, then follow-ups, timed as if joined end to
    end) holds a moment, and the moment's seconds inside that recording."""
    offset = 0.0
    for k, length in enumerate(lengths):
        if start_s < offset + length or k == len(lengths) - 1:
            return k, max(0.0, start_s - offset), max(0.0, end_s - offset)
        offset += length
    return 0, max(0.0, start_s), max(0.0, end_s)


class EvidenceList(QTreeWidget):
    """Covered key points, each with the quotes that earned it; emits the chosen point."""

    point_chosen = Signal(int, int)   # index into feedback.key_points, quote (0 = first)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Why each key point counted")
        self.setToolTip("Click a key point to see its words in your answer (and hear them)")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setWordWrap(True)
        self.setRootIsDecorated(False)
        self.itemClicked.connect(self._on_clicked)
        self.itemActivated.connect(self._on_clicked)

    def show_points(self, points: list[Any]) -> None:
        """`points`: PointResults; only covered ones are listed, each with its evidence."""
        self.clear()
        lines = 0
        for index, point in enumerate(points):
            if not point.covered:
                continue
            item = QTreeWidgetItem([f"✔ {point.label}"])
            item.setData(0, INDEX_ROLE, index)
            item.setData(0, QUOTE_ROLE, 0)
            item.setToolTip(0, f"Click to see why “{point.label}” counted")
            for number, evidence in enumerate(point.evidence):
                when = moment(evidence.start_s)
                child = QTreeWidgetItem([f"“{evidence.text}”" + (f"  at {when}" if when else "")])
                child.setData(0, INDEX_ROLE, index)
                child.setData(0, QUOTE_ROLE, number)
                item.addChild(child)
            self.addTopLevelItem(item)
            lines += 1 + len(point.evidence)
        self.expandAll()
        self.setVisible(lines > 0)
        self.setFixedHeight(min(lines, 12) * (self.fontMetrics().lineSpacing() + 6) + 8)

    def _on_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.point_chosen.emit(int(item.data(0, INDEX_ROLE)), int(item.data(0, QUOTE_ROLE)))

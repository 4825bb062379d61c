"""A layout that wraps its widgets onto the next line when the width runs out, so a row of
buttons stays on screen at a large font instead of widening the window."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Left to right, wrapping; a `stretch` marker pushes the rest of a line to the right."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._breaks: set[int] = set()  # indexes after which the line's rest goes right
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def add_push(self) -> None:
        """What follows sits at the right end of its line (like a stretch in a row)."""
        self._breaks.add(len(self._items))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        visible = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in visible) + self.spacing() * len(visible)
        height = max((i.sizeHint().height() for i in visible), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        visible = [i for i in self._items if not i.isEmpty()]
        width = max((i.minimumSize().width() for i in visible), default=0)
        # the height at the actual width comes from heightForWidth, which layouts ask for
        return QSize(width, max((i.sizeHint().height() for i in visible), default=0))

    def _lines(self, width: int) -> list[list[tuple[int, QLayoutItem]]]:
        lines: list[list[tuple[int, QLayoutItem]]] = [[]]
        used = 0
        for index, item in enumerate(self._items):
            if item.isEmpty():
                continue
            w = item.sizeHint().width()
            if lines[-1] and used + self.spacing() + w > width:
                lines.append([])
                used = 0
            used += (self.spacing() if lines[-1] else 0) + w
            lines[-1].append((index, item))
        return lines

    def _place(self, rect: QRect, move: bool) -> int:
        y = rect.y()
        for line in self._lines(rect.width()):
            if not line:
                continue
            height = max(_height(item) for _, item in line)
            push = next((n for n, (index, _) in enumerate(line) if index in self._breaks
                         and n > 0), None)
            right = line[push:] if push is not None else []
            left = line[:push] if push is not None else line
            if move:
                x = rect.x()
                for _, item in left:
                    item.setGeometry(QRect(QPoint(x, y), _size(item)))
                    x += item.sizeHint().width() + self.spacing()
                x = rect.right() + 1 - sum(i.sizeHint().width() + self.spacing()
                                           for _, i in right) + self.spacing()
                for _, item in right:
                    item.setGeometry(QRect(QPoint(x, y), _size(item)))
                    x += item.sizeHint().width() + self.spacing()
            y += height + self.spacing()
        return y - rect.y() - self.spacing() if y > rect.y() else 0


def _height(item: QLayoutItem) -> int:
    """An item's height at its preferred width (wrapped text is taller when narrow)."""
    width = item.sizeHint().width()
    return item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()


def _size(item: QLayoutItem) -> QSize:
    return QSize(item.sizeHint().width(), _height(item))

"""PDF reports with Qt's own PDF writer: no extra dependency, real text, A4 pages.

Reached from the core by name (`importlib`) so `interviewer/` never imports Qt.
Works without a screen: when no Qt application runs yet, an offscreen one is made.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

_app: QGuiApplication | None = None
RESOLUTION = 300


def _ensure_app() -> None:
    """Text layout needs fonts, and fonts need a QGuiApplication."""
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["interviewer", "-platform", "offscreen"])


def html_to_pdf(html: str, title: str = "interviewer report") -> bytes:
    """Lay out `html` with QTextDocument and print it to PDF bytes (Qt adds 2 cm margins)."""
    _ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("interviewer")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())

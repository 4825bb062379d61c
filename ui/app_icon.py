"""The app's icon for windows, the task bar and the dock."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from interviewer.desktop import ICON_SVG, PNG_SIZES, icon_png


def app_icon() -> QIcon:
    """Every committed PNG size, so small sizes use the pixel-tuned files, not a scaled SVG."""
    icon = QIcon()
    for size in PNG_SIZES:
        icon.addFile(str(icon_png(size)))
    if icon.isNull():  # no PNGs (a broken install): the SVG still draws at any size
        icon.addFile(str(ICON_SVG))
    return icon

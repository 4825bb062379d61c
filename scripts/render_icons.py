#!/usr/bin/env python3
"""Render the app icon's SVG to the PNG sizes launchers use, plus the .ico and .icns.

Run after editing interviewer/desktop/icons/interviewer.svg; the outputs are committed
so installing needs no renderer. A test checks they still match the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from interviewer.desktop import ICON_ICNS, ICON_ICO, ICON_SVG, PNG_SIZES, icon_png  # noqa: E402
from interviewer.desktop.icon_files import pack_icns, pack_ico  # noqa: E402


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn at size x size pixels on a transparent background, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes
    return bytes(buffer.data().data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (fonts, plugins)
    pngs = {size: render_png(ICON_SVG, size) for size in PNG_SIZES}
    for size, png in pngs.items():
        icon_png(size).write_bytes(png)
    ICON_ICO.write_bytes(pack_ico(pngs))
    ICON_ICNS.write_bytes(pack_icns(pngs))
    print(f"wrote {len(pngs)} PNGs, {ICON_ICO.name} and {ICON_ICNS.name} in {ICON_SVG.parent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

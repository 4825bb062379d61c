"""The app icon: the committed PNG, .ico and .icns files are the SVG's current drawing,
Qt's own readers open them, and the main window carries the icon at every size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QImageReader

from interviewer.desktop import ICON_ICNS, ICON_ICO, ICON_SVG, PNG_SIZES, icon_png
from interviewer.ui.app import build_window
from interviewer.ui.jobs import Jobs
from tests.packaging.scripts_loader import load_script

render = load_script("render_icons")


def _difference(a: QImage, b: QImage) -> float:
    """Mean absolute difference per channel, 0..255."""
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    assert a.size() == b.size()
    da, db = bytes(a.constBits()), bytes(b.constBits())
    return sum(abs(x - y) for x, y in zip(da, db, strict=True)) / len(da)


@pytest.mark.parametrize("size", PNG_SIZES)
def test_committed_png_is_the_svg_drawn_at_that_size(size: int) -> None:
    committed = QImage(str(icon_png(size)))
    fresh = QImage.fromData(render.render_png(ICON_SVG, size), "PNG")
    assert committed.size() == QSize(size, size)
    assert _difference(committed, fresh) < 2.0, "run scripts/render_icons.py after editing the SVG"


def _read_all(data: bytes, fmt: bytes) -> list[int]:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, fmt)
    sizes = []
    for _ in range(reader.imageCount()):
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.append(image.width())
        reader.jumpToNextImage()
    return sorted(sizes)


def test_windows_ico_holds_the_sizes_a_shortcut_uses() -> None:
    assert _read_all(ICON_ICO.read_bytes(), b"ico") == [16, 24, 32, 48, 64, 128, 256]


def test_macos_icns_opens_with_qts_reader() -> None:
    buffer = QBuffer()
    buffer.setData(QByteArray(ICON_ICNS.read_bytes()))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, b"icns")
    assert reader.imageCount() == 6
    assert not reader.read().isNull(), reader.errorString()


def test_main_window_shows_the_icon(qtbot, artifacts) -> None:
    window = build_window(Jobs())
    qtbot.addWidget(window)
    icon = window.windowIcon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= set(PNG_SIZES)
    drawn = icon.pixmap(32).toImage()
    assert _difference(drawn, QImage(str(icon_png(32)))) < 1.0
    assert icon.pixmap(64).save(str(artifacts / "window-icon-64.png"))

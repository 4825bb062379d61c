"""interviewer as a desktop app: its icon files and the launcher entry for each system."""

from __future__ import annotations

from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent / "icons"
ICON_SVG = ICON_DIR / "interviewer.svg"
ICON_ICO = ICON_DIR / "interviewer.ico"  # Windows shortcuts
ICON_ICNS = ICON_DIR / "interviewer.icns"  # macOS app bundles
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the sizes launchers and icon themes ask for


def icon_png(size: int) -> Path:
    """The committed PNG rendering of the icon at `size` pixels square."""
    return ICON_DIR / f"interviewer-{size}.png"

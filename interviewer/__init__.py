"""interviewer: rehearse job interviews out loud, offline.

This package is the core (banks, sessions, speech recognition, analysis, history,
CLI). It never imports Qt; the desktop app `interviewer.ui` (the `ui/` folder) drives it.
"""

from pathlib import Path as _Path

from interviewer import _checkout

__version__ = "0.1.0"

_checkout.install(_Path(__file__).resolve().parent)

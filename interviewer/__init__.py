"""interviewer: rehearse job interviews out loud, offline.

This package is the core (banks, sessions, speech recognition, analysis, history,
CLI). It never imports Qt; the desktop app in `ui/` drives it.
"""

__version__ = "0.1.0"

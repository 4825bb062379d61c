"""The PySide6 desktop app. It drives the core (`interviewer`) and the voices."""

from interviewer.ui.pyside_fix import guard_bool_refcounts

guard_bool_refcounts()

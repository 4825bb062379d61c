"""The PySide6 desktop app. It drives the core (`interviewer`) and the voices."""

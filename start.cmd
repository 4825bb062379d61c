@echo off
rem One command on Windows: set up .venv and start interviewer (see start.ps1).
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0start.ps1" %*
rem keep the window open on a failure, so a double-click shows what went wrong
if errorlevel 1 pause

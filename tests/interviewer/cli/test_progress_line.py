"""One progress line serves the model and the voice installs, in a terminal and in a log."""

from __future__ import annotations

import io
import sys

import pytest

from interviewer.cli.progress import ProgressLine


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(calls: list[tuple[str, int, int | None]]) -> str:
    line = ProgressLine()
    for call in calls:
        line(*call)
    line.end()
    return sys.stderr.getvalue()  # type: ignore[attr-defined]


MODEL = [("download", 0, 2_000_000), ("download", 1_000_000, 2_000_000),
         ("download", 2_000_000, 2_000_000), ("unpack", 1, 3), ("unpack", 3, 3),
         ("check", 0, 1)]
VOICE = [("copy", 0, 4_000_000), ("copy", 1_000_000, 4_000_000), ("copy", 4_000_000, 4_000_000)]


def test_a_log_gets_one_line_per_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert _run(MODEL) == "downloading...\nunpacking...\nchecking the model's weights...\n"
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert _run(VOICE) == "copying...\n"


def test_a_terminal_sees_one_line_redrawn_with_amounts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", _Terminal())
    shown = [part.strip() for part in _run(MODEL).split("\r") if part.strip()]
    assert shown == ["downloading 0.0/2.0 MB (0%)", "downloading 1.0/2.0 MB (50%)",
                     "downloading 2.0/2.0 MB (100%)", "unpacking 1/3 files",
                     "unpacking 3/3 files", "checking the model's weights"]
    monkeypatch.setattr(sys, "stderr", _Terminal())
    assert _run(VOICE).split("\r")[-1].strip() == "copying 4.0/4.0 MB (100%)"
    monkeypatch.setattr(sys, "stderr", _Terminal())
    assert _run([("download", 500_000, None)]).strip() == "downloading 0.5 MB"

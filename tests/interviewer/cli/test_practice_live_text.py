"""The terminal shows the answer as text while it is spoken, as the app does: the
recognizer loads while the question is read, and the mic line carries the live words."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.conftest import REPO
from tests.speech_answers import spoken_answers


def test_the_terminal_shows_live_text_while_the_answer_is_spoken(pulse_server) -> None:
    answer = next(a for a in spoken_answers() if a.id == "a01")  # 22 s, two stretches
    cmd = [sys.executable, "-m", "interviewer", "practice", "--bank", "ar-coordinator",
           "--count", "1", "--no-voice", "--time", "60"]
    wide = {**os.environ, "COLUMNS": "500"}  # the whole text fits on the mic line
    with subprocess.Popen(cmd, cwd=REPO, env=wide, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        line = ""
        while "Speak now" not in line:
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
        player = pulse_server.play_into_mic(answer.path)
        out, err = proc.communicate(timeout=300)
        player.wait(timeout=30)
    assert proc.returncode == 0, err
    speaking = out.split("(finishing the transcript...)")[0]
    # (text mode reads the "\r" that rewrites the mic line as a line end)
    lines = [re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", part) for part in speaking.splitlines()]
    live = [found.group(1).strip() for part in lines
            if (found := re.search(r"mic \[[^\]]*\] \S+ left (.*)", part))]
    words = [text for text in live if len(re.findall(r"[A-Za-z]+", text)) >= 3]
    assert words, lines[-5:]  # the spoken words, on the mic line, while it is spoken
    # Whisper's words replace the live engine's for finished stretches: it writes figures
    # as digits ("52 days"), where Sphinx writes words ("fifty two")
    assert any(re.search(r"\d", text) for text in live), live[-5:]

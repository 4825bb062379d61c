"""The interviewer's voice is never taken as the answer (issue: on a laptop's own speakers
the terminal recorded the question and saved it as the answer).

The virtual speaker is looped into the virtual microphone, as a laptop's speakers are
heard by its microphone; the question is read aloud by the real TTS while terminal
practice has its microphone open, then a real recording is spoken into the microphone.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from interviewer.banks.importer import import_file
from interviewer.history import HistoryStore
from tests.conftest import REPO
from tests.interviewer.cli.test_practice_cli import RECORDING, read_until

QUESTION = ("Describe quarterly budget forecasting improvements, vendor negotiations, "
            "spreadsheet automation and treasury reporting.")
BANK_CSV = f"""\
question,answer,key points,difficulty,category
"{QUESTION}","He was not an ill disposed young man.","Young: young man",easy,technical
"""


def loud_seconds_on_mic(pulse_server, play: Path) -> float:
    """Play on the speaker while recording the microphone: how much of it the mic heard."""
    raw = subprocess.Popen(["parec", "-d", "vmic", "--format=s16le", "--rate=16000",
                            "--channels=1", "--latency-msec=20"], stdout=subprocess.PIPE,
                           env={**os.environ, **pulse_server.env})
    time.sleep(0.3)
    pulse_server.play_on_speaker(play).wait(timeout=60)
    time.sleep(0.3)
    raw.terminate()
    heard = np.frombuffer(raw.communicate(timeout=10)[0], dtype="<i2")
    return float((np.abs(heard.astype(np.int32)) > 1000).sum()) / 16000


def test_the_question_read_aloud_is_not_saved_as_the_answer(pulse_server, tmp_path) -> None:
    source = tmp_path / "echo.csv"
    source.write_text(BANK_CSV, encoding="utf-8")
    bank = import_file(source).bank_id
    cmd = [sys.executable, "-m", "interviewer", "practice", "--bank", bank, "--count", "1",
           "--time", "30"]
    with pulse_server.speaker_heard_by_mic():
        # the loop is real: what the speaker plays, the microphone hears (a silent mic
        # reads 0.0; the recording has 2.8 loud seconds, of which a loaded machine's
        # loopback passes on as little as 0.4)
        assert loud_seconds_on_mic(pulse_server, RECORDING["dashwood"]) > 0.1
        with subprocess.Popen(cmd, cwd=REPO, env=dict(os.environ), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) as proc:
            asked = read_until(proc.stdout, "Speak now")
            player = pulse_server.play_into_mic(RECORDING["ill-disposed"])
            out, err = proc.communicate(timeout=240)
            player.wait(timeout=30)
    assert proc.returncode == 0, err
    assert "treasury reporting" in asked and "voice off" not in asked  # it was read aloud
    with HistoryStore() as store:
        (attempt,) = store.attempts()
    said = set(re.findall(r"[a-z']+", attempt.transcript.text.lower()))
    assert {"young", "man"} & said, attempt.transcript.text  # the answer was heard
    question_words = set(re.findall(r"[a-z']+", QUESTION.lower()))
    assert not said & question_words, attempt.transcript.text
    # and nothing else was heard before it: about as many words as the recording says
    # by itself (a word or two may be heard differently through the sound server)
    alone = transcribe(RECORDING["ill-disposed"]).split()
    assert len(attempt.transcript.text.split()) <= len(alone) + 2, (attempt.transcript.text,
                                                                     alone)


def transcribe(wav: Path) -> str:
    """What the same recognizer hears in the answer recording by itself."""
    from interviewer.speech import load_recognizer, read_pcm
    from interviewer.speech.transcribe import transcribe_pcm

    return transcribe_pcm(read_pcm(wav), load_recognizer()).text

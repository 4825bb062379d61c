"""Real human speech with transcripts, from Debian's pocketsphinx-testdata package."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

TESTDATA = Path("/usr/share/pocketsphinx/test/data")
LIBRIVOX = TESTDATA / "librivox"


@dataclass(frozen=True)
class Recording:
    path: Path
    transcript: str


def librivox() -> list[Recording]:
    """Five read sentences from 'Sense and Sensibility' (LibriVox), 16 kHz mono WAV."""
    lines = (LIBRIVOX / "transcription").read_text(encoding="utf-8").splitlines()
    found = []
    for line in lines:
        match = re.match(r"<s>(.*)</s>\s*\((.+)\)", line.strip())
        if match:
            found.append(Recording(LIBRIVOX / f"{match.group(2)}.wav", match.group(1).strip()))
    return found


CRASHING_WRITER = """
import sys, time
from interviewer.capture.recording import RecordingWriter
from interviewer.speech.audio import chunks
pcm = open(sys.argv[2], "rb").read()
writer = RecordingWriter(sys.argv[1])
for piece in chunks(pcm, 0.1):
    writer.write(piece)
print("written", flush=True)
time.sleep(60)  # killed here, before close() writes the final header
"""


def crashed_recording(path: Path, pcm: bytes) -> Path:
    """Record `pcm` to `path` in a real process, and SIGKILL it before it closes the file."""
    import signal
    import subprocess
    import sys

    raw = path.with_suffix(".pcm")
    raw.write_bytes(pcm)
    child = subprocess.Popen([sys.executable, "-c", CRASHING_WRITER, str(path), str(raw)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "written"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    raw.unlink()
    return path

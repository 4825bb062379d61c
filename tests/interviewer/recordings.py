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

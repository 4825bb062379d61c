"""Hypothesis over WAV headers and bank files, parsed in a child under a memory cap.

Every input must end in `ok` or a clean refusal: never an exception of another kind,
never a numpy warning, never a MemoryError (the cap is RLIMIT_AS on the child).
"""

from __future__ import annotations

import os
import resource
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.interviewer.hardening.cli_run import REPO

pytestmark = pytest.mark.slow  # 600 files through a child parser

MEMORY_CAP = 1536 * 1024**2  # the parser's whole address space, numpy and libsndfile included


class Worker:
    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO), "OPENBLAS_NUM_THREADS": "1",
               "OMP_NUM_THREADS": "1"}

        def cap() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.interviewer.hardening.fuzz_worker"], cwd=REPO,
            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            preexec_fn=cap)

    def parse(self, kind: str, path: Path) -> str:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(f"{kind} {path}\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline().strip()
        assert answer, f"the parser died on {kind} {path} (exit {self.proc.poll()})"
        return answer

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(30)


@pytest.fixture(scope="module")
def worker() -> Iterator[Worker]:
    started = Worker()
    yield started
    started.close()


def _wav(fmt: int, channels: int, rate: int, bits: int, declared: int, data: bytes,
         extra_chunk: bytes) -> bytes:
    block = max(channels * bits // 8, 0) & 0xFFFF
    fmt_chunk = struct.pack("<4sIHHIIHH", b"fmt ", 16, fmt, channels, rate,
                            (rate * block) & 0xFFFFFFFF, block, bits)
    body = b"WAVE" + fmt_chunk + extra_chunk + struct.pack("<4sI", b"data", declared) + data
    return struct.pack("<4sI", b"RIFF", len(body)) + body


u32 = st.integers(0, 2**32 - 1)
# mostly headers libsndfile accepts (PCM or float, 1-2 channels), so the fuzz reaches the
# decoding and resampling behind the header check, not only the check itself
wav_files = st.builds(
    _wav,
    fmt=st.sampled_from([1, 1, 1, 3, 3, 0, 2, 6, 7, 0xFFFE, 0xFFFF]),
    channels=st.one_of(st.sampled_from([1, 1, 2]), st.integers(0, 0xFFFF)),
    rate=st.one_of(st.sampled_from([1, 2, 8, 100, 4000, 8000, 16000, 44100, 192000]), u32),
    bits=st.sampled_from([16, 16, 32, 8, 24, 0, 1, 64, 0xFFFF]),
    declared=st.one_of(u32, st.integers(0, 5000)),
    # up to 200 KB: a header claiming 1 Hz over that much data once meant 21 GB resampled
    data=st.one_of(st.binary(max_size=6000),
                   st.integers(0, 200_000).map(lambda n: bytes(range(256)) * (n // 256))),
    extra_chunk=st.one_of(st.just(b""), st.binary(max_size=40)),
)


_ISSUE_DATA = bytes(range(256)) * 781  # the 200 KB WAVs of the report


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wav=wav_files)
@example(wav=_wav(1, 1, 1, 16, len(_ISSUE_DATA), _ISSUE_DATA, b""))  # 1 Hz: 21 GB once
@example(wav=_wav(1, 1, 8, 16, len(_ISSUE_DATA), _ISSUE_DATA, b""))  # 8 Hz: 2.5 GB once
@example(wav=_wav(3, 1, 1, 32, 4, b"\x00\x00\x00x", b""))  # a float past full scale
def test_fuzzed_wav_headers_end_cleanly(worker, tmp_path_factory, wav) -> None:
    path = tmp_path_factory.mktemp("wav") / "answer.wav"
    path.write_bytes(wav)
    answer = worker.parse("wav", path)
    assert not answer.startswith("crash"), answer


_fragments = st.sampled_from([
    "schema = 1\n", 'id = "f"\n', 'title = "F"\n', "[[questions]]\n", 'slug = "q"\n',
    'text = "Why?"\n', 'category = "behavioural"\n', 'difficulty = "easy"\n',
    'source = "s"\n', "[[questions.sample_answers]]\n", 'text = """\nI do.\n"""\n',
    "[[questions.key_points]]\n", 'label = "L"\n', 'phrases = ["i do"]\n', "x = " + "[" * 300,
    "]" * 300 + "\n", 'tips = ["\\u001b[2J"]\n', "\ufeff", "\x00", "= = =\n", '"\n',
    "y = {a = {b = {c = 1}}}\n", "z = 1979-05-27T07:32:00Z\n", "w = inf\n", "[a.b.c]\n",
])
bank_texts = st.one_of(
    st.lists(_fragments, max_size=40).map("".join),
    st.text(max_size=2000),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=bank_texts, bom=st.booleans())
def test_fuzzed_bank_files_end_cleanly(worker, tmp_path_factory, text, bom) -> None:
    path = tmp_path_factory.mktemp("bank") / "fuzz.toml"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8", "surrogatepass"))
    answer = worker.parse("bank", path)
    assert not answer.startswith("crash"), answer

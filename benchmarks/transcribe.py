"""How good and how quick the transcripts are, engine by engine, in one run.

Prints, on one half of the spoken-answer set (tests/speech_answers; "test" reports, "dev"
is the half rules are tuned on): the final transcript's word error rate next to one plain
Whisper call over the whole answer, clean and on harder copies (pink noise, telephone
band, pitch, tempo); AR-term recall; fillers counted by delivery and invented in fluent
answers; the wait after the last chunk of a 90 s answer (two passes, fed in real time,
against one Whisper call over the whole answer); Sphinx's CPU time and peak memory for 8
and 16 minutes of speech; with --engines, every engine on LibriVox too.

    .venv/bin/python benchmarks/transcribe.py [--half dev] [--conditions ...] [--engines]
        [--skip-quality] [--skip-wait] [--skip-long]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from interviewer.analysis.delivery import analyse_delivery  # noqa: E402
from interviewer.banks.loader import load_library  # noqa: E402
from interviewer.speech import read_pcm  # noqa: E402
from interviewer.speech.audio import BYTES_PER_SECOND, chunks, to_float  # noqa: E402
from interviewer.speech.base import Recognizer  # noqa: E402
from interviewer.speech.engines import load_recognizer, sphinx, whisper  # noqa: E402
from interviewer.speech.models import choose_model  # noqa: E402
from interviewer.speech.transcribe import transcribe_pcm  # noqa: E402
from interviewer.speech.vocabulary import FILLER_STYLE, context_for  # noqa: E402
from interviewer.speech.wer import normalize, normalized_wer  # noqa: E402
from interviewer.transcript import Transcript  # noqa: E402
from tests.interviewer.recordings import librivox  # noqa: E402
from tests.speech_answers import SpokenAnswer, spoken_answers  # noqa: E402
from tests.speech_answers.derived import CONDITIONS  # noqa: E402

WAIT_ANSWER_S = 90.0


def contexts(answers: list[SpokenAnswer]) -> dict[str, str]:
    library = load_library()
    found = {}
    for answer in answers:
        question = library.question(answer.question_id)
        found[answer.id] = context_for(question, library.bank(question.bank_id).questions)
    return found


def run_set(recognizer: Recognizer, pcms: list[bytes], ctx: list[str]) -> list[Transcript]:
    return [transcribe_pcm(p, recognizer, context=c) for p, c in zip(pcms, ctx, strict=True)]


def mean_wer(refs: list[str], transcripts: list[Transcript]) -> float:
    return statistics.mean(normalized_wer(r, t.text) for r, t in zip(refs, transcripts,
                                                                      strict=True))


def term_recall(answers: list[SpokenAnswer], transcripts: list[Transcript]) -> tuple[int, int]:
    found = total = 0
    for answer, transcript in zip(answers, transcripts, strict=True):
        text = f" {normalize(transcript.text)} "
        for term in answer.terms:
            total += 1
            found += f" {normalize(term)} " in text
    return found, total


def fillers_counted(transcript: Transcript) -> int:
    delivery = analyse_delivery(transcript)
    return len(delivery.fillers) if delivery else 0


def filler_figures(answers: list[SpokenAnswer], transcripts: list[Transcript]) -> str:
    said = sum(a.fillers for a in answers)
    counted = sum(min(a.fillers, fillers_counted(t))
                  for a, t in zip(answers, transcripts, strict=True) if a.fillers)
    fluent = [t for a, t in zip(answers, transcripts, strict=True) if not a.fillers]
    invented = sum(fillers_counted(t) for t in fluent)
    return (f"fillers: {counted}/{said} spoken um/uh counted by delivery "
            f"({100 * counted / said:.0f}%); {invented} invented in {len(fluent)} fluent "
            f"answers ({10 * invented / len(fluent):.1f} per ten)")


def whole_answer(pcm: bytes) -> str:
    """The naive way: one plain faster-whisper call over the whole answer, same model,
    a generic disfluent prompt, greedy (beam 1)."""
    import ctranslate2

    model = whisper()
    with model._lock:  # type: ignore[attr-defined]
        ctranslate2.set_random_seed(1)
        segments, _ = model._model.transcribe(  # type: ignore[attr-defined]
            to_float(pcm), language="en", beam_size=1, initial_prompt=FILLER_STYLE)
        return "".join(s.text for s in segments).strip()


def engine_table(answers: list[SpokenAnswer]) -> None:
    """Every engine on LibriVox and on the answers (slow: --engines)."""
    books = librivox()
    book_pcm = [read_pcm(r.path) for r in books]
    book_refs = [r.transcript for r in books]
    pcms = [read_pcm(a.path) for a in answers]
    refs = [a.text for a in answers]
    ctx_map = contexts(answers)
    ctx = [ctx_map[a.id] for a in answers]
    engines: dict[str, Recognizer] = {"sphinx": sphinx(), "whisper": whisper()}
    english_vosk = choose_model(english_only=True)
    if english_vosk is not None:
        engines["vosk"] = load_recognizer("vosk", english_vosk.path)
    engines["two-pass (auto)"] = load_recognizer("auto")
    print(f"\n{'engine':18} {'WER LibriVox':>13} {'WER answers':>12}")
    for name, recognizer in engines.items():
        books_t = run_set(recognizer, book_pcm, [""] * len(books))
        found = run_set(recognizer, pcms, ctx)
        print(f"{name:18} {100 * mean_wer(book_refs, books_t):12.1f}% "
              f"{100 * mean_wer(refs, found):11.1f}%")


def quality(answers: list[SpokenAnswer], half: str, conditions: list[str]) -> None:
    """The final transcript against one whole-answer call, clean and on harder copies."""
    clean = [read_pcm(a.path) for a in answers]
    refs = [a.text for a in answers]
    ctx_map = contexts(answers)
    ctx = [ctx_map[a.id] for a in answers]
    final_engine = load_recognizer("auto")
    print(f"{len(answers)} spoken answers, the {half} half "
          f"({sum(map(len, clean)) / BYTES_PER_SECOND:.0f} s, Piper joe voice); WER after "
          "normalising case, punctuation and figures")
    print(f"final = {final_engine.engine} ({final_engine.model}) two passes as the app runs "
          "them; whole = one faster-whisper call over the whole answer, same model, "
          "generic disfluent prompt, beam 1")
    print(f"\n{'audio':24} {'final WER':>10} {'whole WER':>10} {'final-whole':>12} "
          f"{'x clean':>8}")
    clean_final = 0.0
    for name in ["clean", *conditions]:
        make = CONDITIONS.get(name, lambda pcm: pcm)
        pcms = [make(p) for p in clean]
        finals = run_set(final_engine, pcms, ctx)
        wholes = [whole_answer(p) for p in pcms]
        final_wer = mean_wer(refs, finals)
        whole_wer = statistics.mean(normalized_wer(r, w) for r, w in zip(refs, wholes,
                                                                          strict=True))
        if name == "clean":
            clean_final = final_wer
            clean_finals = finals
        print(f"{name:24} {100 * final_wer:9.1f}% {100 * whole_wer:9.1f}% "
              f"{100 * (final_wer - whole_wer):+11.1f} {final_wer / clean_final:7.2f}x")
        sys.stdout.flush()
    found, total = term_recall(answers, clean_finals)
    print(f"\nAR-term recall, final transcript: {found}/{total} ({100 * found / total:.0f}%)")
    print(filler_figures(answers, clean_finals) + " (final transcript)")


def long_answer(answers: list[SpokenAnswer], seconds: float) -> bytes:
    """Answers one after another until `seconds` of audio, as one long answer."""
    pcm = b""
    while len(pcm) < seconds * BYTES_PER_SECOND:
        for answer in answers:
            pcm += read_pcm(answer.path)
    return pcm[: int(seconds * BYTES_PER_SECOND) // 2 * 2]


def wait_after_last_chunk(answers: list[SpokenAnswer]) -> None:
    """Feed a 90 s answer at the pace of speech, then time what is left at the end."""
    pcm = long_answer(answers, WAIT_ANSWER_S)
    recognizer = load_recognizer("auto")
    stream = recognizer.open_stream()
    start = time.perf_counter()
    for i, piece in enumerate(chunks(pcm, 0.1)):
        stream.feed(piece)
        lag = start + (i + 1) * 0.1 - time.perf_counter()
        if lag > 0:
            time.sleep(lag)
    last = time.perf_counter()
    two_pass = stream.finish()
    two_pass_wait = time.perf_counter() - last
    start = time.perf_counter()
    whole = whole_answer(pcm)
    one_call = time.perf_counter() - start
    print(f"\nwait after the last chunk of a {WAIT_ANSWER_S:.0f} s answer fed in real time: "
          f"two passes {two_pass_wait:.2f} s (final by {two_pass.engine}), one Whisper call "
          f"over the whole answer {one_call:.2f} s: {one_call / two_pass_wait:.1f}x sooner")
    print(f"  WER of the two: {100 * normalized_wer(whole, two_pass.text):.1f}% apart")


SPHINX_RUN = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from interviewer.speech.engines import sphinx
from interviewer.speech.transcribe import transcribe_pcm
pcm = open(sys.argv[1], 'rb').read()
recognizer = sphinx()
cpu = time.process_time()
transcript = transcribe_pcm(pcm, recognizer)
print(json.dumps({"cpu": time.process_time() - cpu, "words": len(transcript.words),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def sphinx_linear(answers: list[SpokenAnswer], scratch: Path) -> None:
    """Each length in its own process, so its peak memory is its own."""
    rows = {}
    for minutes in (8, 16):
        raw = scratch / f"long-{minutes}.pcm"
        raw.write_bytes(long_answer(answers, minutes * 60))
        out = subprocess.run([sys.executable, "-c", SPHINX_RUN, str(raw), str(ROOT)],
                             capture_output=True, text=True, check=True)
        rows[minutes] = json.loads(out.stdout.strip().splitlines()[-1])
        raw.unlink()
    eight, sixteen = rows[8], rows[16]
    print(f"\nSphinx on long answers: 8 min costs {eight['cpu']:.0f} s CPU (peak "
          f"{eight['peak_mb']:.0f} MB), 16 min {sixteen['cpu']:.0f} s CPU (peak "
          f"{sixteen['peak_mb']:.0f} MB): {sixteen['cpu'] / eight['cpu']:.2f}x the CPU for "
          "twice the audio")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-long", action="store_true", help="no 8/16 min Sphinx run")
    parser.add_argument("--skip-wait", action="store_true", help="no 90 s real-time run")
    parser.add_argument("--skip-quality", action="store_true", help="no WER, terms, fillers")
    parser.add_argument("--engines", action="store_true",
                        help="also every engine on LibriVox and the answers (slow)")
    parser.add_argument("--half", choices=("test", "dev"), default="test",
                        help="the answers to measure: test reports, dev is for tuning")
    parser.add_argument("--conditions", default=",".join(CONDITIONS),
                        help="harder copies to measure, comma-separated ('' for none)")
    args = parser.parse_args()
    answers = spoken_answers(args.half)
    conditions = [c for c in args.conditions.split(",") if c]
    unknown = [c for c in conditions if c not in CONDITIONS]
    if unknown:
        parser.error(f"unknown condition {unknown[0]!r}; choose from: {', '.join(CONDITIONS)}")
    steps: list[Callable[[], None]] = []
    if not args.skip_quality:
        steps.append(lambda: quality(answers, args.half, conditions))
    if args.engines:
        steps.append(lambda: engine_table(answers))
    if not args.skip_wait:
        steps.append(lambda: wait_after_last_chunk(answers))
    if not args.skip_long:
        import tempfile

        steps.append(lambda: sphinx_linear(answers, Path(tempfile.mkdtemp())))
    for step in steps:
        step()
        sys.stdout.flush()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory of this process with Sphinx and Whisper loaded: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

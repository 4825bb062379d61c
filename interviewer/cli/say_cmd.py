"""`interviewer say`: speak a line with the interviewer's voice, or write it to a WAV file."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from interviewer.cli.progress import working
from interviewer.errors import InterviewerError
from interviewer.voices import tts
from interviewer.voices.personas import find_persona
from interviewer.voices.playback import play_wav, wav_seconds


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("say", help="speak a text aloud, or write it to a WAV file")
    parser.add_argument("text", nargs="+", metavar="TEXT", help="what to say")
    parser.add_argument("--persona", metavar="P",
                        help="an interviewer persona (see: interviewer voices)")
    parser.add_argument("--voice", metavar="V",
                        help="a voice id, name or language, e.g. en-gb; 'piper:' or 'pyttsx3:' "
                             "in front picks the backend (see: interviewer voices)")
    parser.add_argument("--rate", metavar="R", type=int, help="words per minute (60-450)")
    parser.add_argument("--volume", type=float, help="0.0-1.0")
    parser.add_argument("--out", metavar="FILE.wav", type=Path,
                        help="write a WAV file instead of playing")
    parser.set_defaults(func=say)


def _settings(args: argparse.Namespace) -> tuple[tts.VoiceInfo, int | None, float | None]:
    """Voice, rate and volume: explicit options win over the persona's."""
    if args.persona:
        persona = find_persona(args.persona)
        voice = tts.resolve_voice(args.voice) if args.voice else tts.preferred_voice(persona.voice)
        rate = args.rate if args.rate is not None else persona.rate
        volume = args.volume if args.volume is not None else persona.volume
        return voice, rate, volume
    return tts.resolve_voice(args.voice), args.rate, args.volume


def _check_target(target: Path) -> None:
    """Before any synthesis: a wrong --out is said at once, not after the voice has spoken."""
    if target.suffix.lower() != ".wav":
        raise InterviewerError(f"{target}: only WAV files are written",
                               "give a file name ending in .wav")
    if not target.parent.is_dir():
        raise InterviewerError(f"{target}: the folder {target.parent} does not exist",
                               "create it first, or pick another path")


def _write_copy(source: Path, target: Path) -> None:
    """Copy next to the target first, then rename: an existing file is never left half-written."""
    _check_target(target)
    partial = target.with_name(f".{target.name}.partial")
    try:
        shutil.copyfile(source, partial)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InterviewerError(f"{target}: cannot write: {exc.strerror}",
                               "check the path and its permissions") from exc


MAX_SAY_CHARS = 10_000  # about ten minutes of speech


def _exact(voice: tts.VoiceInfo) -> str:
    """The resolved voice as a query that finds exactly it again."""
    return f"{voice.backend}:{voice.id}"


def say(args: argparse.Namespace) -> int:
    text = " ".join(args.text).strip()
    if len(text) > MAX_SAY_CHARS:
        raise InterviewerError(f"the text is {len(text):,} characters; say speaks at most "
                               f"{MAX_SAY_CHARS:,} at a time",
                               "give it a shorter text, a paragraph at a time")
    voice, rate, volume = _settings(args)
    if args.out:
        _check_target(args.out)
    with working(f"synthesising {len(text.split())} words"):
        spoken = tts.synthesize_spoken(text, voice=_exact(voice), rate=rate, volume=volume)
    if spoken.fallback_reason:
        print(f"warning: {spoken.fallback_reason}; spoke with {spoken.voice.id} instead",
              file=sys.stderr)
    wav, voice = spoken.path, spoken.voice
    used = (f"{voice.backend} voice {voice.id} ({voice.name}), "
            f"{rate or tts.DEFAULT_RATE} words/min")
    if args.out:
        _write_copy(wav, args.out)
        print(f"wrote {args.out}: {wav_seconds(args.out):.1f} s, {used}")
        return 0
    play_wav(wav)
    return 0

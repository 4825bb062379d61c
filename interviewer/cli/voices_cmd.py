"""`interviewer voices`: the voices this machine can speak with, the personas, and installs."""

from __future__ import annotations

import argparse
import sys
from typing import cast

from interviewer.cli.output import print_json, print_table
from interviewer.cli.progress import ProgressLine
from interviewer.voices import tts
from interviewer.voices.personas import DEFAULT_PERSONA, Persona, PersonaError, load_personas


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("voices", help="list the text-to-speech voices and personas; "
                                                  "install Piper voices")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=list_voices)
    sub = parser.add_subparsers(metavar="ACTION")
    install = sub.add_parser("install", help="install a Piper voice from FILE.onnx (with its "
                                             ".onnx.json) or by name (needs a network)")
    install.add_argument("source", metavar="NAME|FILE.onnx",
                         help="e.g. en_GB-alan-medium, or a downloaded en_GB-alan-medium.onnx")
    install.add_argument("--sha256", help="refuse the model unless it has this SHA-256")
    install.set_defaults(func=install_cmd)


def _in_order(voices: list[tts.VoiceInfo]) -> list[tts.VoiceInfo]:
    """Piper first (the natural voices), then English, then by name."""
    return sorted(voices, key=lambda v: (v.backend != "piper", not v.is_english, v.name.lower()))


def _persona_rows(personas: list[Persona], speaks: bool) -> list[dict[str, object]]:
    rows = []
    for persona in personas:
        row = persona.to_dict()
        row["default"] = persona.id == DEFAULT_PERSONA
        row["resolved_voice"] = tts.preferred_voice(persona.voice).id if speaks else None
        rows.append(row)
    return rows


def list_voices(args: argparse.Namespace) -> int:
    problems: list[PersonaError] = []
    personas = load_personas(problems=problems)
    for problem in problems:
        print(f"warning: {problem.message}", file=sys.stderr)
    backends = tts.backend_status()
    for row in backends:
        for warning in cast(list[str], row["warnings"]):
            print(f"warning: {row['name']} voice skipped: {warning}", file=sys.stderr)
    try:
        voices = _in_order(tts.list_voices())
    except tts.TtsUnavailable as exc:
        if args.json:
            print_json({"available": False, "error": exc.message, "hint": exc.hint,
                        "backends": backends, "voices": [],
                        "personas": _persona_rows(personas, False)})
            return 1
        raise
    default = tts.default_voice()
    persona_rows = _persona_rows(personas, True)
    if args.json:
        print_json({"available": True, "default_backend": default.backend,
                    "default_voice": default.id, "default_persona": DEFAULT_PERSONA,
                    "backends": backends,
                    "voices": [{**v.to_dict(), "default": v == default} for v in voices],
                    "personas": persona_rows})
        return 0
    _print_backends(backends)
    print(f"Default voice: {default.id} ({default.name}, {default.backend}).\n")
    print_table([("*" if v == default else "", v.backend, v.id, v.name, ", ".join(v.languages))
                 for v in voices], ("", "BACKEND", "VOICE", "NAME", "LANGUAGE"))
    print(f"\n{len(voices)} voices, {sum(v.is_english for v in voices)} English. "
          "Pick one with: interviewer say TEXT --voice VOICE\n")
    print_table([("*" if r["default"] else "", str(r["id"]), str(r["name"]),
                  str(r["resolved_voice"]), str(r["rate"])) for r in persona_rows],
                ("", "PERSONA", "NAME", "VOICE", "RATE"))
    print("\n* = default. Try one with: interviewer say TEXT --persona PERSONA")
    return 0


def _print_backends(backends: list[dict[str, object]]) -> None:
    for row in backends:
        plural = "" if row["voices"] == 1 else "s"
        state = (f"{row['voices']} voice{plural} ({row['driver']})" if row["available"]
                 else f"not available: {row['problem']}")
        print(f"{row['name']}: {row['label']}, {state}")
    print()


def install_cmd(args: argparse.Namespace) -> int:
    from interviewer.voices.piper_install import install_voice

    progress = ProgressLine()
    try:
        voice = install_voice(args.source, sha256=args.sha256, progress=progress)
    finally:
        progress.end()
    tts.forget_backend()
    print(f"installed Piper voice {voice.id} ({voice.name}) at {voice.model.parent}")
    print(f"try it: interviewer say \"Tell me about yourself.\" --voice {voice.id}")
    return 0

"""`interviewer voices`: the voices this machine can speak with, and the interviewer personas."""

from __future__ import annotations

import argparse
import sys

from interviewer.cli.output import print_json, print_table
from voices import tts
from voices.personas import DEFAULT_PERSONA, Persona, PersonaError, load_personas


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("voices", help="list the text-to-speech voices and personas")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=list_voices)


def _english_first(voices: list[tts.VoiceInfo]) -> list[tts.VoiceInfo]:
    return sorted(voices, key=lambda v: (not v.is_english, v.name.lower()))


def _persona_rows(personas: list[Persona], backend: tts.Backend | None) -> list[dict]:
    rows = []
    for persona in personas:
        row = persona.to_dict()
        row["default"] = persona.id == DEFAULT_PERSONA
        row["resolved_voice"] = tts.preferred_voice(persona.voice).id if backend else None
        rows.append(row)
    return rows


def list_voices(args: argparse.Namespace) -> int:
    problems: list[PersonaError] = []
    personas = load_personas(problems=problems)
    for problem in problems:
        print(f"warning: {problem.message}", file=sys.stderr)
    try:
        backend = tts.backend()
    except tts.TtsUnavailable as exc:
        if args.json:
            print_json({"available": False, "error": exc.message, "hint": exc.hint,
                        "voices": [], "personas": _persona_rows(personas, None)})
            return 1
        raise
    default = backend.default
    voices = _english_first(backend.voices)
    persona_rows = _persona_rows(personas, backend)
    if args.json:
        print_json({"available": True, "driver": backend.driver, "default_voice": default.id,
                    "default_persona": DEFAULT_PERSONA,
                    "voices": [{**v.to_dict(), "default": v == default} for v in voices],
                    "personas": persona_rows})
        return 0
    print(f"Speech driver: {backend.driver}. Default voice: {default.id} ({default.name}).\n")
    print_table([("*" if v == default else "", v.id, v.name, ", ".join(v.languages))
                 for v in voices], ("", "VOICE", "NAME", "LANGUAGE"))
    print(f"\n{len(voices)} voices, {sum(v.is_english for v in voices)} English. "
          "Pick one with: interviewer say TEXT --voice VOICE\n")
    print_table([("*" if r["default"] else "", r["id"], r["name"], r["resolved_voice"],
                  str(r["rate"])) for r in persona_rows],
                ("", "PERSONA", "NAME", "VOICE", "RATE"))
    print("\n* = default. Try one with: interviewer say TEXT --persona PERSONA")
    return 0

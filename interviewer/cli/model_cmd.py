"""`interviewer model`: list, install and choose Vosk speech models."""

from __future__ import annotations

import argparse

from interviewer.cli.output import print_json, print_table
from interviewer.cli.progress import ProgressLine
from interviewer.speech.catalog import KNOWN_MODELS, WHISPER_NAMES
from interviewer.speech.errors import ModelError
from interviewer.speech.install import install_model
from interviewer.speech.models import choose_model, find_models, installed_models, set_active
from interviewer.speech.whisper_models import find_whisper_models


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("model", help="list and install speech recognition models")
    parser.set_defaults(func=list_models, json=False)
    sub = parser.add_subparsers(metavar="ACTION")

    listing = sub.add_parser("list", help="installed and found models; * marks the active one")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=list_models)

    install = sub.add_parser("install", help="install a Vosk or Whisper model")
    install.add_argument("source", metavar="SOURCE",
                         help=f"a known Vosk name ({', '.join(KNOWN_MODELS)}), a Whisper name "
                              f"({', '.join(WHISPER_NAMES)}; needs a network), an http(s) URL, "
                              "a .zip file or a model folder")
    install.add_argument("--sha256", help="refuse the archive unless it has this SHA-256")
    install.set_defaults(func=install_cmd)

    use = sub.add_parser("use", help="make an installed model the active one")
    use.add_argument("name", help="the name shown by `interviewer model list`")
    use.set_defaults(func=use_model)


def list_models(args: argparse.Namespace) -> int:
    found = find_models()
    active = choose_model(english_only=True)
    whispers = find_whisper_models()
    final = whispers[0] if whispers else None
    if args.json:
        print_json({"active": active.to_dict() if active else None,
                    "fallback": "sphinx" if active is None else None,
                    "live": active.name if active else "sphinx",
                    "final": final.name if final else None,
                    "models": [{**m.to_dict(), "kind": "vosk"} for m in found],
                    "whisper": [m.to_dict() for m in whispers],
                    "known": {k: {"folder": m.folder, "url": m.url, "size": m.size,
                                  "sha256": m.sha256, "about": m.about}
                              for k, m in KNOWN_MODELS.items()},
                    "known_whisper": WHISPER_NAMES})
        return 0
    rows = [("*" if active and m.path == active.path else "", m.name, "vosk",
             m.language or "?", "live text" if active and m.path == active.path else "",
             m.source, str(m.path)) for m in found]
    if active is None:
        rows.append(("*", "cmusphinx en-us", "sphinx", "en-us", "live text", "built in", ""))
    rows += [("*" if m is final else "", m.name, "whisper", m.language or "?",
              "final transcript" if m is final else "", m.source, str(m.path))
             for m in whispers]
    print_table(rows, ("", "NAME", "KIND", "LANGUAGE", "GIVES", "FROM", "PATH"))
    if active is None:
        print("\nNo English Vosk model: the live text comes from the built-in Sphinx model.")
        print("For better live text: interviewer model install small-en-us")
    if final is None:
        print("No Whisper model: the live text is the final transcript.")
    print("\nKnown models: " + ", ".join(f"{k} ({m.about})" for k, m in KNOWN_MODELS.items()))
    print("Whisper: " + ", ".join(f"{k} ({about})" for k, about in WHISPER_NAMES.items()))
    return 0


def install_cmd(args: argparse.Namespace) -> int:
    progress = ProgressLine()
    try:
        model = install_model(args.source, sha256=args.sha256, progress=progress)
    finally:
        progress.end()
    kind = "Whisper, for the final transcript" if "whisper" in model.path.parts else "active"
    print(f"installed {model.name} at {model.path} ({kind})")
    return 0


def use_model(args: argparse.Namespace) -> int:
    names = [m.name for m in installed_models()]
    if args.name not in names:
        raise ModelError(f"no installed model named '{args.name}'",
                         f"installed: {', '.join(names) or 'none'}; see interviewer model list")
    set_active(args.name)
    print(f"{args.name} is now the active model")
    return 0

"""`interviewer model`: list, install and choose Vosk speech models."""

from __future__ import annotations

import argparse

from interviewer.cli.output import print_json, print_table
from interviewer.cli.progress import ProgressLine
from interviewer.speech.catalog import KNOWN_MODELS, WHISPER_NAMES
from interviewer.speech.errors import ModelError
from interviewer.speech.install import install_model
from interviewer.speech.models import choose_model, find_models, installed_models, set_active
from interviewer.speech.registry import ENGINES, FINAL, LIVE, Engine, Model, first_found, of_kind
from interviewer.speech.whisper_models import find_whisper_models


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    """Every engine in the table with its models; * marks what the automatic choice uses."""
    live, final = first_found(LIVE), first_found(FINAL)
    if args.json:
        print_json(_as_json(live, final))
        return 0
    chosen = [pick for pick in (live, final) if pick is not None]
    rows = []
    for engine in ENGINES.values():
        used = next((model for e, model in chosen if e is engine), None)
        models = list(engine.installed())
        if used is not None and not any(_same(m, used) for m in models):
            models.append(used)  # built in: nothing installed, but it is what is heard
        for model in models:
            star = used is not None and _same(model, used)
            rows.append(("*" if star else "", model.name, engine.name, model.language or "?",
                         engine.kind if star else "", model.source,
                         str(model.path) if model.path else ""))
    print_table(rows, ("", "NAME", "KIND", "LANGUAGE", "GIVES", "FROM", "PATH"))
    first_live = next(iter(of_kind(LIVE)), None)
    if live is not None and first_live is not None and live[0] is not first_live:
        print(f"\nNo English {first_live.title} model: the live text comes from the built-in "
              f"{live[0].title} model.")
        print("For better live text: interviewer model install small-en-us")
    if final is None:
        print(f"No {_titles(FINAL)} model: the live text is the final transcript.")
    print("\nKnown models: " + ", ".join(f"{k} ({m.about})" for k, m in KNOWN_MODELS.items()))
    print("Whisper: " + ", ".join(f"{k} ({about})" for k, about in WHISPER_NAMES.items()))
    return 0


def _same(a: Model, b: Model) -> bool:
    return a.name == b.name and a.path == b.path


def _titles(kind: str) -> str:
    """The engines of one kind as a sentence names them ("Whisper")."""
    return " or ".join(e.title for e in of_kind(kind))


def _as_json(live: tuple[Engine, Model] | None,
             final: tuple[Engine, Model] | None) -> dict[str, object]:
    """The automatic choice's live and final models, every engine's, and the catalogue."""
    first_live = next(iter(of_kind(LIVE)), None)
    vosk = choose_model(english_only=True)
    return {"active": vosk.to_dict() if vosk else None,
            "fallback": live[0].name if live and live[0] is not first_live else None,
            "live": (live[1].name if live[1].path else live[0].name) if live else None,
            "final": final[1].name if final else None,
            "models": [{**m.to_dict(), "kind": "vosk"} for m in find_models()],
            "whisper": [m.to_dict() for m in find_whisper_models()],
            "engines": [{"name": e.name, "label": e.label, "kind": e.kind,
                         "finishes_late": e.finishes_late,
                         "models": [{"name": m.name, "path": str(m.path) if m.path else None,
                                     "source": m.source, "language": m.language}
                                    for m in e.installed()]}
                        for e in ENGINES.values()],
            "known": {k: {"folder": m.folder, "url": m.url, "size": m.size,
                          "sha256": m.sha256, "about": m.about}
                      for k, m in KNOWN_MODELS.items()},
            "known_whisper": WHISPER_NAMES}


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

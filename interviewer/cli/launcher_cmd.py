"""`interviewer install-launcher`: an app-menu entry with the icon, so no terminal is needed."""

from __future__ import annotations

import argparse
import platform
import subprocess
from pathlib import Path

from interviewer.desktop import launcher
from interviewer.errors import InterviewerError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "install-launcher",
        help="add interviewer to the app menu (Linux), Start menu (Windows) "
             "or Applications (macOS)")
    parser.add_argument("--into", metavar="DIR", type=Path,
                        help="where to write instead of the usual place: the XDG data "
                             "folder, the Start menu's Programs folder, or Applications")
    parser.set_defaults(func=install_launcher)


def install_launcher(args: argparse.Namespace) -> int:
    system = platform.system()
    command = launcher.start_command()
    try:
        if system == "Windows":
            written = launcher.install_windows(args.into or launcher.start_menu(), command)
        elif system == "Darwin":
            written = launcher.install_macos(args.into or Path.home() / "Applications", command)
        else:
            written = launcher.install_linux(args.into or launcher.data_home(), command)
    except OSError as exc:
        raise InterviewerError(f"the launcher could not be written: {exc}",
                               "check that the folder is yours and writable, or pass --into DIR"
                               ) from exc
    except subprocess.CalledProcessError as exc:
        raise InterviewerError("Windows did not save the Start-menu shortcut: "
                               f"{(exc.stderr or '').strip() or exc}",
                               "start interviewer from its folder with start.cmd instead") from exc
    print(f"interviewer is now in your {_menu_name(system)}; it starts: {' '.join(command)}")
    for path in written:
        print(f"  wrote {path}")
    return 0


def _menu_name(system: str) -> str:
    return {"Windows": "Start menu", "Darwin": "Applications folder"}.get(system, "app menu")

"""Put interviewer where a desktop starts apps: the Linux app menu, the Windows Start
menu, the macOS Applications folder.

Each entry starts the same Python environment the `interviewer` command runs in, so it
works for a checkout's .venv, a pipx install or a plain virtualenv alike. The files are
written to the documented formats: a freedesktop Desktop Entry with hicolor theme icons,
a Windows shortcut made through the WScript.Shell COM object, and a minimal app bundle.
"""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

from interviewer import __version__
from interviewer.desktop import ICON_ICNS, ICON_ICO, ICON_SVG, PNG_SIZES, icon_png

APP_ID = "interviewer"
SUMMARY = "Rehearse job interviews out loud, offline"
MIC_REASON = ("interviewer uses the microphone to record your spoken answers; they are "
              "transcribed on this computer and never leave it.")


def start_command() -> list[str]:
    """The command that opens the app from this environment, absolute paths only.

    On Windows pythonw.exe, so no console window opens behind the app.
    """
    python = Path(sys.executable).absolute()  # not resolved: a venv's python is a symlink
    if os.name == "nt":
        windowless = python.with_name("pythonw.exe")
        return [str(windowless if windowless.exists() else python), "-m", "interviewer"]
    script = python.parent / "interviewer"
    if script.exists():
        return [str(script)]
    return [str(python), "-m", "interviewer"]


# --- Linux and other freedesktop systems ---------------------------------------------

_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def exec_quote(arg: str) -> str:
    """One argument of a Desktop Entry's Exec key, quoted and escaped as the spec says."""
    arg = arg.replace("%", "%%")
    if not any(c in _RESERVED for c in arg):
        return arg
    inner = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return '"' + inner.replace("\\", "\\\\") + '"'  # string-value escaping comes on top


def desktop_entry(command: list[str]) -> str:
    """The .desktop file that shows interviewer in the app menu with its icon."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=interviewer",
        "GenericName=Interview rehearsal",
        f"Comment={SUMMARY}",
        "Exec=" + " ".join(exec_quote(a) for a in command),
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Education;",
        "Keywords=interview;practice;rehearse;speech;job;",
        "StartupWMClass=interviewer",
        "",
    ])


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset or not absolute."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local/share"


def install_linux(data: Path, command: list[str]) -> list[Path]:
    """Write the entry to DATA/applications and the icons to DATA/icons/hicolor."""
    hicolor = data / "icons" / "hicolor"
    written = []
    for size in PNG_SIZES:
        written.append(_copy(icon_png(size), hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    written.append(_copy(ICON_SVG, hicolor / "scalable" / "apps" / f"{APP_ID}.svg"))
    entry = data / "applications" / f"{APP_ID}.desktop"
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(desktop_entry(command), encoding="utf-8")
    written.append(entry)
    return written


# --- Windows ------------------------------------------------------------------------


def start_menu() -> Path:
    """The current user's Start-menu Programs folder."""
    appdata = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
    return Path(appdata) / "Microsoft" / "Windows" / "Start Menu" / "Programs"


def _ps_quote(text: str) -> str:
    """A PowerShell single-quoted string: nothing inside is expanded; ' is doubled."""
    return "'" + text.replace("'", "''") + "'"


def shortcut_script(link: Path, command: list[str], icon: Path) -> str:
    """PowerShell that saves a .lnk through WScript.Shell (a shortcut is a COM object)."""
    target, args = command[0], subprocess.list2cmdline(command[1:])
    return "; ".join([
        "$shell = New-Object -ComObject WScript.Shell",
        f"$link = $shell.CreateShortcut({_ps_quote(str(link))})",
        f"$link.TargetPath = {_ps_quote(target)}",
        f"$link.Arguments = {_ps_quote(args)}",
        f"$link.WorkingDirectory = {_ps_quote(str(Path.home()))}",
        f"$link.IconLocation = {_ps_quote(str(icon) + ',0')}",
        f"$link.Description = {_ps_quote(SUMMARY)}",
        "$link.Save()",
    ])


def install_windows(programs: Path, command: list[str]) -> list[Path]:
    """Save interviewer.lnk in the Start menu's Programs folder."""
    link = programs / f"{APP_ID}.lnk"
    programs.mkdir(parents=True, exist_ok=True)
    script = shortcut_script(link, command, ICON_ICO)
    subprocess.run(["powershell", "-NoProfile", "-NonInteractive", "-Command", script],
                   check=True, capture_output=True, text=True)
    return [link]


# --- macOS --------------------------------------------------------------------------


def info_plist(version: str = __version__) -> bytes:
    """The bundle's Info.plist; the microphone reason is what macOS shows when it asks."""
    return plistlib.dumps({
        "CFBundleName": "interviewer",
        "CFBundleDisplayName": "interviewer",
        "CFBundleIdentifier": "local.interviewer.app",
        "CFBundleExecutable": APP_ID,
        "CFBundleIconFile": f"{APP_ID}.icns",
        "CFBundlePackageType": "APPL",
        "CFBundleInfoDictionaryVersion": "6.0",
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "LSMinimumSystemVersion": "11.0",
        "NSHighResolutionCapable": True,
        "NSMicrophoneUsageDescription": MIC_REASON,
    })


def launch_script(command: list[str]) -> str:
    """The bundle's executable: a shell script that execs the app's command."""
    quoted = " ".join("'" + a.replace("'", "'\\''") + "'" for a in command)
    return f'#!/bin/sh\nexec {quoted} "$@"\n'


def install_macos(applications: Path, command: list[str]) -> list[Path]:
    """Write APPLICATIONS/interviewer.app: Info.plist, the launch script, the icon."""
    contents = applications / f"{APP_ID}.app" / "Contents"
    executable = contents / "MacOS" / APP_ID
    executable.parent.mkdir(parents=True, exist_ok=True)
    executable.write_text(launch_script(command), encoding="utf-8")
    executable.chmod(0o755)
    (contents / "Info.plist").write_bytes(info_plist())
    icon = _copy(ICON_ICNS, contents / "Resources" / f"{APP_ID}.icns")
    return [contents / "Info.plist", executable, icon]


def _copy(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target

"""`interviewer install-launcher`: the Linux entry passes desktop-file-validate and starts
the app's command; the macOS bundle's plist parses and its script runs; the Windows
shortcut script quotes paths as PowerShell reads them (it can only run on Windows)."""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer import __version__
from interviewer.cli.main import main
from interviewer.desktop import PNG_SIZES, launcher
from interviewer.desktop.icon_files import png_size


def validate(entry: Path) -> None:
    done = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


def test_linux_entry_and_icons_are_written_and_valid(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "interviewer"]
    written = launcher.install_linux(tmp_path, command)
    entry = tmp_path / "applications" / "interviewer.desktop"
    assert entry in written
    validate(entry)
    text = entry.read_text(encoding="utf-8")
    assert "Icon=interviewer\n" in text and "Terminal=false\n" in text
    for size in PNG_SIZES:
        png = tmp_path / f"icons/hicolor/{size}x{size}/apps/interviewer.png"
        assert png_size(png.read_bytes()) == (size, size)
    assert (tmp_path / "icons/hicolor/scalable/apps/interviewer.svg").read_text().startswith("<svg")


@pytest.mark.parametrize(("arg", "written"), [
    ("/usr/bin/interviewer", "/usr/bin/interviewer"),
    ("/home/a b/bin/interviewer", '"/home/a b/bin/interviewer"'),
    ('/opt/say "hi"/x', '"/opt/say \\\\"hi\\\\"/x"'),
    ("/opt/$HOME/x", '"/opt/\\\\$HOME/x"'),
    ("/opt/back\\slash", '"/opt/back\\\\\\\\slash"'),
    ("/opt/100%/x", "/opt/100%%/x"),
])
def test_exec_arguments_are_quoted_as_the_spec_says(arg: str, written: str) -> None:
    assert launcher.exec_quote(arg) == written


def test_awkward_paths_still_make_a_valid_entry(tmp_path: Path) -> None:
    entry = tmp_path / "interviewer.desktop"
    entry.write_text(launcher.desktop_entry(["/home/Jo O'Neil/$x \"q\" 100%/interviewer"]),
                     encoding="utf-8")
    validate(entry)


def test_the_desktop_entry_starts_the_app_command(tmp_path: Path) -> None:
    """What the menu runs is what `interviewer` runs: here, with --version appended."""
    command = launcher.start_command()
    assert Path(command[0]).is_absolute()
    done = subprocess.run([*command, "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"interviewer {__version__}"


def test_install_launcher_command_writes_to_xdg_data_home(tmp_path: Path, capsys,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert main(["install-launcher"]) == 0
    entry = tmp_path / "data" / "applications" / "interviewer.desktop"
    validate(entry)
    out = capsys.readouterr().out
    assert "app menu" in out and str(entry) in out


def test_unwritable_folder_is_a_clear_error(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["install-launcher", "--into", str(blocker)]) == 1
    err = capsys.readouterr().err
    assert "the launcher could not be written" in err and "--into" in err
    assert "Traceback" not in err


def test_macos_bundle_has_a_valid_plist_and_a_working_script(tmp_path: Path) -> None:
    command = launcher.start_command()
    launcher.install_macos(tmp_path, command)
    contents = tmp_path / "interviewer.app" / "Contents"
    info = plistlib.loads((contents / "Info.plist").read_bytes())
    assert info["CFBundleExecutable"] == "interviewer"
    assert info["CFBundlePackageType"] == "APPL"
    assert info["CFBundleShortVersionString"] == __version__
    assert "microphone" in info["NSMicrophoneUsageDescription"]
    assert (contents / "Resources" / info["CFBundleIconFile"]).read_bytes()[:4] == b"icns"
    script = contents / "MacOS" / info["CFBundleExecutable"]
    assert os.access(script, os.X_OK)
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"interviewer {__version__}"


def test_macos_script_keeps_quotes_in_paths(tmp_path: Path) -> None:
    script = tmp_path / "run"
    script.write_text(launcher.launch_script(["echo", "Jo O'Neil's $HOME"]))
    done = subprocess.run(["sh", str(script), "x"], capture_output=True, text=True, check=True)
    assert done.stdout == "Jo O'Neil's $HOME x\n"


def test_windows_shortcut_script_quotes_for_powershell() -> None:
    link = Path("C:/Users/Jo O'Neil/AppData/Roaming/Programs/interviewer.lnk")
    command = ["C:/Users/Jo O'Neil/env/Scripts/pythonw.exe", "-m", "interviewer"]
    script = launcher.shortcut_script(link, command, Path("C:/env/icons/interviewer.ico"))
    assert "New-Object -ComObject WScript.Shell" in script
    assert f"CreateShortcut('{str(link).replace(chr(39), chr(39) * 2)}')" in script
    assert "$link.TargetPath = 'C:/Users/Jo O''Neil/env/Scripts/pythonw.exe'" in script
    assert "$link.Arguments = '-m interviewer'" in script
    assert "$link.IconLocation = '" in script and "interviewer.ico,0'" in script
    assert script.endswith("$link.Save()")


def test_start_command_keeps_the_virtualenvs_own_python(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A venv's python is a symlink to the system one: resolving it would lose the venv."""
    python = tmp_path / "venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.symlink_to(sys.executable)
    monkeypatch.setattr(sys, "executable", str(python))
    assert launcher.start_command() == [str(python), "-m", "interviewer"]
    (python.parent / "interviewer").write_text("#!/bin/sh\n")
    assert launcher.start_command() == [str(python.parent / "interviewer")]

"""A real PulseAudio server for audio-device tests: a virtual speaker and a virtual microphone.

Anything played into `MIC_SINK` is heard on the `vmic` source, so a test can play a
real recording "into the microphone" and capture it through the app's own code.
Nothing here is a mock: Qt talks to a real sound server, only the hardware is virtual.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

MIC_SINK = "vmic_sink"
MIC_SOURCE = "vmic"
SPEAKER_SINK = "speaker"


@dataclass
class PulseServer:
    runtime_dir: Path

    @property
    def env(self) -> dict[str, str]:
        return {"PULSE_SERVER": f"unix:{self.runtime_dir / 'pulse' / 'native'}",
                "XDG_RUNTIME_DIR": str(self.runtime_dir)}

    def pactl(self, *args: str) -> str:
        result = subprocess.run(["pactl", *args], env={**os.environ, **self.env},
                                capture_output=True, text=True, check=True, timeout=20)
        return result.stdout

    def play_into_mic(self, wav: Path) -> subprocess.Popen:
        """Start playing a recording into the virtual microphone; returns the player process."""
        return subprocess.Popen(["paplay", "-d", MIC_SINK, str(wav)],
                                env={**os.environ, **self.env})

    def play_on_speaker(self, wav: Path) -> subprocess.Popen:
        """Play a recording on the virtual speaker, as the interviewer's voice would be."""
        return subprocess.Popen(["paplay", "-d", SPEAKER_SINK, str(wav)],
                                env={**os.environ, **self.env})

    @contextmanager
    def speaker_heard_by_mic(self) -> Iterator[None]:
        """A laptop's speakers and microphone: what the speaker plays, the microphone hears.

        A loopback from the speaker's monitor into the microphone's sink, for as long as
        the block runs, so a test can prove the app does not record the interviewer.
        """
        index = self.pactl("load-module", "module-loopback", f"source={SPEAKER_SINK}.monitor",
                           f"sink={MIC_SINK}", "latency_msec=30").strip()
        try:
            yield
        finally:
            self.pactl("unload-module", index)

    def stop(self) -> None:
        subprocess.run(["pulseaudio", "-k"], env={**os.environ, **self.env},
                       capture_output=True, timeout=20)


def start_pulse(runtime_dir: Path) -> PulseServer:
    """Start a private PulseAudio daemon with a speaker sink and a virtual microphone."""
    if shutil.which("pulseaudio") is None:
        raise RuntimeError("pulseaudio is not installed: run ./test.sh, which installs it")
    runtime_dir.mkdir(parents=True, exist_ok=True)
    runtime_dir.chmod(0o700)
    server = PulseServer(runtime_dir)
    env = {**os.environ, **server.env}
    env.pop("PULSE_SERVER")
    subprocess.run(["pulseaudio", "-D", "-n", "--exit-idle-time=-1", "--log-target=stderr",
                    "-L", "module-native-protocol-unix",
                    "-L", f"module-null-sink sink_name={SPEAKER_SINK}",
                    "-L", f"module-null-sink sink_name={MIC_SINK}",
                    "-L", f"module-remap-source master={MIC_SINK}.monitor "
                          f"source_name={MIC_SOURCE}"],
                   env=env, check=True, capture_output=True, timeout=30)
    deadline = time.monotonic() + 10
    while True:
        try:
            server.pactl("info")
            break
        except subprocess.CalledProcessError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    server.pactl("set-default-source", MIC_SOURCE)
    server.pactl("set-default-sink", SPEAKER_SINK)
    return server

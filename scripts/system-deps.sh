#!/usr/bin/env bash
# Install the Debian/Ubuntu packages interviewer needs, only where they are missing.
# Usage: scripts/system-deps.sh app|test
set -euo pipefail

# macOS needs no system packages: the wheels bring Qt, PortAudio and libsndfile, and the
# voices are the system's own. Only Python 3.11+ (scripts/venv.sh says where to get it).
if [ "$(uname -s)" = Darwin ]; then
  exit 0
fi

# The app: a Python with venv, the espeak-ng voice, Qt's X11/audio libraries.
app_packages=(
  python3 python3-venv espeak-ng libespeak-ng1 libpulse0 libsndfile1 libportaudio2 libasound2-plugins
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-xkb1 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxkbcommon-x11-0
  libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core
)
# The tests also need: a virtual screen, a sound server, real speech recordings,
# and the tools that read what the app writes (PDF pages, audio).
test_packages=(xvfb xauth pulseaudio pulseaudio-utils pocketsphinx-testdata sox poppler-utils
               desktop-file-utils x11-utils)

want=("${app_packages[@]}")
[ "${1:-app}" = test ] && want+=("${test_packages[@]}")
# PyPI has no pocketsphinx wheel for Linux aarch64 on Python 3.12: pip compiles it there.
if [ "$(uname -m)" = aarch64 ] \
   && python3 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' 2>/dev/null; then
  want+=(build-essential python3-dev)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system: install the equivalents of: ${want[*]}" >&2
  exit 0
fi

missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# One command: install what is missing, then start interviewer. Arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/system-deps.sh app
bash scripts/venv.sh
exec .venv/bin/interviewer "$@"

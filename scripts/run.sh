#!/usr/bin/env bash
# Install what the app needs and start it on http://localhost:8501 (SQLite by default). It
# listens on this machine only; ADDRESS=0.0.0.0 (or another address) to serve a network.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
echo "run: starting the app on http://localhost:${PORT:-8501} (Ctrl-C stops it)" >&2
exec .venv/bin/python -m streamlit run web/serve.py --server.port "${PORT:-8501}" \
  --server.address "${ADDRESS:-localhost}" "$@"

#!/usr/bin/env bash
# Create .venv (once) and install a requirements file into it (again only when it changed).
# Usage: scripts/setup.sh requirements.txt|requirements-dev.txt
set -euo pipefail
cd "$(dirname "$0")/.."
requirements=${1:-requirements.txt}
python=${PYTHON:-python3}

if ! command -v "$python" >/dev/null 2>&1; then
  echo "setup: $python not found; install Python 3.11 or newer" >&2; exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: Python 3.11 or newer is needed; $python is $("$python" -V 2>&1)" >&2; exit 1
fi

as_root() { [ "$(id -u)" = 0 ]; }
apt_updated=0
apt_install() {
  # Install Debian packages when we are root; otherwise say what is missing and go on.
  if ! as_root || ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: not root (or no apt-get): not installing $*; tests needing them will skip" >&2
    return 1
  fi
  if [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating the virtual environment .venv" >&2
  if ! "$python" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    version=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    apt_install python3-venv "python${version}-venv" || {
      echo "setup: '$python -m venv' failed: install python3-venv first" >&2; exit 1; }
    "$python" -m venv .venv
  fi
fi

stamp=".venv/.installed-$(basename "$requirements")"
digest=$(cat requirements*.txt | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
  echo "setup: installing the pinned Python packages of $requirements into .venv (a minute or two the first time)" >&2
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$requirements"
  echo "$digest" > "$stamp"
fi

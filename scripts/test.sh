#!/usr/bin/env bash
# Install what the tests need (Python packages; when root, Debian's chromium, poppler-utils,
# postgresql (started for the tests and left running: `pg_ctlcluster 15 main stop` stops it),
# npm and haproxy) and run the whole suite: lint, types, unit, property, AppTest,
# PostgreSQL and real-browser tests. Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements-dev.txt

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v npm >/dev/null 2>&1 || missing+=(npm)  # fetches axe-core for the accessibility run
command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)  # the company deployment's proxy
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test: installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test: not root: ${missing[*]} not installed; the tests that need them will skip" >&2
  fi
fi

AXE_VERSION=4.10.3  # axe-core from the npm registry, for the accessibility run in the browser
if [ ! -f .cache/axe-core/node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null 2>&1; then
  echo "test: fetching axe-core $AXE_VERSION from the npm registry"
  npm install --silent --no-save --no-audit --no-fund --prefix .cache/axe-core \
    "axe-core@$AXE_VERSION" >/dev/null 2>&1 \
    || echo "test: axe-core not fetched; the accessibility run will skip" >&2
fi

if [ -z "${HOSTING_FIT_TEST_PG_URL:-}" ]; then
  if url=$(bash scripts/postgres.sh); then
    export HOSTING_FIT_TEST_PG_URL="$url"
    echo "test: PostgreSQL tests against $url"
    started_postgres=$(ls /usr/lib/postgresql | sort -V | tail -n 1)  # its cluster "main"
  fi
fi

echo "test: ruff"
.venv/bin/python -m ruff check .
echo "test: mypy"
.venv/bin/python -m mypy
workers=${HOSTING_FIT_TEST_WORKERS:-$(( $(nproc) < 2 ? 0 : 2 ))}  # 0: one process
echo "test: pytest on $workers workers (8 to 13 minutes on 2 cores: the browser tests, the"
echo "      README recipe on a copy and the HAProxy cluster take most of it; a dot per test,"
echo "      skip reasons at the end)"
status=0
.venv/bin/python -m pytest -p no:cacheprovider -n "$workers" --dist loadgroup -rs "$@" || status=$?
if [ -n "${started_postgres:-}" ]; then
  echo "test: left running: PostgreSQL $started_postgres, cluster main (for the next run);" \
       "stop it with: pg_ctlcluster $started_postgres main stop"
fi
exit "$status"

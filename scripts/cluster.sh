#!/usr/bin/env bash
# Run the app for a whole company on this machine: a private PostgreSQL, N Streamlit processes
# (default 2) and HAProxy in front, all on free loopback ports. Stops exactly what it started.
#
#   bash scripts/cluster.sh [N]            start, print the address, stop everything on Ctrl-C
#   bash scripts/cluster.sh up N RUN_DIR   start and return (RUN_DIR/url holds the address)
#   bash scripts/cluster.sh down RUN_DIR   stop what `up` started in RUN_DIR
#
# Installs Debian's haproxy and postgresql when root and missing. PostgreSQL runs from a data
# folder inside RUN_DIR (a temporary folder in the first form), as the `postgres` user when run
# as root; its password is random and only in RUN_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "cluster: $*" >&2; }

healthy() {  # wait up to $2 seconds for $1/_stcore/health to answer "ok"
  .venv/bin/python - "$1" "$2" <<'PY'
import sys, time, urllib.request
url, deadline = sys.argv[1] + "/_stcore/health", time.monotonic() + float(sys.argv[2])
while time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            if answer.read().strip() == b"ok":
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.25)
sys.exit(1)
PY
}

free_port() {
  .venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

need_packages() {
  local missing=()
  command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "missing ${missing[*]} and not root: install them (apt-get install ${missing[*]})"
    exit 2
  fi
  say "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

as_db_owner() {  # run a PostgreSQL binary as the data folder's owner
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

up() {
  local replicas=$1 run=$2
  mkdir -p "$run"
  run=$(cd "$run" && pwd)
  trap 'say "start failed: stopping what was started"; down "$run"' ERR
  need_packages
  bash scripts/setup.sh requirements.txt
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  : > "$run/pids"

  # PostgreSQL: a private instance in a folder of its own (owned by `postgres` when root)
  local pg_port password pg
  pg_port=$(free_port)
  password=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(24))')
  pg=$(mktemp -d /tmp/hosting-fit-pg.XXXXXX)
  printf '%s\n' "$password" > "$pg/.pw"
  if [ "$(id -u)" = 0 ]; then chown -R postgres: "$pg"; fi
  echo "pg $bin $pg" >> "$run/pids"
  say "PostgreSQL on 127.0.0.1:$pg_port (data in $pg)"
  as_db_owner "$bin/initdb" -D "$pg/data" -U hosting_fit --auth=scram-sha-256 \
    --pwfile="$pg/.pw" >"$run/initdb.log" 2>&1
  rm -f "$pg/.pw"
  as_db_owner "$bin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w start \
    -o "-p $pg_port -k $pg -c listen_addresses=127.0.0.1" >/dev/null
  echo "$bin $pg $pg_port" > "$run/postgres"
  PGPASSWORD=$password "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U hosting_fit hosting_fit
  local database="postgresql+psycopg://hosting_fit:$password@127.0.0.1:$pg_port/hosting_fit"
  printf '%s\n' "$database" > "$run/database"
  chmod 600 "$run/database"

  # the app processes, one port each, one secret for the XSRF cookie they all accept
  local secret i port servers=""
  secret=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')
  for i in $(seq 1 "$replicas"); do
    port=$(free_port)
    HOSTING_FIT_DATABASE_URL=$database STREAMLIT_SERVER_COOKIE_SECRET=$secret \
      HOSTING_FIT_TRUSTED_PROXIES=127.0.0.1 \
      nohup .venv/bin/python -m streamlit run app.py --server.port "$port" \
      --server.address 127.0.0.1 --server.headless true >"$run/app$i.log" 2>&1 &
    echo "app$i $! $port" >> "$run/pids"
    servers+="    server app$i 127.0.0.1:$port check cookie app$i"$'\n'
  done
  for i in $(seq 1 "$replicas"); do
    port=$(awk -v n="app$i" '$1 == n {print $3}' "$run/pids")
    healthy "http://127.0.0.1:$port" 60 \
      || { say "app$i did not start: see $run/app$i.log"; down "$run"; exit 1; }
    say "app$i on 127.0.0.1:$port"
  done

  # HAProxy, from deploy/haproxy.cfg with this run's address and servers
  local proxy_port
  proxy_port=${HF_PROXY_PORT:-$(free_port)}
  sed -e "s|^    bind 127.0.0.1:8080 .*|    bind 127.0.0.1:$proxy_port|" \
      -e "s|sc_http_req_rate(0) gt 60 }|sc_http_req_rate(0) gt ${HF_SESSIONS_PER_MINUTE:-60} }|" \
      deploy/haproxy.cfg > "$run/haproxy.cfg"
  printf '%s' "$servers" >> "$run/haproxy.cfg"
  haproxy -c -q -f "$run/haproxy.cfg"
  haproxy -db -f "$run/haproxy.cfg" >"$run/haproxy.log" 2>&1 &
  echo "haproxy $!" >> "$run/pids"
  healthy "http://127.0.0.1:$proxy_port" 20 \
    || { say "HAProxy did not start: see $run/haproxy.log"; down "$run"; exit 1; }
  trap - ERR
  echo "http://127.0.0.1:$proxy_port" > "$run/url"
  say "HAProxy on http://127.0.0.1:$proxy_port ($replicas app processes, one PostgreSQL)"
}

down() {
  local run=$1
  [ -f "$run/pids" ] || { say "nothing started in $run"; return 0; }
  local name pid rest
  while read -r name pid rest; do
    case $name in
      pg) as_db_owner "$pid/pg_ctl" -D "$rest/data" -m fast -w stop >/dev/null 2>&1 || true
          rm -rf "$rest" ;;
      *) kill "$pid" 2>/dev/null || true ;;
    esac
  done < <(tac "$run/pids")
  while read -r name pid rest; do
    [ "$name" = pg ] && continue
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  done < "$run/pids"
  rm -f "$run/pids"
  say "stopped what was started in $run"
}

case "${1:-}" in
  up) up "${2:-2}" "${3:?usage: cluster.sh up N RUN_DIR}" ;;
  down) down "${2:?usage: cluster.sh down RUN_DIR}" ;;
  ""|[0-9]*)
    run=$(mktemp -d)
    trap 'down "$run"; rm -rf "$run"' EXIT
    trap 'exit 130' INT TERM
    up "${1:-2}" "$run"
    say "open $(cat "$run/url")  (Ctrl-C stops the cluster)"
    while sleep 3600; do :; done ;;
  *) sed -n '2,12p' "$0" >&2; exit 2 ;;
esac

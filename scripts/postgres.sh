#!/usr/bin/env bash
# Make a local PostgreSQL server available for the tests and print its SQLAlchemy URL.
# Installs Debian's postgresql when root and missing, starts the cluster, creates a role and a
# database. Prints nothing (exit 1) when that cannot be done here; the tests then skip.
set -euo pipefail
role=hosting_fit
database=hosting_fit_test
password=hosting_fit_test

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "postgres: not installed and not root: PostgreSQL tests will skip" >&2; exit 1
  fi
  echo "postgres: installing Debian's postgresql" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
if [ "$(id -u)" != 0 ]; then
  echo "postgres: not root: cannot start the cluster; PostgreSQL tests will skip" >&2; exit 1
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q online; then
  pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
as_postgres() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
for _ in $(seq 1 30); do as_postgres "select 1" >/dev/null 2>&1 && break; sleep 0.5; done
if [ "$(as_postgres "select 1 from pg_roles where rolname = '$role'")" != 1 ]; then
  as_postgres "create role $role login password '$password'" >&2
fi
if [ "$(as_postgres "select 1 from pg_database where datname = '$database'")" != 1 ]; then
  as_postgres "create database $database owner $role" >&2
fi
echo "postgresql+psycopg://$role:$password@127.0.0.1:$port/$database"

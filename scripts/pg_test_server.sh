#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the store tests.
#   scripts/pg_test_server.sh start  -> prints postgresql+psycopg://voc@127.0.0.1:PORT/voc_test
#   scripts/pg_test_server.sh stop   -> stops the cluster and deletes its folder
# The cluster lives in a temp dir under /tmp, listens on 127.0.0.1 only (trust auth there),
# and runs as the `postgres` OS user when started by root. Everything but the URL goes to stderr.
set -euo pipefail
state_file=${VOC_PG_STATE_FILE:-/tmp/voc_pg_test_server.state}

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$d" ] || [ ! -x "$d/pg_ctl" ]; then
    echo "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin;" \
      "install them with: apt-get install -y postgresql" >&2
    exit 1
  fi
  echo "$d"
}

free_port() {
  local py
  py=$(command -v python3 || command -v python)
  "$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  if [ -f "$state_file" ]; then
    echo "a test server seems to run already ($state_file); stopping it first" >&2
    stop || true
  fi
  local bindir dir port
  bindir=$(find_bindir)
  dir=$(mktemp -d /tmp/voc-pg.XXXXXX)
  chmod 700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
  port=$(free_port)
  as_pg "$bindir/initdb" -D "$dir/data" -U voc -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  cat >"$dir/data/pg_hba.conf" <<HBA
# TYPE  DATABASE  USER  ADDRESS       METHOD
host    all       all   127.0.0.1/32  trust
HBA
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
CONF
  as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  printf '%s\n%s\n%s\n' "$dir" "$bindir" "$port" >"$state_file"
  as_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U voc voc_test >&2
  echo "postgresql+psycopg://voc@127.0.0.1:$port/voc_test"
}

stop() {
  if [ ! -f "$state_file" ]; then
    echo "no test server recorded in $state_file" >&2
    return 0
  fi
  local dir bindir
  dir=$(sed -n 1p "$state_file")
  bindir=$(sed -n 2p "$state_file")
  if [ -d "$dir/data" ]; then
    as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  case "$dir" in
    /tmp/voc-pg.*) rm -rf "$dir" ;;
  esac
  rm -f "$state_file"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac

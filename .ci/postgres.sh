#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the tests and exports RENTALRULES_TEST_POSTGRES (an admin connection
# string). Source it: `source .ci/postgres.sh && postgres_start` (then `postgres_stop`, or let the EXIT trap do it).
# Installs Debian's postgresql when no server binaries are found (apt-get; needs root or sudo). The cluster lives in a
# temporary folder, owned by the `postgres` user when run as root (initdb refuses root), listening on 127.0.0.1 at a
# free port and on a Unix socket in the same folder.

postgres_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

postgres_start() {
  local bin
  if ! bin="$(postgres_bin)"; then
    echo "installing postgresql (the journal store tests run against a real server)"
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    bin="$(postgres_bin)" || { echo "error: postgresql installed but initdb not found" >&2; return 1; }
  fi
  PG_DIR="$(mktemp -d /tmp/rentalrules-pg.XXXXXX)"
  local port
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)"
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U rentalrules --auth=trust -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_BIN="$bin"
  PG_RUN="${run[*]}"
  export RENTALRULES_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=rentalrules;Database=postgres;Include Error Detail=true"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($PG_DIR)"
}

postgres_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    $PG_RUN "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at a throwaway PostgreSQL cluster: initdb on a fresh
# temporary directory, a free port on 127.0.0.1, stopped and removed when the command ends (on
# failure and on Ctrl-C too). No container runtime: Debian's server binaries
# (scripts/install-system-deps.sh installs them). As root the cluster runs as the `postgres` user,
# since PostgreSQL refuses to run as root.
#
#   bash scripts/with-test-postgres.sh npx vitest run src/server
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

BIN=""
for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then BIN="$dir"; break; fi
done
if [ -z "$BIN" ] && command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
  BIN="$(dirname "$(command -v initdb)")"
fi
if [ -z "$BIN" ]; then
  echo "PostgreSQL server binaries not found: run scripts/install-system-deps.sh (apt-get install postgresql)" >&2
  exit 1
fi

TMP="$(mktemp -d /tmp/scale-pg-XXXXXX)"
DATA="$TMP/data"
LOG="$TMP/server.log"
if [ "$(id -u)" = "0" ]; then
  chown postgres:postgres "$TMP"
  # From a directory the postgres user can enter, whatever the caller's working directory is.
  as_pg() { (cd "$TMP" && runuser -u postgres -- "$@"); }
else
  as_pg() { "$@"; }
fi

# A free port: bind port 0 and read what the kernel gave (released right away).
PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

cleanup() {
  local status=$?
  if [ -f "$DATA/postmaster.pid" ]; then
    as_pg "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_pg "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$TMP/initdb.log" 2>&1 || {
  cat "$TMP/initdb.log" >&2
  exit 1
}
# Durability is pointless for a cluster thrown away in a minute: fsync off makes the suites fast.
as_pg "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start \
  -o "-p $PORT -k $TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" >/dev/null || {
  cat "$LOG" >&2
  exit 1
}
as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -q -c "create database scale_test" postgres

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/scale_test"
echo "throwaway PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
"$@"

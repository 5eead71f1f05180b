#!/usr/bin/env bash
# A throwaway PostgreSQL 15 on loopback, for CI, benchmarks and local testing
# (STACK.md §5). Used by .ci/run and by test/support/throwaway-postgres.ts.
#
#   throwaway-postgres.sh start <dir> <port> [durable|fast]   prints the admin URL
#   throwaway-postgres.sh stop <dir>
#
# `durable` keeps fsync and synchronous_commit on (benchmarks); `fast` turns them off
# (tests: durability across power loss is not what they check). The socket lives in the
# data directory, which postgres must own. As root, initdb and pg_ctl run as `postgres`.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
cmd=${1:?usage: throwaway-postgres.sh start|stop <dir> [port] [durable|fast]}
dir=${2:?missing data directory}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    port=${3:?missing port}
    mode=${4:-fast}
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi
    chmod 700 "$dir"
    as_pg "$PGBIN/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
      --no-instructions >"$dir.initdb.log" 2>&1 || { cat "$dir.initdb.log" >&2; exit 1; }
    opts="-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=200"
    if [ "$mode" = fast ]; then
      opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    else
      opts="$opts -c fsync=on -c synchronous_commit=on"
    fi
    as_pg "$PGBIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -o "$opts" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/postmaster.pid" ]; then
      as_pg "$PGBIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir" "$dir.initdb.log"
    ;;
  *)
    echo "usage: throwaway-postgres.sh start|stop <dir> [port] [durable|fast]" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the server tests, from Debian's
# postgresql package: initdb in a temporary directory as an unprivileged
# user (postgres when run as root), a Unix socket only (no TCP port), no
# fsync; stopped and removed at the end. CTest runs it as the setup and
# cleanup of the "postgres" fixture.
#
#   tests/server/pgcluster.sh start STATE_DIR   writes STATE_DIR/host (the socket dir)
#                                               (PGCLUSTER_DURABLE=1: fsync on, for scripts/bench)
#   tests/server/pgcluster.sh stop STATE_DIR
set -euo pipefail
cmd=${1:?start or stop}
state=${2:?state directory}
mkdir -p "$state"

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "pgcluster: PostgreSQL's server binaries are missing (apt-get install postgresql; scripts/test installs it)" >&2
    exit 1
fi
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
    else
        "$@"
    fi
}

stop() {
    [ -f "$state/host" ] || return 0
    local base
    base=$(cat "$state/host")
    if [ -d "$base/data" ]; then
        as_owner "$bindir/pg_ctl" -D "$base/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$base" "$state/host"
}

case "$cmd" in
start)
    stop
    base=$(mktemp -d /tmp/rdpg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$base"
    as_owner "$bindir/initdb" -D "$base/data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
        >"$base/initdb.log" 2>&1 || { cat "$base/initdb.log" >&2; exit 1; }
    # Tests need no durability; the benchmarks (PGCLUSTER_DURABLE=1) do.
    durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${PGCLUSTER_DURABLE:-}" = 1 ] && durability="-c shared_buffers=256MB"
    as_owner "$bindir/pg_ctl" -D "$base/data" -l "$base/server.log" -w -t 60 \
        -o "-k $base -c listen_addresses='' $durability -c max_connections=300" \
        start >/dev/null || { cat "$base/server.log" >&2; exit 1; }
    echo "$base" >"$state/host"
    echo "pgcluster: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on socket $base"
    ;;
stop)
    stop
    echo "pgcluster: stopped"
    ;;
*)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac

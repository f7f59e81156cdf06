#!/usr/bin/env bash
# Two Patrika app servers on one PostgreSQL and one Redis, all on loopback, all thrown away
# at the end: what docs/deployment.md#several-servers describes, on one machine.
#
#   scripts/cluster.sh                 start, print the addresses, wait for Ctrl-C
#   scripts/cluster.sh COMMAND ...     start, run COMMAND with the cluster's variables, stop
#
# COMMAND sees PATRIKA_CLUSTER_URLS ("http://127.0.0.1:A http://127.0.0.1:B"),
# PATRIKA_CLUSTER_ENV (a file of the servers' shared settings, KEY=VALUE lines) and
# PATRIKA_CLUSTER_LOGS (the folder with each server's log).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${PATRIKA_CLUSTER_INNER:-}" ]; then
  PATRIKA_CLUSTER_INNER=1 exec "$root/scripts/with-postgres.sh" "$0" "$@"
fi
unset PATRIKA_CLUSTER_INNER
patrika="$root/.venv/bin/patrika"
[ -x "$patrika" ] || patrika=$(command -v patrika)
redis=$(command -v redis-server) || { echo "redis-server not installed (apt-get install redis-server)" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

dir=$(mktemp -d /tmp/patrika-cluster.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

redis_port=$(free_port)
"$redis" --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
  --dir "$dir" >"$dir/redis.log" 2>&1 &
pids+=($!)

python="$(dirname "$patrika")/python"
"$python" - <<PY
import psycopg
with psycopg.connect("${DATABASE_URL%/*}/postgres", autocommit=True) as admin:
    admin.execute("CREATE DATABASE ${DATABASE_URL##*/}")
PY

mkdir -p "$dir/media" "$dir/logs"
cat >"$dir/env" <<VARS
DATABASE_URL=$DATABASE_URL
CACHE_URL=redis://127.0.0.1:$redis_port/0
SECRET_KEY=cluster-$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
ALLOWED_HOSTS=127.0.0.1,localhost
PATRIKA_ADMIN_PATH=${PATRIKA_ADMIN_PATH:-newsdesk}
MEDIA_ROOT=$dir/media
VARS
set -a; . "$dir/env"; set +a
PATRIKA_VAR_DIR="$dir/setup" "$patrika" migrate --verbosity 0

urls=()
for name in a b; do
  port=$(free_port)
  PATRIKA_VAR_DIR="$dir/$name" PATRIKA_SITE_URL="http://127.0.0.1:$port" \
    "$patrika" serve --host 127.0.0.1 --port "$port" --workers 2 \
    >"$dir/logs/$name.log" 2>&1 &
  pids+=($!)
  urls+=("http://127.0.0.1:$port")
done
for url in "${urls[@]}"; do
  for _ in $(seq 600); do
    curl -fsS -o /dev/null "$url/healthz" 2>/dev/null && break
    sleep 0.2
  done
  curl -fsS -o /dev/null "$url/healthz" || { cat "$dir"/logs/*.log >&2; exit 1; }
done

export PATRIKA_CLUSTER_URLS="${urls[*]}" PATRIKA_CLUSTER_ENV="$dir/env" PATRIKA_CLUSTER_LOGS="$dir/logs"
if [ $# -gt 0 ]; then
  "$@"
else
  echo "Patrika servers: ${urls[*]} (PostgreSQL $DATABASE_URL, Redis port $redis_port). Ctrl-C stops."
  wait
fi

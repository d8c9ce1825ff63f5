#!/usr/bin/env bash
# The scale-out topology on loopback under the runner's release burst: a throwaway MariaDB, two API nodes sharing it
# (same admin key and Privacy__DataKey) that form one Orleans cluster through its membership table, and nginx in front
# from deploy/nginx/nginx.loopback.conf.template. RUNS times round-robin (the default topology: any node takes any
# request, Orleans routes each pool call to its one activation) and RUNS times with session affinity
# (`hash $session_id consistent;`, which often lands a request on the node holding its pool), to compare. Modes alternate
# (round-robin, hash, round-robin, ...) so the shared machine's noise hits both alike.
#
#   scripts/two-nodes.sh [RUNS] [-- RUNNER_OPTIONS...]      RUNS per mode, default 2; e.g. -- --patients 2000
#
# Each run gets a fresh topology, torn down afterwards (also on failure or Ctrl-C). Results:
# loadtests/results/two-nodes-<mode>-<time>-<n>.json, next to it the nodes' logs (.api1.log, .api2.log) and the pool
# grain calls each node served (.calls); then per mode the runs side by side with medians.
# Exit code 0 when every run met the goal, 3 when one missed it (figures or consistency), 1 when a run failed.
# Environment: BUILD=0 skips the Release builds.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=2
if [[ ${1:-} =~ ^[0-9]+$ ]]; then runs=$1; shift; fi
[[ ${1:-} == -- ]] && shift

"$repo/scripts/apt-ensure.sh" mariadbd=mariadb-server nginx=nginx-light
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"   # where Debian puts nginx
if [[ ${BUILD:-1} != 0 ]]; then
  dotnet build -c Release "$repo/src/Api/Hospital.Api.csproj" >&2
  dotnet build -c Release "$repo/loadtests/Hospital.LoadTests.csproj" >&2
fi
runner=$repo/loadtests/bin/Release/net10.0/Hospital.LoadTests.dll
results=$repo/loadtests/results
mkdir -p "$results"
# nginx's workers run as nobody when we are root: they must reach their temp folders inside this one.
work=$(mktemp -d "${TMPDIR:-/tmp}/hospital-two-nodes.XXXXXX")
chmod 711 "$work"

nginx_pid=
down() {
  if [[ -n $nginx_pid ]] && kill "$nginx_pid" 2>/dev/null; then
    for _ in $(seq 1 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$nginx_pid" 2>/dev/null || true
  fi
  nginx_pid=
  "$repo/scripts/run-api.sh" stop "$work/api2" 2>/dev/null
  "$repo/scripts/run-api.sh" stop "$work/api1" 2>/dev/null
  "$repo/scripts/mariadb-stop.sh" "$work/mariadb.state" >&2
}
trap 'down; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

port_of() { sed -E 's|.*:([0-9]+)$|\1|' <<<"$1"; }

# The template with its upstream balancing filled in: nothing (round-robin, nginx's default) or session affinity.
render_nginx() {
  local mode=$1 dir=$2 port=$3 api1=$4 api2=$5 balance=''
  [[ $mode == hash ]] && balance='hash $session_id consistent;'
  sed -e "s|@BALANCE@|$balance|" -e "s|@NGINX_DIR@|$repo/deploy/nginx|g" -e "s|@RUN_DIR@|$dir|g" -e "s|@LISTEN_PORT@|$port|g" \
    -e "s|@API1_PORT@|$api1|g" -e "s|@API2_PORT@|$api2|g" "$repo/deploy/nginx/nginx.loopback.conf.template" >"$dir/nginx.conf"
}

# Starts MariaDB, node 1, node 2 (after node 1 is ready: both plan the catalog and seed the demo hospital), then nginx.
# Sets URL, CONNECTION_STRING, NODE1, NODE2, and exports the API_STAFF_* of the runner's hospital admin.
# Each node checks admin changes against its own catalog and plans new sessions at once only when it made the change;
# the other node loads them at its next planning (Catalog:PlanningPeriod, 1 minute by default) and answers 404 until then.
# So the runner sets its department up on node 1 (--admin-target; behind the hash an admin console sticks to one node
# too, behind round-robin its steps would land on both and fail), and both nodes plan every 10 s (at seconds 5, 15, ...,
# off the whole minute of T0), so node 2 knows the sessions well before T0.
export Catalog__PlanningPeriod=00:00:10
up() {
  local mode=$1
  CONNECTION_STRING=$("$repo/scripts/mariadb-start.sh" "$work/mariadb.state")
  local data_key
  data_key=$(head -c 32 /dev/urandom | base64)
  # Both nodes share the database, the secrets and the initial hospital admin.
  export RUN_API_CONNECTION_STRING=$CONNECTION_STRING RUN_API_DATA_KEY=$data_key RUN_API_SIGNING_KEY=$data_key$data_key RUN_API_SANDBOX_SECRET=$data_key$data_key \
    RUN_API_STAFF_INITIAL_PASSWORD=$(head -c 36 /dev/urandom | base64 | tr -d '/+=' | head -c 24) \
    RUN_API_STAFF_PASSWORD=$(head -c 36 /dev/urandom | base64 | tr -d '/+=' | head -c 24)
  export API_STAFF_ID=loadrunner API_STAFF_INITIAL_PASSWORD=$RUN_API_STAFF_INITIAL_PASSWORD API_STAFF_PASSWORD=$RUN_API_STAFF_PASSWORD
  NODE1=$(BUILD=0 "$repo/scripts/run-api.sh" start mariadb "$work/api1")
  NODE2=$(BUILD=0 "$repo/scripts/run-api.sh" start mariadb "$work/api2")
  local dir=$work/nginx port
  # A free port may be taken (often as some connection's local port) before nginx binds it: then nginx exits, try another.
  for _ in 1 2 3 4 5; do
    rm -rf "$dir"; mkdir -p "$dir"; chmod 711 "$dir"
    port=$("$repo/scripts/free-port.sh")
    render_nginx "$mode" "$dir" "$port" "$(port_of "$NODE1")" "$(port_of "$NODE2")"
    nginx -e "$dir/error.log" -c "$dir/nginx.conf" </dev/null >"$dir/nginx.out" 2>&1 &
    nginx_pid=$!
    URL=http://127.0.0.1:$port
    for _ in $(seq 1 100); do
      if curl -fsS "$URL/health/ready" >/dev/null 2>&1; then echo "nginx ($mode, pid $nginx_pid) at $URL -> $NODE1, $NODE2" >&2; return 0; fi
      kill -0 "$nginx_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true
    nginx_pid=
  done
  echo "nginx did not come up:" >&2; cat "$dir/nginx.out" "$dir/error.log" >&2 2>/dev/null || true
  return 1
}

# The grain calls each node served (its /metrics), to show how nginx spread the load over the nodes.
grain_calls() {
  local node
  for node in "$NODE1" "$NODE2"; do
    printf 'grain calls on %s: %s\n' "$node" "$(curl -fsS "$node/metrics" | awk '/^orleans_app_requests_latency_milliseconds_count/ {s += $2} END {print s + 0}')"
  done
}

stamp=$(date -u +%Y%m%dT%H%M%S)
declare -A files=([hash]="" [round-robin]="")
status=0
for run in $(seq 1 "$runs"); do
  for mode in round-robin hash; do
    up "$mode"
    file=$results/two-nodes-$mode-$stamp-$run.json
    echo "== run $run, $mode: release-burst through nginx at $URL" >&2
    dotnet "$runner" release-burst --target "$URL" --provider MySql \
      --connection-string "$CONNECTION_STRING" --admin-target "$NODE1" --backend "mariadb-2nodes-$mode" --results "$file" "$@" || status=$?
    grain_calls | tee "${file%.json}.calls" >&2 || true
    down
    cp "$work/api1/api.log" "${file%.json}.api1.log"; cp "$work/api2/api.log" "${file%.json}.api2.log"
    [[ $status == 1 ]] && { echo "run $run ($mode) failed; node logs next to $file" >&2; exit 1; }
    [[ -f $file ]] && files[$mode]+="$file "
  done
done

for mode in round-robin hash; do
  echo "== $mode: $runs runs and their medians"
  # shellcheck disable=SC2086  # the list is space-separated paths without spaces (results folder, fixed names)
  dotnet "$runner" summarize ${files[$mode]} || status=$?
done
exit "$status"

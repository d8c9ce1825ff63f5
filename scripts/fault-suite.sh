#!/usr/bin/env bash
# The fault suite on the MariaDB backend: for each fault, a fresh MariaDB and API, a burst of patients booking and
# paying (the runner's fault-burst), the fault brought a few seconds into it, then the runner's fault-check, which reads
# the database and the API and fails on any acknowledged hold or payment missing, any slot sold twice, any counter not
# matching its rows, and any 500.
#   api-kill     kill -9 of the API; it is started again at once on the same database and port
#   db-freeze    mariadbd frozen with SIGSTOP for FREEZE_SECONDS, then resumed with SIGCONT
#   db-restart   mariadbd killed with kill -9 (a crash: what it acknowledged must survive) and started again on its data
#   db-freeze-api-kill  the API killed at the end of a db-freeze, its clients timing out after 2 s: a pay retried while
#                its write waits must not be answered before that write commits (85 paid answers were lost before it was fixed)
#
#   scripts/fault-suite.sh [FAULT...]        default: all four
#
# Prints one row per fault (acknowledged / found / oversold / 500s, ...) and exits 0 when every fault passed, 3 when
# one failed its checks, 1 when the suite could not run. Every wait is bounded; about a minute per fault.
# Results: loadtests/results/faults-<time>/<fault>.json (its row), <fault>/burst.json (every acknowledgement, timed) and
# <fault>/fault (when it came, Unix ms); and the logs (API, MariaDB, runner) of a fault that failed.
# Environment: BUILD=0 skips the Release builds. FAULT_AT (seconds into the burst, default 3), FREEZE_SECONDS (6),
# DOWN_SECONDS (db-restart: seconds between the kill and the start, 2), SPAN (seconds the bookings are spread over,
# 10), PATIENTS (each books and pays once, in 9 sessions of 100 slots: 800).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"   # Debian keeps mariadbd in /usr/sbin
unset MARIADB_FAST_COMMITS                            # every commit fsynced, as in production: a crash must lose nothing acknowledged

faults=("$@")
((${#faults[@]})) || faults=(api-kill db-freeze db-restart db-freeze-api-kill)
for fault in "${faults[@]}"; do
  [[ $fault =~ ^(api-kill|db-freeze|db-restart|db-freeze-api-kill)$ ]] ||
    { echo "usage: $0 [api-kill|db-freeze|db-restart|db-freeze-api-kill ...], not '$fault'" >&2; exit 2; }
done
fault_at=${FAULT_AT:-3} freeze_seconds=${FREEZE_SECONDS:-6} down_seconds=${DOWN_SECONDS:-2} span=${SPAN:-10} patients=${PATIENTS:-800}

"$repo/scripts/apt-ensure.sh" mariadbd=mariadb-server curl=curl
if [[ ${BUILD:-1} != 0 ]]; then
  dotnet build -c Release "$repo/src/Api/Hospital.Api.csproj" >&2
  dotnet build -c Release "$repo/loadtests/Hospital.LoadTests.csproj" >&2
fi
runner=$repo/loadtests/bin/Release/net10.0/Hospital.LoadTests.dll
[[ -f $runner ]] || { echo "no Release build of the runner at $runner" >&2; exit 1; }
results=$repo/loadtests/results/faults-$(date -u +%Y%m%dT%H%M%S)
mkdir -p "$results"
work=$(mktemp -d "${TMPDIR:-/tmp}/hospital-faults.XXXXXX")

# What is running now, for the teardown: the burst's runner, the API's state folder, MariaDB's state file.
runner_pid= api_dir= mariadb_state=
mariadb_pid() { sed -n 's/^PID=//p' "$mariadb_state"; }
teardown() {
  if [[ -n $runner_pid ]]; then kill "$runner_pid" 2>/dev/null || true; wait "$runner_pid" 2>/dev/null || true; fi
  # A frozen mariadbd would leave the TERM that stops it pending.
  if [[ -n $mariadb_state && -f $mariadb_state ]]; then kill -CONT "$(mariadb_pid)" 2>/dev/null || true; fi
  if [[ -n $api_dir ]]; then "$repo/scripts/run-api.sh" stop "$api_dir" 2>/dev/null || true; fi
  if [[ -n $mariadb_state ]]; then "$repo/scripts/mariadb-stop.sh" "$mariadb_state" >&2 || true; fi
  runner_pid= api_dir= mariadb_state=
}
trap 'teardown; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# True while the process runs (a zombie has ended); from /proc, as a minimal Debian has no ps.
running() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

# wait_for SECONDS WHAT COMMAND...: polls COMMAND every 0.1 s until it succeeds; fails after SECONDS.
wait_for() {
  local seconds=$1 what=$2
  shift 2
  for _ in $(seq 1 $((seconds * 10))); do "$@" && return 0; sleep 0.1; done
  echo "gave up after $seconds s waiting for $what" >&2
  return 1
}

kill_api() {
  local pid
  pid=$(source "$api_dir/api.env"; echo "$PID")
  silo_port=$(source "$api_dir/api.env"; echo "$SILO_PORT")
  kill -KILL "$pid"
  wait_for 10 "the API to die" eval '! running '"$pid"
  # Only its state goes: the process is gone and the database is the one it shares with its successor.
  "$repo/scripts/run-api.sh" stop "$api_dir" 2>/dev/null
}

# On the same port, where its clients keep retrying, and the same silo port: Orleans then knows the new silo as the
# next incarnation of the killed one, which it declares dead at once instead of waiting for it to miss its probes.
start_api_again() {
  RUN_API_PORT=${url##*:} RUN_API_SILO_PORT=$silo_port BUILD=0 "$repo/scripts/run-api.sh" start mariadb "$api_dir" >/dev/null
}

bring_api_kill() {
  kill_api
  start_api_again
}

bring_db_freeze() {
  local pid
  pid=$(mariadb_pid)
  kill -STOP "$pid"
  sleep "$freeze_seconds"
  kill -CONT "$pid"
}

bring_db_freeze_api_kill() {
  local pid
  pid=$(mariadb_pid)
  kill -STOP "$pid"
  sleep "$freeze_seconds"
  kill_api
  kill -CONT "$pid"
  start_api_again
}

bring_db_restart() {
  local pid dir arguments=()
  pid=$(mariadb_pid)
  dir=$(sed -n 's/^DIR=//p' "$mariadb_state")
  mapfile -d '' -t arguments <"/proc/$pid/cmdline"   # the same server: data folder, port, socket, durability
  kill -KILL "$pid"
  wait_for 10 "mariadbd to die" eval '! running '"$pid"
  sleep "$down_seconds"
  setsid "${arguments[@]}" </dev/null >/dev/null 2>&1 &
  wait_for 60 "mariadbd to start again" mariadb --no-defaults --socket="$dir/sock" -uroot -e 'SELECT 1' >/dev/null 2>&1
  sed -i "s/^PID=.*/PID=$(cat "$dir/mariadbd.pid")/" "$mariadb_state"
}

# Runs one fault from fresh servers to its check, and sets fault_status to the check's exit code (0 passed, 3 failed,
# 1 could not run). Servers that do not start end the suite (set -e, so not called in a condition).
run_fault() {
  local fault=$1 dir=$work/$1 began connection_string data_key status=0
  mkdir -p "$dir"
  began=$(date +%s)
  echo "== $fault at $(date -u +%T.%3N)" >&2
  mariadb_state=$dir/mariadb.state
  # mariadb-install-db has failed once in a while on the shared build machine ("Installation of system tables failed").
  for attempt in 1 2 3; do
    # With this shell as its owner, the server is stopped even if the suite itself is killed with kill -9.
    connection_string=$("$repo/scripts/mariadb-start.sh" "$mariadb_state" $$) && break
    ((attempt < 3)) || { echo "MariaDB did not start in 3 attempts" >&2; return 1; }
    echo "MariaDB did not start (attempt $attempt); trying again" >&2
  done
  data_key=$(head -c 32 /dev/urandom | base64)
  # The same database and secrets for an API started again after a kill -9, and the same hospital admin for the runner.
  export RUN_API_CONNECTION_STRING=$connection_string RUN_API_DATA_KEY=$data_key RUN_API_SIGNING_KEY=$data_key$data_key \
    RUN_API_STAFF_INITIAL_PASSWORD=$(head -c 36 /dev/urandom | base64 | tr -d '/+=' | head -c 24) \
    RUN_API_STAFF_PASSWORD=$(head -c 36 /dev/urandom | base64 | tr -d '/+=' | head -c 24)
  export API_STAFF_ID=loadrunner API_STAFF_INITIAL_PASSWORD=$RUN_API_STAFF_INITIAL_PASSWORD API_STAFF_PASSWORD=$RUN_API_STAFF_PASSWORD
  api_dir=$dir/api
  url=$(BUILD=0 "$repo/scripts/run-api.sh" start mariadb "$api_dir")

  # A client sends a request again when it has no answer after 5 s; 2 s, so that pays are retried while their writes
  # wait on the frozen database, when the API is killed during the freeze.
  local request_timeout=5
  [[ $fault == db-freeze-api-kill ]] && request_timeout=2
  # The burst ends by itself once every booking is answered or its --duration is up; timeout bounds it if it hangs.
  timeout -k 10 $((span + 180)) dotnet "$runner" fault-burst --fault "$fault" --target "$url" --provider MySql --connection-string "$connection_string" \
    --patients "$patients" --span "$span" --duration $((span + 30)) --request-timeout "$request_timeout" --started-file "$dir/started" \
    --fault-file "$dir/fault" --results "$dir/burst.json" >"$dir/burst.log" 2>&1 &
  runner_pid=$!
  # Registration and set-up come first; the fault comes FAULT_AT seconds after the first booking.
  wait_for 150 "the burst to start" eval "[[ -s '$dir/started' ]] || ! running $runner_pid" || status=1
  if [[ $status == 0 && -s $dir/started ]]; then
    echo "burst started at $(date -u +%T.%3N)" >&2
    sleep "$fault_at"
    date +%s%3N >"$dir/fault"
    echo "bringing $fault at $(date -u +%T.%3N)" >&2
    "bring_${fault//-/_}"
    echo "$fault over at $(date -u +%T.%3N)" >&2
  fi
  wait "$runner_pid" || status=1
  runner_pid=
  tail -n 1 "$dir/burst.log" >&2

  if [[ $status == 0 ]]; then
    timeout -k 10 180 dotnet "$runner" fault-check --burst "$dir/burst.json" --since "$began" --target "$url" \
      --provider MySql --connection-string "$connection_string" --duration 90 --results "$results/$fault.json" >"$dir/check.log" 2>&1 || status=$?
    cat "$dir/check.log"
  else
    echo "$fault could not run; the burst's output:" >&2
    tail -n 30 "$dir/burst.log" >&2
  fi
  # Every acknowledgement with its time, and the fault's time, as evidence; the logs too when the fault failed.
  mkdir -p "$results/$fault"
  cp "$dir/burst.json" "$dir/fault" "$results/$fault/" 2>/dev/null || true
  if [[ $status != 0 ]]; then
    cp "$dir/burst.log" "$api_dir/api.log" "$(sed -n 's/^DIR=//p' "$mariadb_state")/mariadbd.log" "$results/$fault/" 2>/dev/null || true
    cp "$dir/check.log" "$results/$fault/" 2>/dev/null || true
  fi
  teardown
  fault_status=$status
}

status=0
for fault in "${faults[@]}"; do
  run_fault "$fault"
  if ((fault_status == 1 || (fault_status != 0 && status == 0))); then status=$fault_status; fi
done

echo "== fault suite: results in $results"
shopt -s nullglob
rows=("$results"/*.json)
if ((${#rows[@]})); then
  dotnet "$runner" fault-summary "${rows[@]}" || { code=$?; if ((status == 0)); then status=$code; fi; }
fi
((${#rows[@]} == ${#faults[@]})) || { echo "only ${#rows[@]} of ${#faults[@]} faults were checked" >&2; status=1; }
exit "$status"

#!/usr/bin/env bash
# The release burst end to end on one backend: Release build, then RUNS times a fresh API (scripts/run-api.sh) and
# the runner's release-burst against it (checking the database afterwards), then the runs side by side with medians.
#
#   scripts/release-burst.sh sqlite|mariadb [RUNS] [-- RUNNER_OPTIONS...]     e.g. -- --patients 5000 --users 512
#
# Results: loadtests/results/<scenario>-<backend>-<time>-<n>.json. Exit code 0 when every run met the goal (for
# normal-day: no errors and a consistent database), 3 when one missed it.
# SCENARIO=hot-session (everyone on one session) or SCENARIO=normal-day (a day's mix of browsing, booking, paying,
# cancelling and rescheduling) runs that scenario of the runner instead, the same way.
# SCENARIO=visit-day: a morning of today's sessions (check-ins, calls, visits, boards over SSE) beside the normal-day mix;
# it needs the hospital's opening hours (China time). A release burst with a waitlist: pass `-- --waitlist N`.
# Environment: PROFILE=1 also records a CPU profile (dotnet-trace, sampled thread stacks) of the API from 2 s before T0 for
# PROFILE_SECONDS (default 10) in the last run of a burst, written next to the results as .nettrace.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH=$PATH:$HOME/.dotnet/tools   # where `dotnet tool install --global dotnet-trace` puts it
backend=${1:?usage: $0 sqlite|mariadb [RUNS] [-- RUNNER_OPTIONS...]}
shift
runs=3
if [[ ${1:-} =~ ^[0-9]+$ ]]; then runs=$1; shift; fi
[[ ${1:-} == -- ]] && shift

[[ $backend == mariadb ]] && "$repo/scripts/apt-ensure.sh" mariadbd=mariadb-server
dotnet build -c Release "$repo/src/Api/Hospital.Api.csproj" >&2
dotnet build -c Release "$repo/loadtests/Hospital.LoadTests.csproj" >&2
runner=$repo/loadtests/bin/Release/net10.0/Hospital.LoadTests.dll
results=$repo/loadtests/results
scenario=${SCENARIO:-release-burst}
[[ $scenario =~ ^(release-burst|hot-session|normal-day|visit-day)$ ]] || { echo "SCENARIO must be release-burst, hot-session, normal-day or visit-day" >&2; exit 2; }
state=$repo/.tmp/$scenario-$backend
mkdir -p "$results" "$state"
trap '"$repo/scripts/run-api.sh" stop "$state"' EXIT

stamp=$(date -u +%Y%m%dT%H%M%S)
files=()
status=0
for run in $(seq 1 "$runs"); do
  BUILD=0 "$repo/scripts/run-api.sh" start "$backend" "$state" >/dev/null
  # shellcheck source=/dev/null
  source "$state/api.env"
  file=$results/$scenario-$backend-$stamp-$run.json
  # The bursts write T0 for the profiler; a normal day and a visit day have none.
  t0_option=(--t0-file "$state/t0")
  [[ $scenario =~ ^(normal-day|visit-day)$ ]] && t0_option=()
  rm -f "$state/t0"
  profiler=
  if [[ ${PROFILE:-0} == 1 && $run == "$runs" && ! $scenario =~ ^(normal-day|visit-day)$ ]]; then
    ( while [[ ! -s $state/t0 ]]; do sleep 0.2; done
      sleep $(( $(cat "$state/t0") - $(date +%s) - 2 ))
      dotnet-trace collect -p "$PID" --profile dotnet-common,dotnet-sampled-thread-time --duration "00:00:00:$(printf %02d "${PROFILE_SECONDS:-10}")" \
        -o "${file%.json}.nettrace" >"$state/trace.log" 2>&1 ) &
    profiler=$!
  fi
  API_STAFF_ID=$API_STAFF_ID API_STAFF_INITIAL_PASSWORD=$API_STAFF_INITIAL_PASSWORD API_STAFF_PASSWORD=$API_STAFF_PASSWORD dotnet "$runner" "$scenario" --target "$URL" --provider "$PROVIDER" \
    --connection-string "$CONNECTION_STRING" --backend "$backend" --results "$file" "${t0_option[@]}" "$@" || status=$?
  [[ -n $profiler ]] && wait "$profiler"
  "$repo/scripts/run-api.sh" stop "$state"
  [[ -f $file ]] && files+=("$file")
  [[ $status == 1 ]] && { echo "run $run failed" >&2; exit 1; }
done

dotnet "$runner" summarize "${files[@]}" || status=$?
exit "$status"

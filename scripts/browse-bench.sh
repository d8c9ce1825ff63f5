#!/usr/bin/env bash
# Browsing under load: a department's day calendar on the real API against one GET endpoint on bare Kestrel, both
# measured with wrk in one run, alternating, so that the ratio compares them on the same machine at the same time.
#
#   scripts/browse-bench.sh [ROUNDS]        (default 3; the goal is a ratio of medians of at least 0.70)
#
# Starts the API from its Release build on its embedded default (SQLite, the demo hospital seeded; scripts/run-api.sh)
# and `loadtests bare-kestrel`, answering a JSON document about as long as the calendar's. Picks the day of the next
# week on which department 1 has the most sessions and checks that the calendar answers 200 with bookable sessions in
# it. Warms both, then per round runs wrk on each target, the calendar first in odd rounds and the bare endpoint first
# in even ones, so that a machine getting busier or quieter does not favour one.
# Prints per-round req/s and p99, the medians and their ratio; writes loadtests/results/browse-bench-<time>.json and
# .txt. Exit code 0 when the ratio of medians is at least 0.70, 3 when it is not, 1 when the run failed (including any
# non-2xx answer or socket error during a measurement).
# Environment: BUILD=0 skips the Release builds. DURATION (s, default 10) per measurement, WARMUP (s, default 5) per
# target, THREADS (default 2) and CONNECTIONS (default 64) for wrk. DEPARTMENT (default 1).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-3}
[[ $rounds =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [ROUNDS]" >&2; exit 2; }
duration=${DURATION:-10} warmup=${WARMUP:-5} threads=${THREADS:-2} connections=${CONNECTIONS:-64} department=${DEPARTMENT:-1}
goal=0.70

"$repo/scripts/apt-ensure.sh" wrk=wrk jq=jq
if [[ ${BUILD:-1} != 0 ]]; then
  dotnet build -c Release "$repo/src/Api/Hospital.Api.csproj" >&2
  dotnet build -c Release "$repo/loadtests/Hospital.LoadTests.csproj" >&2
fi
runner=$repo/loadtests/bin/Release/net10.0/Hospital.LoadTests.dll
[[ -f $runner ]] || { echo "no Release build of the load tests in ${runner%/*}" >&2; exit 1; }

state=$repo/.tmp/browse-bench
results=$repo/loadtests/results
mkdir -p "$state" "$results"
bare_pid=
down() {
  [[ -n $bare_pid ]] && kill "$bare_pid" 2>/dev/null && wait "$bare_pid" 2>/dev/null
  "$repo/scripts/run-api.sh" stop "$state"
}
trap down EXIT
trap 'exit 130' INT TERM

api=$(BUILD=0 "$repo/scripts/run-api.sh" start sqlite "$state")

# The day with the most sessions in the next week; a 404 or an empty day would measure nothing but the framework.
first_day=$(curl -fsS "$api/api/departments/$department/calendar" | jq -r .date)
best_day= best_count=0
for offset in $(seq 0 6); do
  day=$(date -d "$first_day + $offset day" +%F)
  count=$(curl -fsS "$api/api/departments/$department/calendar?date=$day" | jq '.sessions | length')
  if ((count > best_count)); then best_day=$day best_count=$count; fi
done
calendar=$api/api/departments/$department/calendar?date=$best_day
check_calendar() {
  local body status
  body=$(curl -sS -w '\n%{http_code}' "$calendar")
  status=${body##*$'\n'}
  body=${body%$'\n'*}
  [[ $status == 200 ]] || { echo "the calendar answered $status: $body" >&2; exit 1; }
  jq -e --arg day "$best_day" '.date == $day and (.sessions | length) > 0 and all(.sessions[]; .date == $day and .quota > 0)
    and any(.sessions[]; .available > 0 and (.state == "Available" or .state == "FewLeft"))' <<<"$body" >/dev/null \
    || { echo "the calendar has no bookable sessions on $best_day: $body" >&2; exit 1; }
  printf %s "$body" | wc -c
}
calendar_bytes=$(check_calendar)
echo "calendar: department $department on $best_day, $best_count sessions, $calendar_bytes bytes" >&2

bare_url=http://127.0.0.1:$("$repo/scripts/free-port.sh")
dotnet "$runner" bare-kestrel --url "$bare_url" --body-bytes "$calendar_bytes" >"$state/bare.log" 2>&1 &
bare_pid=$!
for _ in $(seq 1 100); do curl -fsS -o /dev/null "$bare_url/bare" 2>/dev/null && break; sleep 0.2; done
bare=$bare_url/bare
bare_bytes=$(curl -fsS "$bare" | wc -c)
echo "bare Kestrel: $bare, $bare_bytes bytes" >&2

# Runs wrk on one URL; prints "REQ_PER_S P99_MS". Any non-2xx answer or socket error fails the run.
measure() {
  local out rps p99
  out=$(wrk -t"$threads" -c"$connections" -d"$2s" --latency "$1")
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "wrk on $1 saw errors:" >&2; echo "$out" >&2; exit 1; fi
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) v = v / 1000; else if (v ~ /ms$/) v = v + 0; else if (v ~ /s$/) v = v * 1000; print v }' <<<"$out")
  echo "$rps $p99"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "warming up: ${warmup}s each" >&2
measure "$calendar" "$warmup" >/dev/null
measure "$bare" "$warmup" >/dev/null

stamp=$(date -u +%Y%m%dT%H%M%S)
txt=$results/browse-bench-$stamp.txt
calendar_rps=() bare_rps=() calendar_p99=() bare_p99=() round_ratios=()
{
  echo "browse-bench $stamp UTC, commit $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD || echo ' (uncommitted changes)')"
  echo "wrk -t$threads -c$connections -d${duration}s; calendar: department $department on $best_day ($best_count sessions, $calendar_bytes bytes); bare: $bare_bytes bytes"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-6s %14s %10s %14s %10s %7s\n' round calendar_req/s p99_ms bare_req/s p99_ms ratio
} | tee "$txt"
for round in $(seq 1 "$rounds"); do
  if ((round % 2)); then c=$(measure "$calendar" "$duration"); b=$(measure "$bare" "$duration")
  else b=$(measure "$bare" "$duration"); c=$(measure "$calendar" "$duration"); fi
  read -r c_rps c_p99 <<<"$c"
  read -r b_rps b_p99 <<<"$b"
  ratio=$(awk -v c="$c_rps" -v b="$b_rps" 'BEGIN { printf "%.3f", c / b }')
  calendar_rps+=("$c_rps") bare_rps+=("$b_rps") calendar_p99+=("$c_p99") bare_p99+=("$b_p99") round_ratios+=("$ratio")
  printf '%-6s %14.0f %10.2f %14.0f %10.2f %7s\n' "$round" "$c_rps" "$c_p99" "$b_rps" "$b_p99" "$ratio" | tee -a "$txt"
done
check_calendar >/dev/null

med_c=$(printf '%s\n' "${calendar_rps[@]}" | median) med_b=$(printf '%s\n' "${bare_rps[@]}" | median)
med_cp=$(printf '%s\n' "${calendar_p99[@]}" | median) med_bp=$(printf '%s\n' "${bare_p99[@]}" | median)
ratio=$(awk -v c="$med_c" -v b="$med_b" 'BEGIN { printf "%.3f", c / b }')
met=$(awk -v r="$ratio" -v g="$goal" 'BEGIN { print (r >= g) ? "true" : "false" }')
{
  printf '%-6s %14.0f %10.2f %14.0f %10.2f %7s\n' median "$med_c" "$med_cp" "$med_b" "$med_bp" "$ratio"
  echo "ratio of medians $ratio (goal $goal: $([[ $met == true ]] && echo met || echo missed)); load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$txt"

json_array() { printf '%s\n' "$@" | jq -s 'map(tonumber)'; }
jq -n --arg stamp "$stamp" --arg day "$best_day" --argjson department "$department" --argjson sessions "$best_count" \
  --argjson calendarBytes "$calendar_bytes" --argjson bareBytes "$bare_bytes" --argjson threads "$threads" \
  --argjson connections "$connections" --argjson duration "$duration" \
  --argjson calendar "$(json_array "${calendar_rps[@]}")" --argjson calendarP99 "$(json_array "${calendar_p99[@]}")" \
  --argjson bare "$(json_array "${bare_rps[@]}")" --argjson bareP99 "$(json_array "${bare_p99[@]}")" \
  --argjson ratios "$(json_array "${round_ratios[@]}")" --argjson ratio "$ratio" --argjson goal "$goal" --argjson met "$met" \
  '{scenario: "browse-bench", time: $stamp, wrk: {threads: $threads, connections: $connections, seconds: $duration},
    calendar: {department: $department, date: $day, sessions: $sessions, bytes: $calendarBytes, reqPerSec: $calendar, p99Ms: $calendarP99},
    bare: {bytes: $bareBytes, reqPerSec: $bare, p99Ms: $bareP99}, roundRatios: $ratios, ratioOfMedians: $ratio, goal: $goal, goalMet: $met}' \
  >"${txt%.txt}.json"
echo "results: $txt and ${txt%.txt}.json" >&2
[[ $met == true ]] || exit 3

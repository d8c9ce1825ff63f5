#!/usr/bin/env bash
# Runs README.md's walkthrough "From nothing to a paid booking" word for word: every ```bash walkthrough block, in order,
# with bash -e, against the API started as the README starts it (Development, log in api.log) but on a free port and a
# fresh temporary database. Prints what the blocks print; exits non-zero unless the last appointment answered is Booked.
# Environment: BUILD=0 runs the API already built (dotnet run --no-build), as Api.Tests' ReadmeWalkthroughTests does;
#   CONFIGURATION (default Debug) the build configuration to run.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
port=$("$repo/scripts/free-port.sh")
pid=
stop() {
  # dotnet run starts the API as a child process: stop the whole process group setsid gave it.
  if [[ -n $pid ]] && kill -- "-$pid" 2>/dev/null; then wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop EXIT

build_option=()
[[ ${BUILD:-1} == 0 ]] && build_option=(--no-build)
cd "$work"
ASPNETCORE_ENVIRONMENT=Development Storage__ConnectionString="$work/hospital.db" \
  Silo__SiloPort="$("$repo/scripts/free-port.sh")" Silo__GatewayPort="$("$repo/scripts/free-port.sh")" \
  setsid dotnet run --project "$repo/src/Api" --no-launch-profile --configuration "${CONFIGURATION:-Debug}" "${build_option[@]}" -- --urls "http://127.0.0.1:$port" > api.log 2>&1 &
pid=$!
export API="http://127.0.0.1:$port"
for _ in $(seq 1 600); do
  curl -sf "$API/health/ready" > /dev/null && break
  kill -0 "$pid" 2>/dev/null || { cat api.log >&2; echo "the API exited before it was ready" >&2; exit 1; }
  sleep 0.5
done

awk '/^```bash walkthrough$/ { inside = 1; next } /^```$/ { inside = 0 } inside' "$repo/README.md" > walkthrough.sh
[[ -s walkthrough.sh ]] || { echo "README.md has no \`\`\`bash walkthrough block" >&2; exit 1; }
output=$(bash -e walkthrough.sh) || { echo "$output"; tail -n 40 api.log >&2; echo "the walkthrough failed" >&2; exit 1; }
echo "$output"
status=$(grep -o '"status":"[A-Za-z]*"' <<< "$output" | tail -n 1)
[[ $status == '"status":"Booked"' ]] || { tail -n 40 api.log >&2; echo "the walkthrough ended with $status, not Booked" >&2; exit 1; }
echo "walkthrough ended with a Booked appointment" >&2

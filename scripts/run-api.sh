#!/usr/bin/env bash
# Runs the API from its Release build on loopback, for load runs: in the Staging environment, which is Production but for
# one thing, it allows the development SMS sender, whose login codes the load runner reads from the database.
#
#   scripts/run-api.sh start sqlite|mariadb [STATE_DIR]    prints the API's URL as the only line on stdout
#   scripts/run-api.sh stop [STATE_DIR]                    stops the API (and its MariaDB) and removes the data
#
# STATE_DIR (default .tmp/api in the repository) receives api.env (URL, PID, API_STAFF_ID, API_STAFF_INITIAL_PASSWORD,
# API_STAFF_PASSWORD, PROVIDER, CONNECTION_STRING, MARIADB_STATE; readable only by you), api.log, and the SQLite file.
# Every start uses a fresh database: a new SQLite file, or a throwaway MariaDB from scripts/mariadb-start.sh. The secrets
# are generated per start: Privacy__DataKey (base64 of 32 random bytes), Auth__SigningKey, and the initial hospital admin
# "loadrunner" (Auth__InitialAdmin__*) with its initial password and the password the runner changes it to at its first
# login (the runner's --staff-* options read the API_STAFF_* variables). Load runs come from one address and run longer
# than a phone's token, so they lift the per-IP login limits, the booking rate limits (per address, and per account: a
# fault run's client retries one booking every half second through an outage) and shared-address detection (thousands of
# accounts from 127.0.0.1 would each get a flag, a database write apiece, in the middle of the burst); tokens live an hour.
# Environment: BUILD=0 skips the Release build of src/Api.
#   RUN_API_CONNECTION_STRING (mariadb only): use this running database instead of starting one; `stop` leaves it
#     running. With RUN_API_DATA_KEY, RUN_API_SIGNING_KEY, RUN_API_STAFF_INITIAL_PASSWORD and RUN_API_STAFF_PASSWORD
#     (instead of generated secrets), several API processes can share one database as the nodes of one deployment
#     (scripts/two-nodes.sh), or follow one another on it (scripts/fault-suite.sh).
#   RUN_API_PAYMENT_FAILURE_RATE: the share of payments the sandbox gateway's cashier declines (default 0.01, as cards
#     are declined; the runner reports the payment success rate), Payments__Sandbox__FailureRate.
#   RUN_API_PORT: listen on this loopback port instead of a free one, e.g. to restart a node where its clients find it
#     (scripts/fault-suite.sh, after a kill -9). RUN_API_SILO_PORT: the same for the Orleans silo's port (api.env's
#     SILO_PORT), so that a restarted node is the next incarnation of the silo it replaces.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
command=${1:-}

stop() {
  local env_file=$1/api.env
  [[ -f $env_file ]] || { echo "no API state in $1: nothing to stop" >&2; return 0; }
  local pid mariadb_state
  pid=$(source "$env_file"; echo "$PID")
  mariadb_state=$(source "$env_file"; echo "$MARIADB_STATE")
  if [[ -n $pid ]] && kill "$pid" 2>/dev/null; then
    # The host stops on TERM (graceful shutdown of the silo); give it time, then insist.
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  if [[ -n $mariadb_state ]]; then "$repo/scripts/mariadb-stop.sh" "$mariadb_state"; fi
  rm -f "$env_file" "$1"/hospital.db*
  echo "API stopped" >&2
}

case $command in
  stop) stop "${2:-$repo/.tmp/api}"; exit 0 ;;
  start) backend=${2:-}; state_dir=$(mkdir -p "${3:-$repo/.tmp/api}" && cd "${3:-$repo/.tmp/api}" && pwd) ;;
  *) echo "usage: $0 start sqlite|mariadb [STATE_DIR] | stop [STATE_DIR]" >&2; exit 2 ;;
esac
[[ -f $state_dir/api.env ]] && { echo "$state_dir/api.env exists: an API is running; stop it first" >&2; exit 1; }

if [[ ${BUILD:-1} != 0 ]]; then dotnet build -c Release "$repo/src/Api/Hospital.Api.csproj" >&2; fi
bin=$repo/src/Api/bin/Release/net10.0
[[ -f $bin/Hospital.Api.dll ]] || { echo "no Release build in $bin" >&2; exit 1; }

mariadb_state=
case $backend in
  sqlite) provider=Sqlite; rm -f "$state_dir"/hospital.db*; connection_string="Data Source=$state_dir/hospital.db" ;;
  mariadb)
    provider=MySql
    if [[ -n ${RUN_API_CONNECTION_STRING:-} ]]; then connection_string=$RUN_API_CONNECTION_STRING
    else mariadb_state=$state_dir/mariadb.state; connection_string=$("$repo/scripts/mariadb-start.sh" "$mariadb_state"); fi ;;
  *) echo "backend must be sqlite or mariadb, not '$backend'" >&2; exit 2 ;;
esac

port=${RUN_API_PORT:-$("$repo/scripts/free-port.sh")}
# The co-hosted Orleans silo: its own silo port per node (several nodes may share this machine); no gateway, since
# the API calls its silo in-process. With MariaDB the nodes of one database form one cluster.
silo_port=${RUN_API_SILO_PORT:-$("$repo/scripts/free-port.sh")}
url=http://127.0.0.1:$port
staff_initial_password=${RUN_API_STAFF_INITIAL_PASSWORD:-$(head -c 36 /dev/urandom | base64 | tr -d '/+=' | head -c 24)}
staff_password=${RUN_API_STAFF_PASSWORD:-$(head -c 36 /dev/urandom | base64 | tr -d '/+=' | head -c 24)}
data_key=${RUN_API_DATA_KEY:-$(head -c 32 /dev/urandom | base64)}
# Signs access tokens; nodes of one cluster must share it (RUN_API_SIGNING_KEY), as they share the data key.
signing_key=${RUN_API_SIGNING_KEY:-$(head -c 48 /dev/urandom | base64)}
# Signs the sandbox payment gateway's callbacks; shared by the nodes of one cluster like the signing key.
sandbox_secret=${RUN_API_SANDBOX_SECRET:-$(head -c 48 /dev/urandom | base64)}

# The content root is the build folder, so appsettings.json applies; the database lives in STATE_DIR.
# exec, so that $! is the API's own PID and `stop` signals the API itself.
# The load runner pays as a phone does, through the sandbox gateway's cashier and its signed notification, so patients
# cannot book without paying here (Payments:UnpaidBookingShortcut stays off, as in Production).
(cd "$bin" && exec env ASPNETCORE_ENVIRONMENT=Staging ASPNETCORE_URLS="$url" \
  Privacy__DataKey="$data_key" Auth__SigningKey="$signing_key" Payments__Sandbox__Secret="$sandbox_secret" Payments__Sandbox__BaseUrl="$url" \
  Payments__Sandbox__FailureRate="${RUN_API_PAYMENT_FAILURE_RATE:-0.01}" Storage__Provider="$provider" Storage__ConnectionString="$connection_string" \
  Auth__InitialAdmin__StaffId=loadrunner Auth__InitialAdmin__Password="$staff_initial_password" Sms__Sender=Development RealName__Verifier=Development \
  Auth__RateLimits__SmsCodesPerIp=1000000 Auth__RateLimits__LoginsPerIp=1000000 Auth__AccessTokenLifetime=01:00:00 \
  Abuse__RateLimits__BookingsPerIp=1000000 Abuse__RateLimits__BookingsPerAccount=1000000 Abuse__Detection__AccountsPerSource=1000000 \
  Silo__SiloPort="$silo_port" Silo__GatewayPort=0 Silo__AdvertisedAddress=127.0.0.1 \
  dotnet Hospital.Api.dll) </dev/null >"$state_dir/api.log" 2>&1 &
pid=$!
umask 077
printf 'URL=%q\nPID=%q\nSILO_PORT=%q\nAPI_STAFF_ID=%q\nAPI_STAFF_INITIAL_PASSWORD=%q\nAPI_STAFF_PASSWORD=%q\nPROVIDER=%q\nCONNECTION_STRING=%q\nMARIADB_STATE=%q\n' \
  "$url" "$pid" "$silo_port" loadrunner "$staff_initial_password" "$staff_password" "$provider" "$connection_string" "$mariadb_state" >"$state_dir/api.env"

for _ in $(seq 1 300); do
  if curl -fsS "$url/health/ready" >/dev/null 2>&1; then echo "API ($provider, pid $pid) ready at $url; log $state_dir/api.log" >&2; echo "$url"; exit 0; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
echo "API did not become ready; its log:" >&2; tail -n 40 "$state_dir/api.log" >&2
stop "$state_dir"
exit 1

#!/usr/bin/env bash
# Starts a throwaway MariaDB server for tests and local runs, independent of the apt package's own service:
# a fresh data folder from mktemp, 127.0.0.1 on a free port, database `hospital`, user app/pw allowed to do
# everything (tests create and drop their own databases).
#
#   scripts/mariadb-start.sh [STATE_FILE [OWNER_PID]]   default STATE_FILE: .tmp/mariadb.state in the repository
#
# Prints the connection string as the only line on stdout (progress goes to stderr) and writes PID, DIR, PORT
# and CONNECTION_STRING to STATE_FILE for scripts/mariadb-stop.sh. With OWNER_PID, a detached watcher runs
# mariadb-stop.sh as soon as that process is gone, however it ended (test hosts are often killed, not exited).
# Works as root and as a normal user.
#
# Commits are durable, as in production: InnoDB writes and fsyncs its log at every commit, so load runs and benchmarks
# measure that. MARIADB_FAST_COMMITS=1 (the test suite sets it) writes the log at every commit but fsyncs it about
# once a second: a throwaway test server needs no crash durability.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state_file=${1:-$repo/.tmp/mariadb.state}
owner_pid=${2:-}

for tool in mariadbd mariadb-install-db mariadb; do
  command -v "$tool" >/dev/null || { echo "MariaDB not installed: $tool not found on PATH (apt-get install mariadb-server)" >&2; exit 2; }
done
if [[ -f $state_file ]]; then
  echo "$state_file exists: a server is already running; stop it with scripts/mariadb-stop.sh $state_file" >&2
  exit 1
fi

flush_log_at_commit=1
[[ ${MARIADB_FAST_COMMITS:-} == 1 ]] && flush_log_at_commit=2

dir=$(mktemp -d "${TMPDIR:-/tmp}/hospital-mariadb.XXXXXX")
user=$(id -un)
sql() { mariadb --no-defaults --socket="$dir/sock" -uroot "$@"; }

# --no-defaults everywhere: the package's /etc/mysql config (its socket, log and pid paths) must not apply.
mariadb-install-db --no-defaults --user="$user" --datadir="$dir/data" \
  --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1 \
  || { cat "$dir/install.log" >&2; rm -rf "$dir"; exit 1; }

# Another process may take the port between the check and the bind: then mariadbd exits and we try another.
started=false
for _ in 1 2 3 4 5; do
  port=$("$(dirname "${BASH_SOURCE[0]}")/free-port.sh")
  # Detached and with no inherited stdio, so a caller reading our stdout sees its end when this script exits.
  # Room for many connections: the tests' databases each have a pool.
  setsid mariadbd --no-defaults --user="$user" --datadir="$dir/data" --socket="$dir/sock" \
    --pid-file="$dir/mariadbd.pid" --port="$port" --bind-address=127.0.0.1 --skip-name-resolve \
    --innodb-flush-log-at-trx-commit="$flush_log_at_commit" --max-connections=1000 --log-error="$dir/mariadbd.log" </dev/null >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do
    if sql -e 'SELECT 1' >/dev/null 2>&1; then started=true; break 2; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
done
if [[ $started != true ]]; then
  echo "MariaDB did not start; its log:" >&2
  cat "$dir/mariadbd.log" >&2 || true
  rm -rf "$dir"
  exit 1
fi

sql -e "CREATE DATABASE hospital CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
        CREATE USER 'app'@'127.0.0.1' IDENTIFIED BY 'pw';
        GRANT ALL PRIVILEGES ON *.* TO 'app'@'127.0.0.1';"

connection_string="Server=127.0.0.1;Port=$port;Database=hospital;Uid=app;Pwd=pw;SslMode=None"
mkdir -p "$(dirname "$state_file")"
printf 'PID=%s\nDIR=%s\nPORT=%s\nCONNECTION_STRING=%s\n' "$(cat "$dir/mariadbd.pid")" "$dir" "$port" "$connection_string" >"$state_file"
if [[ -n $owner_pid ]]; then
  setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; exec "$2" "$3"' \
    watcher "$owner_pid" "$repo/scripts/mariadb-stop.sh" "$state_file" </dev/null >/dev/null 2>&1 &
fi
echo "MariaDB $(sql -N -e 'SELECT VERSION()') on 127.0.0.1:$port, data in $dir" >&2
echo "$connection_string"

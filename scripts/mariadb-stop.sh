#!/usr/bin/env bash
# Stops a server started by scripts/mariadb-start.sh and removes its data folder.
#
#   scripts/mariadb-stop.sh [STATE_FILE]      default STATE_FILE: .tmp/mariadb.state in the repository
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state_file=${1:-$repo/.tmp/mariadb.state}
[[ -f $state_file ]] || { echo "no MariaDB state file at $state_file: nothing to stop" >&2; exit 0; }

pid=$(sed -n 's/^PID=//p' "$state_file")
dir=$(sed -n 's/^DIR=//p' "$state_file")

if [[ -n $pid ]] && kill "$pid" 2>/dev/null; then
  # mariadbd shuts down cleanly on TERM; give it time, then insist.
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
fi

# Only ever remove a folder this script's partner created.
if [[ $dir == */hospital-mariadb.* && -d $dir ]]; then rm -rf "$dir"; fi
rm -f "$state_file"

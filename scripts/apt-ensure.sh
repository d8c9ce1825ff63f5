#!/usr/bin/env bash
# Installs Debian packages for the commands that are missing, so scripts can rely on real servers from apt.
#
#   scripts/apt-ensure.sh COMMAND=PACKAGE[,PACKAGE...] ...      e.g. mariadbd=mariadb-server nginx=nginx-light
#
# Only the binaries are used: our scripts start their own servers, so the packages' services may stay off.
# Runs apt-get as root, or through sudo.
set -euo pipefail

# Debian keeps server binaries such as mariadbd and nginx in /usr/sbin, which a non-root PATH lacks.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

packages=()
for wanted in "$@"; do
  command=${wanted%%=*}
  [[ $command != "$wanted" && -n ${wanted#*=} ]] || { echo "usage: $0 COMMAND=PACKAGE[,PACKAGE...] ..., not '$wanted'" >&2; exit 2; }
  if ! command -v "$command" >/dev/null; then
    IFS=, read -ra named <<<"${wanted#*=}"
    packages+=("${named[@]}")
  fi
done
((${#packages[@]})) || exit 0

sudo=()
((EUID == 0)) || sudo=(sudo)
echo "installing from apt: ${packages[*]}" >&2
"${sudo[@]}" apt-get update >&2
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}" >&2

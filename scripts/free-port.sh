#!/usr/bin/env bash
# Prints a loopback TCP port nobody listens on, below Linux's ephemeral range (32768-60999 by default). A port in
# that range may be held by a client socket, or one in TIME_WAIT after a load run's hundreds of connections, which a
# connect test cannot see but a bind fails on ("address already in use").
set -euo pipefail
lowest_ephemeral=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for _ in $(seq 1 50); do
  port=$((20000 + RANDOM % (lowest_ephemeral - 20000)))
  port_in_use "$port" || { echo "$port"; exit 0; }
done
echo "no free port found below $lowest_ephemeral" >&2
exit 1

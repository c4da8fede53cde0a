#!/usr/bin/env bash
# WsManSvp enumeration throughput over many simulated systems (see docs/PERFORMANCE.md).
#
# Builds WsManSvp.Server and bench/EnumerateClient in Release, starts the server on loopback with
# --seed-systems N (default 10000), and has the client run whole enumerations one after another: an optimized
# Enumerate with MaxElements large (every reply as full as MaxEnvelopeSize allows), then Pull until
# EndOfSequence. Scenarios:
#   enumerate     every CIM_ComputerSystem (the host and N + 4 virtual systems)
#   associators   AssociatedInstances from the host through CIM_HostedDependency, ResultClassName
#                 CIM_ComputerSystem (DSP1042 9.2.16): the N + 4 virtual systems
#   wql           SELECT * FROM CIM_ComputerSystem WHERE ElementName LIKE 'load%': the N load systems
# Reports instances per second (items / wall time of one whole enumeration, median over the runs), the time
# to the first reply, the server's CPU time per instance and its resident memory, as a Markdown table also
# written to bench/results/enumerate-latest.md. The goal line checks enumerate and associators against
# 50,000 instances/s. Fails (non-zero exit) on a build/start failure, a reply that is not 200, a wrong item
# count, a server crash or an error in the server log.
#
# Usage: bench/enumerate.sh [--systems N] [--repeat N] [--warmup S] [--parallel N] [--scenarios "S ..."] [--quick]
#   --systems N      extra simulated systems (--seed-systems; default 10000)
#   --repeat N       measured runs per scenario (default 15; the median is reported)
#   --warmup S       seconds of unmeasured runs per scenario first (default 5: the server's code reaches its
#                    optimized tier only after a few seconds of work; the first run's rate is reported as "cold")
#   --parallel N     a run is N whole enumerations at once, each on its own connection (default 1); instances/s
#                    is then over all N
#   --scenarios "…"  which scenarios (default "enumerate associators wql")
#   --quick          1,000 systems, 1 s warm-up, 1 run: a smoke check, not a measurement
# Environment: WSMAN_PORT (default 18987), RESULTS (default bench/results/enumerate-latest.md),
#   MAX_ENVELOPE_KB (the server's --max-envelope-size-kb, default its own 500).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
BENCH="$ROOT/bench"
WSMAN_PORT="${WSMAN_PORT:-18987}"
RESULTS="${RESULTS:-$BENCH/results/enumerate-latest.md}"
SYSTEMS=10000
REPEAT=15
WARMUP=5
PARALLEL=1
SCENARIOS=(enumerate associators wql)
GOAL=50000
QUICK=0
COMMAND="bench/enumerate.sh${*:+ $*}"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --systems) SYSTEMS="${2:?--systems needs a value}"; shift 2 ;;
    --repeat) REPEAT="${2:?--repeat needs a value}"; shift 2 ;;
    --warmup) WARMUP="${2:?--warmup needs a value}"; shift 2 ;;
    --parallel) PARALLEL="${2:?--parallel needs a value}"; shift 2 ;;
    --scenarios) read -r -a SCENARIOS <<<"${2:?--scenarios needs a value}"; shift 2 ;;
    --quick) SYSTEMS=1000; REPEAT=1; WARMUP=1; QUICK=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "enumerate.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[[ "$SYSTEMS" =~ ^[0-9]+$ && "$SYSTEMS" -le 1000000 ]] || { echo "enumerate.sh: --systems is a whole number up to 1000000" >&2; exit 2; }
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || { echo "enumerate.sh: --repeat is a whole number >= 1" >&2; exit 2; }
[[ "$WARMUP" =~ ^[0-9]+$ ]] || { echo "enumerate.sh: --warmup is a whole number of seconds" >&2; exit 2; }
[[ "$PARALLEL" =~ ^[1-9][0-9]*$ ]] || { echo "enumerate.sh: --parallel is a whole number >= 1" >&2; exit 2; }
[[ ${#SCENARIOS[@]} -gt 0 ]] || { echo "enumerate.sh: --scenarios lists none" >&2; exit 2; }
for s in "${SCENARIOS[@]}"; do
  [[ "$s" == enumerate || "$s" == associators || "$s" == wql ]] || { echo "enumerate.sh: unknown scenario '$s'" >&2; exit 2; }
done
command -v dotnet >/dev/null || { echo "enumerate.sh: 'dotnet' not found" >&2; exit 1; }

WORK="$(mktemp -d -t wsmansvp-enumerate.XXXXXX)"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_free "$WSMAN_PORT" || { echo "enumerate.sh: port $WSMAN_PORT is in use (set WSMAN_PORT)" >&2; exit 1; }

echo "== building (Release)" >&2
dotnet build "$ROOT/src/WsManSvp.Server/WsManSvp.Server.csproj" -c Release -nologo -v q >"$WORK/build-server.log" 2>&1 \
  || { cat "$WORK/build-server.log" >&2; echo "enumerate.sh: WsManSvp.Server build failed" >&2; exit 1; }
dotnet build "$BENCH/EnumerateClient/EnumerateClient.csproj" -c Release -nologo -v q >"$WORK/build-client.log" 2>&1 \
  || { cat "$WORK/build-client.log" >&2; echo "enumerate.sh: EnumerateClient build failed" >&2; exit 1; }
SERVER_DLL="$ROOT/src/WsManSvp.Server/bin/Release/net10.0/WsManSvp.Server.dll"
CLIENT_DLL="$BENCH/EnumerateClient/bin/Release/net10.0/EnumerateClient.dll"

export WSMANSVP_USER=bench
WSMANSVP_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
export WSMANSVP_PASSWORD
URL="http://127.0.0.1:$WSMAN_PORT/wsman"
HOST_NAME=host1
SERVER_ARGS=(--urls "http://127.0.0.1:$WSMAN_PORT" --data-dir "$WORK/data" --host-name "$HOST_NAME" --seed-systems "$SYSTEMS")
[[ -n "${MAX_ENVELOPE_KB:-}" ]] && SERVER_ARGS+=(--max-envelope-size-kb "$MAX_ENVELOPE_KB")

echo "== starting WsManSvp.Server on $URL with $SYSTEMS extra systems" >&2
dotnet "$SERVER_DLL" "${SERVER_ARGS[@]}" >"$WORK/wsmansvp.log" 2>&1 &
SERVER_PID=$!
# The server seeds its systems before it listens: once the port accepts, it is ready.
for ((i = 0; ; i++)); do
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "enumerate.sh: the server exited during start-up:" >&2; cat "$WORK/wsmansvp.log" >&2; exit 1; }
  (exec 3<>"/dev/tcp/127.0.0.1/$WSMAN_PORT") 2>/dev/null && break
  [[ $i -lt 1200 ]] || { echo "enumerate.sh: the server did not listen within 120 s:" >&2; cat "$WORK/wsmansvp.log" >&2; exit 1; }
  sleep 0.1
done
RSS_IDLE="$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status")"

expected() { # scenario -> items one enumeration returns
  case "$1" in
    enumerate) echo $((SYSTEMS + 5)) ;;
    associators) echo $((SYSTEMS + 4)) ;;
    wql) echo "$SYSTEMS" ;;
  esac
}

FAILED=0
ROWS=()
GOALS=()
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
for s in "${SCENARIOS[@]}"; do
  echo "   $s: ${WARMUP} s of warm-up, then $REPEAT measured enumerations (parallel $PARALLEL)" >&2
  if ! out="$(dotnet "$CLIENT_DLL" --url "$URL" --scenario "$s" --host-name "$HOST_NAME" --repeat "$REPEAT" --warmup "$WARMUP" \
      --parallel "$PARALLEL" --expect "$(expected "$s")" --server-pid "$SERVER_PID" 2>&1)"; then
    echo "enumerate.sh: $s failed:" >&2; echo "$out" >&2
    FAILED=1; ROWS+=("| $s | - | - | - | - | - | - | - | - | - | - | client failed |"); continue
  fi
  echo "$out" | grep '^RUN ' | sed 's/^/      /' >&2
  line="$(grep '^RESULT ' <<<"$out")"
  field() { sed -E "s/.* $1=([^ ]+).*/\1/" <<<"$line"; }
  items="$(field items)"; trips="$(field round_trips)"; bytes="$(field reply_bytes)"
  median="$(field median_ips)"; min="$(field min_ips)"; max="$(field max_ips)"
  seconds="$(field median_seconds)"; first="$(field median_first_ms)"
  server_cpu="$(field server_cpu_us_per_item)"; client_cpu="$(field client_cpu_ms_per_run)"
  hwm="$(field server_hwm_mib)"; cold="$(field cold_ips)"; warm_runs="$(field warmup_runs)"
  ROWS+=("$(awk -v s="$s" -v n="$items" -v t="$trips" -v b="$bytes" -v med="$median" -v lo="$min" -v hi="$max" -v sec="$seconds" \
    -v f="$first" -v sc="$server_cpu" -v cc="$client_cpu" -v hwm="$hwm" -v cold="$cold" -v wr="$warm_runs" 'BEGIN {
      printf "| %s | %d | %d | %.1f | %d | %d–%d | %.3f | %.1f | %s | %s | %s | %s (%d runs) |", s, n, t, b / 1048576, med, lo, hi, sec, f, sc, cc, hwm, cold, wr }')")
  if [[ "$s" == enumerate || "$s" == associators ]]; then
    GOALS+=("$(awk -v s="$s" -v med="$median" -v g="$GOAL" -v q="$QUICK" 'BEGIN {
      printf "| %s | %d | %s |", s, med, (q ? "not judged (--quick)" : med >= g ? "met (>= " g ")" : "missed (< " g ")") }')")
  fi
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

kill -0 "$SERVER_PID" 2>/dev/null || { echo "enumerate.sh: the server died during the run" >&2; FAILED=1; }
if grep -qE '^(fail|crit):' "$WORK/wsmansvp.log"; then
  echo "enumerate.sh: WsManSvp.Server logged errors:" >&2; cat "$WORK/wsmansvp.log" >&2; FAILED=1
fi

commit="$(bench_source)"
REPORT="$WORK/report.md"
{
  echo "# WsManSvp enumeration benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Command: \`$COMMAND\` (${WARMUP} s of warm-up, then $REPEAT measured runs per scenario; a run is $PARALLEL whole enumeration(s) at once, each on its own keep-alive HTTP/1.1 connection, Basic)"
  echo "- Machine: $(bench_machine)"
  echo "- Source: $commit; server and client share the machine; server --seed-systems $SYSTEMS${MAX_ENVELOPE_KB:+, --max-envelope-size-kb $MAX_ENVELOPE_KB}"
  echo "- Load average (1/5/15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER"
  echo "- Server resident memory: ${RSS_IDLE} MiB after start-up (seeded, idle)"
  echo
  echo "| Scenario | Instances per run | Round trips | Reply MiB | Median instances/s | Min–max | Median s per run | First reply ms | Server CPU µs/instance | Client CPU ms/run | Server peak RSS MiB | Cold instances/s (warm-up runs) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  if [[ ${#GOALS[@]} -gt 0 ]]; then
    echo
    echo "| Scenario | Median instances/s | Goal |"
    echo "|---|---:|---|"
    printf '%s\n' "${GOALS[@]}"
  fi
} >"$REPORT"

bench_publish "$REPORT" "$RESULTS" "$FAILED" enumerate.sh

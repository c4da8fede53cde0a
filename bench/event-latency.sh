#!/usr/bin/env bash
# WsManSvp's event delivery: from a backend event to the subscriber having it (see docs/PERFORMANCE.md).
#
# Builds bench/EventLatency (and with it WsManSvp.Server) in Release and runs it: the real server in that process
# (simulator backend, a temporary data directory and user) and an event sink (Kestrel) on loopback in the same
# process. Subscriptions select SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ComputerSystem; the
# backend events are a seeded running system paused and resumed in turn through the server's IHypervisor, each timed
# from just before the call:
#   Push      one subscriber; until the sink has the delivery
#   Events    the same in the Events mode (MaxElements 16, no MaxTime: whatever is logged goes at once; acked)
#   Pull      a Pull left waiting in the service; until its reply is in
#   fan-out   N Push subscriptions to the sink (told apart by a reference parameter), one event per round: each
#             subscriber's latency, the time to the last delivery, CPU per delivery, memory
# Reports p50/p90/p99/max against the goal (p99 under 50 ms) as a Markdown table also written to
# bench/results/event-latency-latest.md. Fails (non-zero exit) on a build failure, a reply that is not 200, a missing,
# doubled or unexpected delivery, a message the sink cannot read, or an error in the server's log.
#
# Usage: bench/event-latency.sh [--events N] [--warmup N] [--subscribers N] [--rounds N] [--quick]
#   --events N        measured events per delivery mode (default 500)
#   --warmup N        unmeasured events per mode first (default 100)
#   --subscribers N   fan-out subscriptions (default 1000)
#   --rounds N        measured fan-out rounds, each one event (default 20, after 2 unmeasured)
#   --quick           50 events after 10, 100 subscribers, 3 rounds: a smoke check, not a measurement
# Environment: RESULTS (default bench/results/event-latency-latest.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
BENCH="$ROOT/bench"
RESULTS="${RESULTS:-$BENCH/results/event-latency-latest.md}"
ARGS=()
COMMAND="bench/event-latency.sh${*:+ $*}"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --events|--warmup|--subscribers|--rounds)
      [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || { echo "event-latency.sh: $1 is a whole number >= 1" >&2; exit 2; }
      ARGS+=("$1" "$2"); shift 2 ;;
    --quick) ARGS+=(--quick); shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "event-latency.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
command -v dotnet >/dev/null || { echo "event-latency.sh: 'dotnet' not found" >&2; exit 1; }

WORK="$(mktemp -d -t wsmansvp-event-latency.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

echo "== building (Release)" >&2
dotnet build "$BENCH/EventLatency/EventLatency.csproj" -c Release -nologo -v q >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; echo "event-latency.sh: build failed" >&2; exit 1; }

echo "== running" >&2
UPTIME_BEFORE="$(uptime)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
FAILED=0
# The server runs inside the bench: its log (warnings and up) goes to the bench's output.
Logging__LogLevel__Default=Warning dotnet "$BENCH/EventLatency/bin/Release/net10.0/EventLatency.dll" \
  --table "$WORK/table.md" "${ARGS[@]}" >"$WORK/run.log" 2>&1 || FAILED=1
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
grep -v '^|' "$WORK/run.log" | grep -v '^$' | grep -v '^Fan-out set-up' >&2 || true
if grep -qE '^(fail|crit):' "$WORK/run.log"; then
  echo "event-latency.sh: the server logged errors (above)" >&2; FAILED=1
fi

commit="$(bench_source)"
REPORT="$WORK/report.md"
{
  echo "# WsManSvp event latency benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Command: \`$COMMAND\`"
  echo "- Machine: $(bench_machine)"
  echo "- Source: $commit; server, sink and bench share one process and the machine"
  echo "- uptime before: \`${UPTIME_BEFORE# }\`"
  echo "- Load average (1/5/15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER"
  echo
  [[ -f "$WORK/table.md" ]] && cat "$WORK/table.md"
} >"$REPORT"

bench_publish "$REPORT" "$RESULTS" "$FAILED" event-latency.sh

#!/usr/bin/env bash
# WsManSvp's overhead over the raw libvirt calls on the libvirt backend (see docs/PERFORMANCE.md).
#
# Builds bench/LibvirtOverhead (and with it WsManSvp.Server) in Release and runs it: it lays down a libvirt
# test-driver node file with 100 domains (every other one running, the rest shut off; a storage pool, a
# network), starts the real server in its own process on loopback with --backend libvirt over that file and a
# user, and opens a second connection to the same file through the adapter's P/Invokes (an identical fresh
# host) for the raw side. For each operation, after a warm-up, N iterations of the raw libvirt calls the adapter
# makes and then the WS-Man request, one after the other on one keep-alive HTTP/1.1 connection (Basic):
#   Get                 virDomainLookupByUUIDString, virDomainGetState, the XML (inactive, then live) and each
#                       disk's volume once (the storage pools are cached)   vs  WS-Transfer Get of the system's
#                       CIM_ComputerSystem
#   Enumerate           virConnectListAllDomains and the same reads per domain listed   vs  optimized Enumerate of
#                       every CIM_ComputerSystem (the host and the 100), MaxElements large enough for one round trip
#   RequestStateChange  virDomainSuspend, then virDomainResume   vs  RequestStateChange(9), then (2), each job
#                       polled with back-to-back Gets until Completed; per call
# Reports p50/p90/p99/max per side and the overhead (service − raw) at p50 and p99 against the goal (p99 under
# 5 ms; for RequestStateChange the time to job Completed is judged), as a Markdown table also written to
# bench/results/libvirt-overhead-latest.md. Fails (non-zero exit) on a build failure, a reply that is not 200, a
# wrong item count, a job not Completed, or an error in the server's log.
#
# Usage: bench/libvirt-overhead.sh [--iterations N] [--warmup S] [--quick]
#   --iterations N   measured iterations per operation (default 3000)
#   --warmup S       seconds of unmeasured iterations per operation first (default 5)
#   --quick          300 iterations after 1 s: a smoke check, not a measurement
# Environment: RESULTS (default bench/results/libvirt-overhead-latest.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
BENCH="$ROOT/bench"
RESULTS="${RESULTS:-$BENCH/results/libvirt-overhead-latest.md}"
ITERATIONS=3000
WARMUP=5
QUICK=()
COMMAND="bench/libvirt-overhead.sh${*:+ $*}"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --iterations) ITERATIONS="${2:?--iterations needs a value}"; shift 2 ;;
    --warmup) WARMUP="${2:?--warmup needs a value}"; shift 2 ;;
    --quick) ITERATIONS=300; WARMUP=1; QUICK=(--quick); shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "libvirt-overhead.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[[ "$ITERATIONS" =~ ^[1-9][0-9]*$ ]] || { echo "libvirt-overhead.sh: --iterations is a whole number >= 1" >&2; exit 2; }
[[ "$WARMUP" =~ ^[0-9]+$ ]] || { echo "libvirt-overhead.sh: --warmup is a whole number of seconds" >&2; exit 2; }
command -v dotnet >/dev/null || { echo "libvirt-overhead.sh: 'dotnet' not found" >&2; exit 1; }

WORK="$(mktemp -d -t wsmansvp-libvirt-overhead.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

echo "== building (Release)" >&2
dotnet build "$BENCH/LibvirtOverhead/LibvirtOverhead.csproj" -c Release -nologo -v q >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; echo "libvirt-overhead.sh: build failed" >&2; exit 1; }

echo "== running: ${WARMUP} s warm-up, then $ITERATIONS iterations per operation" >&2
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
FAILED=0
# The server runs inside the bench: its log (warnings and up) goes to the bench's output.
Logging__LogLevel__Default=Warning dotnet "$BENCH/LibvirtOverhead/bin/Release/net10.0/LibvirtOverhead.dll" \
  --table "$WORK/table.md" --iterations "$ITERATIONS" --warmup "$WARMUP" "${QUICK[@]}" >"$WORK/run.log" 2>&1 || FAILED=1
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
grep -v '^|' "$WORK/run.log" | grep -v '^$' | grep -v ': .* job Gets per call' >&2 || true
if grep -qE '^(fail|crit):' "$WORK/run.log"; then
  echo "libvirt-overhead.sh: the server logged errors (above)" >&2; FAILED=1
fi

commit="$(bench_source)"
libvirt="$(virsh --version 2>/dev/null || echo unknown)"
REPORT="$WORK/report.md"
{
  echo "# WsManSvp libvirt overhead benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Command: \`$COMMAND\` (${WARMUP} s of warm-up, then $ITERATIONS iterations per operation; one keep-alive HTTP/1.1 connection, Basic)"
  echo "- Machine: $(bench_machine); libvirt $libvirt (test driver)"
  echo "- Source: $commit; server, raw side and client share one process and the machine"
  echo "- Load average (1/5/15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER"
  echo
  [[ -f "$WORK/table.md" ]] && cat "$WORK/table.md"
} >"$REPORT"

bench_publish "$REPORT" "$RESULTS" "$FAILED" libvirt-overhead.sh

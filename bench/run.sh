#!/usr/bin/env bash
# WsManSvp throughput/latency benchmark (see docs/PERFORMANCE.md).
#
# Builds WsManSvp.Server and bench/BareKestrel in Release, starts both on loopback, and drives them with
# wrk (bench/wrk/soap.lua) at 16 and 64 connections (-t2; see --connections):
#   Identify             the wsmancli Identify envelope (SOAP pipeline and auth, no CIM work)
#   Get                  the wsmancli Get of CIM_ComputerSystem host1
#   Enumerate            optimized Enumerate of CIM_ComputerSystem, EnumerateObjectAndEPR, MaxElements
#                        large enough that every reply carries all items and EndOfSequence (one round trip)
#   bare Kestrel         the same Get body to a Kestrel endpoint that only reads it and writes a reply of
#                        the same size as WsManSvp's Get reply
# and prints a Markdown table plus the ratio Get rps / bare Kestrel rps, also written to
# bench/results/latest.md. The table also gives each server's CPU time per request (from /proc/PID/stat),
# which is less sensitive than requests/s to other work on the machine. Fails (non-zero exit) on any
# build/start failure, non-2xx reply, socket error, server crash or error in the server log.
#
# Usage: bench/run.sh [--duration SECONDS] [--warmup SECONDS] [--quick] [--connections "N ..."]
#   --duration S   seconds per measured run (default 10)
#   --warmup S     seconds of unmeasured load before each run (default 3)
#   --quick        1 s runs after 1 s warm-ups: a smoke check, not a measurement
#   --connections "N ..."  connection counts to run (default "16 64"); each must be >= the wrk threads
# Environment: WSMAN_PORT (default 18985), BARE_PORT (default 18986), WRK_THREADS (default 2),
#   RESULTS (default bench/results/latest.md), INTEROP_DIR (default ../shared/interop).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
BENCH="$ROOT/bench"
INTEROP="${INTEROP_DIR:-$ROOT/../shared/interop}"
WSMAN_PORT="${WSMAN_PORT:-18985}"
BARE_PORT="${BARE_PORT:-18986}"
THREADS="${WRK_THREADS:-2}"
RESULTS="${RESULTS:-$BENCH/results/latest.md}"
DURATION=10
WARMUP=3
CONCURRENCY=(16 64)
COMMAND="bench/run.sh${*:+ $*}"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION="${2:?--duration needs a value}"; shift 2 ;;
    --warmup) WARMUP="${2:?--warmup needs a value}"; shift 2 ;;
    --quick) DURATION=1; WARMUP=1; shift ;;
    --connections) read -r -a CONCURRENCY <<<"${2:?--connections needs a value}"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[[ "$DURATION" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --duration is a whole number of seconds" >&2; exit 2; }
[[ "$WARMUP" =~ ^[0-9]+$ ]] || { echo "run.sh: --warmup is a whole number of seconds" >&2; exit 2; }
[[ ${#CONCURRENCY[@]} -gt 0 ]] || { echo "run.sh: --connections lists no connection count" >&2; exit 2; }
for c in "${CONCURRENCY[@]}"; do
  [[ "$c" =~ ^[1-9][0-9]*$ && "$c" -ge "$THREADS" ]] || { echo "run.sh: connection count '$c' is not a whole number >= $THREADS" >&2; exit 2; }
done

for tool in dotnet wrk curl base64; do
  command -v "$tool" >/dev/null || { echo "run.sh: '$tool' not found (wrk: apt-get install wrk)" >&2; exit 1; }
done
for f in get_selectors.xml enumerate_optimize_objepr_max2-1.xml identify.xml; do
  [[ -f "$INTEROP/wsmancli/$f" ]] || { echo "run.sh: missing $INTEROP/wsmancli/$f" >&2; exit 1; }
done

WORK="$(mktemp -d -t wsmansvp-bench.XXXXXX)"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_free "$WSMAN_PORT" || { echo "run.sh: port $WSMAN_PORT is in use (set WSMAN_PORT)" >&2; exit 1; }
port_free "$BARE_PORT" || { echo "run.sh: port $BARE_PORT is in use (set BARE_PORT)" >&2; exit 1; }

echo "== building (Release)" >&2
dotnet build "$ROOT/src/WsManSvp.Server/WsManSvp.Server.csproj" -c Release -nologo -v q >"$WORK/build-server.log" 2>&1 \
  || { cat "$WORK/build-server.log" >&2; echo "run.sh: WsManSvp.Server build failed" >&2; exit 1; }
dotnet build "$BENCH/BareKestrel/BareKestrel.csproj" -c Release -nologo -v q >"$WORK/build-bare.log" 2>&1 \
  || { cat "$WORK/build-bare.log" >&2; echo "run.sh: BareKestrel build failed" >&2; exit 1; }
SERVER_DLL="$ROOT/src/WsManSvp.Server/bin/Release/net10.0/WsManSvp.Server.dll"
BARE_DLL="$BENCH/BareKestrel/bin/Release/net10.0/BareKestrel.dll"

USER_NAME=bench
PASSWORD="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
AUTH="Basic $(printf '%s:%s' "$USER_NAME" "$PASSWORD" | base64 -w0)"
WSMAN_URL="http://127.0.0.1:$WSMAN_PORT/wsman"
BARE_URL="http://127.0.0.1:$BARE_PORT/wsman"

# The captured envelopes, addressed to this run's endpoint; Enumerate asks for every item at once.
sed "s#http://127.0.0.1:15990/wsman#$WSMAN_URL#" "$INTEROP/wsmancli/get_selectors.xml" >"$WORK/get.xml"
sed "s#http://127.0.0.1:15990/wsman#$WSMAN_URL#; s#<wsman:MaxElements>2</wsman:MaxElements>#<wsman:MaxElements>10000</wsman:MaxElements>#" \
  "$INTEROP/wsmancli/enumerate_optimize_objepr_max2-1.xml" >"$WORK/enumerate.xml"
cp "$INTEROP/wsmancli/identify.xml" "$WORK/identify.xml"
grep -q '<wsman:MaxElements>10000</wsman:MaxElements>' "$WORK/enumerate.xml" || { echo "run.sh: could not set MaxElements" >&2; exit 1; }

# post URL BODY_FILE OUT_FILE [AUTH] -> prints "STATUS BYTES"
post() {
  local auth=()
  [[ -n "${4:-}" ]] && auth=(-H "Authorization: $4")
  curl -s -o "$3" -w '%{http_code} %{size_download}\n' -X POST "${auth[@]}" \
    -H 'Content-Type: application/soap+xml;charset=UTF-8' --data-binary "@$2" "$1" || echo "000 0"
}

# wait_ready NAME PID URL BODY [AUTH]
wait_ready() {
  local i
  for ((i = 0; i < 300; i++)); do
    kill -0 "$2" 2>/dev/null || { echo "run.sh: $1 exited during start-up:" >&2; cat "$WORK/$1.log" >&2; exit 1; }
    [[ "$(post "$3" "$4" /dev/null "${5:-}")" == 200\ * ]] && return 0
    sleep 0.1
  done
  echo "run.sh: $1 did not answer within 30 s:" >&2; cat "$WORK/$1.log" >&2; exit 1
}

echo "== starting WsManSvp.Server on $WSMAN_URL" >&2
WSMANSVP_USER="$USER_NAME" WSMANSVP_PASSWORD="$PASSWORD" \
  dotnet "$SERVER_DLL" --urls "http://127.0.0.1:$WSMAN_PORT" --data-dir "$WORK/data" --host-name host1 \
  >"$WORK/wsmansvp.log" 2>&1 &
PIDS+=($!)
wait_ready wsmansvp "${PIDS[0]}" "$WSMAN_URL" "$WORK/identify.xml" "$AUTH"

# The Get reply size sets the bare endpoint's reply size.
read -r status GET_BYTES < <(post "$WSMAN_URL" "$WORK/get.xml" "$WORK/get-reply.xml" "$AUTH")
[[ "$status" == 200 ]] && grep -q 'transfer/GetResponse' "$WORK/get-reply.xml" \
  || { echo "run.sh: Get answered $status:" >&2; cat "$WORK/get-reply.xml" >&2; exit 1; }
read -r status ENUM_BYTES < <(post "$WSMAN_URL" "$WORK/enumerate.xml" "$WORK/enumerate-reply.xml" "$AUTH")
[[ "$status" == 200 ]] && grep -q 'EndOfSequence' "$WORK/enumerate-reply.xml" \
  || { echo "run.sh: optimized Enumerate answered $status without EndOfSequence:" >&2; cat "$WORK/enumerate-reply.xml" >&2; exit 1; }
ENUM_ITEMS="$(grep -o '<wsman:Item>' "$WORK/enumerate-reply.xml" | wc -l)"
read -r status IDENTIFY_BYTES < <(post "$WSMAN_URL" "$WORK/identify.xml" /dev/null "$AUTH")
echo "   Get reply $GET_BYTES bytes; Enumerate reply $ENUM_BYTES bytes ($ENUM_ITEMS items); Identify reply $IDENTIFY_BYTES bytes" >&2

echo "== starting BareKestrel on $BARE_URL (reply $GET_BYTES bytes)" >&2
dotnet "$BARE_DLL" "$BARE_PORT" "$GET_BYTES" >"$WORK/bare.log" 2>&1 &
PIDS+=($!)
wait_ready bare "${PIDS[1]}" "$BARE_URL" "$WORK/get.xml"
read -r status bare_bytes < <(post "$BARE_URL" "$WORK/get.xml" /dev/null)
[[ "$status" == 200 && "$bare_bytes" == "$GET_BYTES" ]] \
  || { echo "run.sh: BareKestrel answered $status with $bare_bytes bytes, expected 200 with $GET_BYTES" >&2; exit 1; }

FAILED=0
ROWS=()
declare -A RPS

CLK_TCK="$(getconf CLK_TCK)"
# cpu_ticks PID -> user+system clock ticks the process has used so far
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# measure LABEL KEY URL BODY CONNECTIONS PID [AUTH]
measure() {
  local label="$1" key="$2" url="$3" body="$4" c="$5" pid="$6" auth="${7:-}" out line ticks
  if [[ "$WARMUP" -gt 0 ]]; then
    echo "   warm-up  $label -c$c ${WARMUP}s" >&2
    out="$(wrk -t"$THREADS" -c"$c" -d"${WARMUP}s" -s "$BENCH/wrk/soap.lua" "$url" -- "$body" "$auth" 2>&1)" || true
    line="$(grep '^RESULT ' <<<"$out" || true)"
    if [[ -z "$line" || "$line" != *" non2xx=0" ]]; then
      echo "run.sh: warm-up of $label -c$c failed:" >&2; echo "$out" >&2; FAILED=1
    fi
  fi
  echo "   measure  $label -c$c ${DURATION}s" >&2
  ticks="$(cpu_ticks "$pid")"
  out="$(wrk -t"$THREADS" -c"$c" -d"${DURATION}s" -s "$BENCH/wrk/soap.lua" "$url" -- "$body" "$auth" 2>&1)" || true
  ticks=$(( $(cpu_ticks "$pid") - ticks ))
  line="$(grep '^RESULT ' <<<"$out" || true)"
  if [[ -z "$line" ]]; then
    echo "run.sh: wrk gave no result for $label -c$c:" >&2; echo "$out" >&2
    FAILED=1; ROWS+=("| $label | $c | - | - | - | - | wrk failed |"); return
  fi
  local requests rps p50 p99 sockerr non2xx
  requests="$(sed -E 's/.* requests=([0-9]+).*/\1/' <<<"$line")"
  rps="$(sed -E 's/.* rps=([0-9.]+).*/\1/' <<<"$line")"
  p50="$(sed -E 's/.* p50_ms=([0-9.]+).*/\1/' <<<"$line")"
  p99="$(sed -E 's/.* p99_ms=([0-9.]+).*/\1/' <<<"$line")"
  sockerr="$(sed -E 's/.* socket_errors=([0-9]+).*/\1/' <<<"$line")"
  non2xx="$(sed -E 's/.* non2xx=([0-9]+).*/\1/' <<<"$line")"
  if [[ "$requests" -eq 0 || "$sockerr" -ne 0 || "$non2xx" -ne 0 ]]; then
    echo "run.sh: $label -c$c: $requests requests, $sockerr socket errors, $non2xx non-2xx" >&2; FAILED=1
  fi
  RPS[$key-$c]="$rps"
  local cpu_us="-"
  [[ "$requests" -gt 0 ]] && cpu_us="$(awk -v t="$ticks" -v hz="$CLK_TCK" -v n="$requests" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')"
  ROWS+=("$(printf '| %s | %d | %.0f | %.2f | %.2f | %s | %d / %d |' "$label" "$c" "$rps" "$p50" "$p99" "$cpu_us" "$sockerr" "$non2xx")")
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== running wrk -t$THREADS, ${DURATION}s per run after ${WARMUP}s warm-up" >&2
for c in "${CONCURRENCY[@]}"; do
  # Get and its baseline back to back, so a change in background load hits both alike.
  measure "Transfer Get (CIM_ComputerSystem host1)" get "$WSMAN_URL" "$WORK/get.xml" "$c" "${PIDS[0]}" "$AUTH"
  measure "Bare Kestrel (same Get body, $GET_BYTES-byte reply)" bare "$BARE_URL" "$WORK/get.xml" "$c" "${PIDS[1]}"
  measure "Optimized Enumerate (CIM_ComputerSystem, $ENUM_ITEMS items)" enumerate "$WSMAN_URL" "$WORK/enumerate.xml" "$c" "${PIDS[0]}" "$AUTH"
  measure "Identify" identify "$WSMAN_URL" "$WORK/identify.xml" "$c" "${PIDS[0]}" "$AUTH"
done

# The servers must still be up (a crash mid-run would otherwise show only as socket errors).
for pid in "${PIDS[@]}"; do
  kill -0 "$pid" 2>/dev/null || { echo "run.sh: a server (pid $pid) died during the run" >&2; FAILED=1; }
done
if grep -qE '^(fail|crit):' "$WORK/wsmansvp.log"; then
  echo "run.sh: WsManSvp.Server logged errors:" >&2; cat "$WORK/wsmansvp.log" >&2; FAILED=1
fi

commit="$(bench_source)"

LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
REPORT="$WORK/report.md"
{
  echo "# WsManSvp benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Command: \`$COMMAND\` (wrk -t$THREADS, ${DURATION} s per run after a ${WARMUP} s warm-up, keep-alive)"
  echo "- Machine: $(bench_machine); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "- Source: $commit; server and load generator share the machine"
  echo "- Load average (1/5/15 min) before the runs: $LOAD_BEFORE; after: $LOAD_AFTER (anything well above 2 means other work shared the CPUs)"
  echo "- Replies: Get $GET_BYTES bytes, Enumerate $ENUM_BYTES bytes ($ENUM_ITEMS items, EndOfSequence), Identify $IDENTIFY_BYTES bytes, bare Kestrel $GET_BYTES bytes"
  echo
  echo "| Operation | Connections | Requests/s | p50 ms | p99 ms | Server CPU µs/request | Socket errors / non-2xx |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "| Connections | Get rps / bare Kestrel rps | Goal |"
  echo "|---:|---:|---|"
  for c in "${CONCURRENCY[@]}"; do
    if [[ -n "${RPS[get-$c]:-}" && -n "${RPS[bare-$c]:-}" ]]; then
      ratio="$(awk -v a="${RPS[get-$c]}" -v b="${RPS[bare-$c]}" 'BEGIN { printf "%.2f", a / b }')"
      verdict="$(awk -v r="$ratio" 'BEGIN { print (r >= 0.5 ? "met (>= 0.50)" : "missed (< 0.50)") }')"
      echo "| $c | $ratio | $verdict |"
    else
      echo "| $c | - | no result |"
    fi
  done
} >"$REPORT"

bench_publish "$REPORT" "$RESULTS" "$FAILED" run.sh

#!/usr/bin/env bash
# The test command: installs what the tiers need, builds once, runs every tier, and ends with the
# totals over all tiers on one line: "N passed, N failed, N skipped". Under CI=true a skipped test
# counts as a failure: nothing may skip silently.
set -uo pipefail
cd "$(dirname "$0")"

results=artifacts/test-results
rm -rf "$results" && mkdir -p "$results"

need_packages=()
/usr/bin/python3 -c 'import winrm' 2>/dev/null || need_packages+=(python3-winrm)
command -v wrk >/dev/null 2>&1 || need_packages+=(wrk)
# The libvirt backend's tests run on libvirt's test driver, which is part of the library.
ldconfig -p | grep -q 'libvirt\.so\.0 ' || need_packages+=(libvirt0)
command -v virsh >/dev/null 2>&1 || need_packages+=(libvirt-clients)
if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing ${need_packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get install -y --no-install-recommends "${need_packages[@]}" || { apt-get update && apt-get install -y --no-install-recommends "${need_packages[@]}"; }; } >"$results/apt.log" 2>&1 \
      || { echo "test.sh: apt-get could not install ${need_packages[*]} (see $results/apt.log)"; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "test.sh: missing ${need_packages[*]}; install them (Debian: apt-get install ${need_packages[*]}) or run this as root to have it done."
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

echo "== build"
if ! dotnet build WsManSvp.sln -c Release -nologo -v quiet >"$results/build.log" 2>&1; then
  tail -40 "$results/build.log"
  echo "0 passed, 1 failed"
  exit 1
fi

total_passed=0 total_failed=0 total_skipped=0
run_tier() { # name, [--filter EXPR], projects...: runs each project's tests and adds their counts
  local tier=$1; shift
  local filter=()
  if [ "${1:-}" = "--filter" ]; then filter=(--filter "$2"); shift 2; fi
  for project in "$@"; do
    local name; name=$(basename "$project")
    # One trx per tier and project: two tiers may run the same project with different filters.
    local trx="$tier-$name.trx"
    dotnet test "$project" -c Release --no-build -nologo "${filter[@]}" \
      --logger "trx;LogFileName=$trx" --logger "console;verbosity=minimal" \
      --results-directory "$results" 2>&1 | grep -E '^\s*(Failed|Passed!|Failed!|Skipped) |error|Error Message|Assert' | head -60
    local counts
    counts=$(python3 - "$results/$trx" <<'PY'
import sys, xml.etree.ElementTree as ET
try:
    c = ET.parse(sys.argv[1]).getroot().find('{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}ResultSummary/{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}Counters')
    total, passed, failed = int(c.get('total')), int(c.get('passed')), int(c.get('failed')) + int(c.get('error')) + int(c.get('timeout')) + int(c.get('aborted'))
    print(passed, failed, total - passed - failed) if total else print(0, 1, 0)  # a filter that matched nothing is a failure too
except Exception:
    print(0, 1, 0)  # the run produced no results: count it as a failure
PY
)
    read -r p f s <<<"$counts"
    echo "   $name: $p passed, $f failed, $s skipped"
    total_passed=$((total_passed + p)); total_failed=$((total_failed + f)); total_skipped=$((total_skipped + s))
  done
}

echo "== tier: unit"
run_tier unit tests/WsManSvp.Storage.Tests tests/WsManSvp.Cim.Tests tests/WsManSvp.Hypervisor.Tests tests/WsManSvp.Hypervisor.Libvirt.Tests tests/WsManSvp.Virtualization.Tests tests/WsManSvp.WsMan.Tests
echo "== tier: integration"
run_tier integration --filter "Tier!=vm" tests/WsManSvp.Server.Tests

# Real virtual machines on libvirt (qemu TCG), with daemons this script starts as root and stops by PID.
echo "== tier: vm"
vm_script=tests/vm-tier/libvirtd.sh
vm_packages=(libvirt-clients libvirt-daemon libvirt-daemon-driver-qemu qemu-system-x86 qemu-utils)
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  reason="it needs root and apt-get (it installs libvirt and qemu and runs libvirtd for qemu:///system)"
  if [ "${CI:-}" = "true" ]; then
    echo "   vm: failed: $reason"; total_failed=$((total_failed + 1))
  else
    echo "   vm: skipped: $reason"; total_skipped=$((total_skipped + 1))
  fi
else
  missing=()
  for package in "${vm_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  vm_ready=true
  if [ ${#missing[@]} -gt 0 ]; then
    echo "   installing ${missing[*]}"
    { apt-get install -y --no-install-recommends "${missing[@]}" || { apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"; }; } >"$results/apt-vm.log" 2>&1 \
      || { echo "   vm: failed: apt-get could not install ${missing[*]} (see $results/apt-vm.log)"; vm_ready=false; }
  fi
  # Daemons that were already running (an earlier start by hand) are left running.
  vm_started=false
  bash "$vm_script" status >/dev/null 2>&1 || vm_started=true
  if $vm_started; then trap 'bash "$vm_script" stop' EXIT; trap 'exit 130' INT TERM; fi
  if $vm_ready && ! bash "$vm_script" start >"$results/libvirtd-start.log" 2>&1; then
    cat "$results/libvirtd-start.log"; echo "   vm: failed: libvirt did not start"; vm_ready=false
  fi
  if $vm_ready; then
    run_tier vm --filter "Tier=vm" tests/WsManSvp.Server.Tests
  else
    total_failed=$((total_failed + 1))
  fi
  if $vm_started; then bash "$vm_script" stop; trap - EXIT INT TERM; fi
fi

# The benchmark is not a timed test; a one-second run only proves it still works end to end.
echo "== tier: bench smoke"
if RESULTS="$results/bench-smoke.md" bench/run.sh --quick --connections 16 >"$results/bench-smoke.log" 2>&1; then
  echo "   bench/run.sh --quick: passed"; total_passed=$((total_passed + 1))
else
  tail -20 "$results/bench-smoke.log"; echo "   bench/run.sh --quick: failed"; total_failed=$((total_failed + 1))
fi

status=0
[ "$total_failed" -gt 0 ] && status=1
if [ "${CI:-}" = "true" ] && [ "$total_skipped" -gt 0 ]; then
  echo "CI=true: $total_skipped skipped test(s) count as failures."
  total_failed=$((total_failed + total_skipped)); total_skipped=0; status=1
fi
if [ "$total_skipped" -gt 0 ]; then
  echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
else
  echo "$total_passed passed, $total_failed failed"
fi
exit $status

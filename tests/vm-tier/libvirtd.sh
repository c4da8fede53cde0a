#!/usr/bin/env bash
# Runs libvirt for the VM tier without systemd: virtlogd and libvirtd as daemons with PID files, the
# qemu driver running guests as root, and a "default" dir storage pool. Needs root; idempotent.
#
#   libvirtd.sh start              set up, start both daemons (unless running), wait for them, ensure the pool
#   libvirtd.sh stop               stop both by PID (TERM, then KILL)
#   libvirtd.sh restart-libvirtd   start libvirtd again (after it was killed) and wait for it
#   libvirtd.sh status             each daemon's PID or "not running"; exit 1 unless both run
#   libvirtd.sh pid NAME           the PID of virtlogd or libvirtd; exit 1 when it is not running
set -euo pipefail

uri=qemu:///system
run_dir=/run/wsmansvp-vm-tier
pool_dir=/var/lib/libvirt/images
log_dir=/var/log/libvirt
qemu_conf=/etc/libvirt/qemu.conf
ready_timeout=${LIBVIRTD_READY_TIMEOUT:-20}

die() { echo "libvirtd.sh: $*" >&2; exit 1; }

pid_of() { # name: the PID when that daemon runs
  local file="$run_dir/$1.pid" pid
  [ -s "$file" ] || return 1
  pid=$(cat "$file")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$1" ] && echo "$pid"
}

ensure_identity() {
  getent group libvirt-qemu >/dev/null || groupadd --system libvirt-qemu
  id -u libvirt-qemu >/dev/null 2>&1 \
    || useradd --system --gid libvirt-qemu --home-dir /var/lib/libvirt --no-create-home --shell /usr/sbin/nologin libvirt-qemu
}

# Sets one `key = "value"` line of qemu.conf, replacing an existing (or commented-out) one, leaving the rest.
set_qemu_conf() {
  local key=$1 value=$2
  if grep -qE "^[[:space:]]*#?[[:space:]]*$key[[:space:]]*=" "$qemu_conf"; then
    sed -i -E "0,/^[[:space:]]*#?[[:space:]]*$key[[:space:]]*=.*/s//$key = \"$value\"/" "$qemu_conf"
  else
    printf '%s = "%s"\n' "$key" "$value" >>"$qemu_conf"
  fi
}

ensure_files() {
  mkdir -p "$run_dir" "$log_dir" "$pool_dir" /etc/libvirt
  touch "$qemu_conf"
  set_qemu_conf user root
  set_qemu_conf group root
}

# libvirtd --daemon exits 0 even when the daemon dies right after, so readiness is an answered request.
wait_ready() {
  local deadline=$((SECONDS + ready_timeout))
  until timeout 5 virsh -c "$uri" version >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ] || ! pid_of libvirtd >/dev/null; then
      tail -20 "$log_dir/libvirtd.log" >&2 2>/dev/null || true
      die "libvirtd did not answer 'virsh -c $uri version' within ${ready_timeout}s (log: $log_dir/libvirtd.log)"
    fi
    sleep 0.1
  done
}

start_virtlogd() {
  pid_of virtlogd >/dev/null && return
  virtlogd --daemon --pid-file "$run_dir/virtlogd.pid"
}

start_libvirtd() {
  pid_of libvirtd >/dev/null || \
    LIBVIRT_LOG_OUTPUTS="3:file:$log_dir/libvirtd.log" libvirtd --daemon --pid-file "$run_dir/libvirtd.pid"
  # The PID file appears shortly after the fork.
  local deadline=$((SECONDS + 5))
  until pid_of libvirtd >/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || { tail -20 "$log_dir/libvirtd.log" >&2 2>/dev/null || true; die "libvirtd did not start (log: $log_dir/libvirtd.log)"; }
    sleep 0.05
  done
  wait_ready
}

pool_running() { virsh -c "$uri" pool-info default 2>/dev/null | grep -qE '^State:[[:space:]]+running'; }

ensure_pool() {
  if ! virsh -c "$uri" pool-info default >/dev/null 2>&1; then
    virsh -c "$uri" pool-define-as default dir --target "$pool_dir" >/dev/null
  fi
  # A freshly started libvirtd autostarts the pool in the background, so pool-start may lose that race.
  if ! pool_running; then
    if ! virsh -c "$uri" pool-start default >/dev/null 2>&1; then
      local deadline=$((SECONDS + 5))
      until pool_running; do
        [ "$SECONDS" -lt "$deadline" ] || die "could not start the storage pool 'default'"
        sleep 0.1
      done
    fi
  fi
  virsh -c "$uri" pool-autostart default >/dev/null
}

stop_one() { # name
  local pid
  pid=$(pid_of "$1") || { rm -f "$run_dir/$1.pid"; return 0; }
  kill -TERM "$pid"
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  rm -f "$run_dir/$1.pid"
}

[ "$(id -u)" -eq 0 ] || die "needs root (it starts qemu:///system)"
case "${1:-}" in
  start)
    ensure_identity
    ensure_files
    start_virtlogd
    start_libvirtd
    ensure_pool
    echo "libvirtd.sh: libvirtd $(pid_of libvirtd), virtlogd $(pid_of virtlogd); pool default at $pool_dir"
    ;;
  stop)
    stop_one libvirtd
    stop_one virtlogd
    ;;
  restart-libvirtd)
    start_virtlogd
    start_libvirtd
    ;;
  status)
    ok=0
    for name in virtlogd libvirtd; do
      if pid=$(pid_of "$name"); then echo "$name $pid"; else echo "$name not running"; ok=1; fi
    done
    exit "$ok"
    ;;
  pid)
    [ -n "${2:-}" ] || die "usage: $0 pid virtlogd|libvirtd"
    pid_of "$2" || exit 1
    ;;
  *)
    die "usage: $0 start|stop|restart-libvirtd|status|pid NAME"
    ;;
esac

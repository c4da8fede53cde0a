# What every bench script's report says of its source and machine, and how it is published.
# Sourced (not run) by the scripts in bench/, which set ROOT first.

# The commit measured, marked when src/ has changes not committed.
bench_source() {
  local commit
  commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null && [[ -z "$(git -C "$ROOT" status --porcelain -- src 2>/dev/null)" ]] \
    || commit="$commit+uncommitted"
  echo "$commit"
}

# "N CPUs (model), M GiB RAM, kernel; .NET SDK version"
bench_machine() {
  local cpu mem
  cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  mem="$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "$(nproc) CPUs (${cpu:-unknown}), $mem RAM, $(uname -sr); .NET SDK $(dotnet --version)"
}

# Marks the report invalid when a check failed, copies it to the results file, prints it, and then exits 1
# when a check failed.
bench_publish() { # report, results, failed (0 or 1), script name
  if [[ "$3" -ne 0 ]]; then
    printf '\n**FAILED**: a check failed or a server misbehaved (see the script'"'"'s messages); these figures are not valid.\n' >>"$1"
  fi
  mkdir -p "$(dirname "$2")"
  cp "$1" "$2"
  cat "$1"
  if [[ "$3" -ne 0 ]]; then
    echo >&2
    echo "$4: FAILED (see messages above); results in $2 are not valid" >&2
    exit 1
  fi
}

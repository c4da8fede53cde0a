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

# Copies the report to the results file and prints it.
bench_publish() { # report, results
  mkdir -p "$(dirname "$2")"
  cp "$1" "$2"
  cat "$1"
}

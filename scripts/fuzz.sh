#!/usr/bin/env bash
# The differential fuzzer for as long as asked: random kernels under random
# schedules on cpu and opencl:0 against the interpreter.
#   scripts/fuzz.sh SECONDS [kiln-fuzz options, e.g. --seed 7 --out DIR]
# Disagreements are shrunk and printed as filetests (copy them into
# tests/filetests/ once fixed); exit status 1 if there were any.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-600}"
shift || true
cargo build --release --locked -p kiln-difftest --bin kiln-fuzz
exec target/release/kiln-fuzz --seconds "$secs" "$@"

#!/usr/bin/env bash
# The prepared GPU check: one call on a machine with an NVIDIA GPU and its
# driver, but no LLVM, Rust or network. Run from the repository root after
# scripts/gpu-pack.sh built target/gpu-pack here and it was carried over:
#   scripts/gpu-check.sh [SECONDS_PER_TUNE]
# 1. unpacks kiln (LLVM inside), ptxas and libdevice; shows `ldd`;
# 2. `kiln verify`: every ir-specs/ and corner kernel on cuda:0 under the
#    default and 4 random schedules, against the interpreter;
# 3. `kiln gpu-report`: tunes matmul 4096^3 f32 and softmax 8192^2 for the
#    budget, then one table: kiln vs cuBLAS SGEMM and vs a device copy,
#    measured in the same run, and the launch overhead.
# Fits a 10-minute call with the default budget (90 s per tune).
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TUNE=${1:-90}
PACK=target/gpu-pack
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
status=0

echo "== unpack"
if command -v zstd >/dev/null; then Z=zstd; else
  Z="env LD_LIBRARY_PATH=$PWD/$PACK/zstd-lib $PWD/$PACK/zstd"
fi
$Z -dc "$PACK/kiln-gpu.tar.zst" | tar -x -C "$W" || { echo "cannot unpack $PACK"; exit 2; }
export LD_LIBRARY_PATH="$W/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export KILN_PTXAS="$W/ptxas" KILN_LIBDEVICE="$W/libdevice.10.bc" KILN_CACHE="$W/cache"
export PATH="$W:$PATH"
echo "kiln commit $(cat "$W/COMMIT" 2>/dev/null)"
ldd "$W/kiln"
if ldd "$W/kiln" | grep -q "not found"; then echo "missing libraries: see above"; exit 2; fi
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv

# cuBLAS for the baseline: the toolkit's, a pip wheel's, or the system's.
for d in /usr/local/cuda/lib64 /usr/local/cuda-*/lib64 /usr/lib/x86_64-linux-gnu \
         /usr/local/lib/python3*/dist-packages/nvidia/cublas/lib \
         /usr/local/lib/python3*/site-packages/nvidia/cublas/lib \
         /usr/lib/python3/dist-packages/nvidia/cublas/lib "$HOME"/.local/lib/python3*/site-packages/nvidia/cublas/lib; do
  if ls "$d"/libcublas.so* >/dev/null 2>&1; then
    export LD_LIBRARY_PATH="$LD_LIBRARY_PATH:$d"; echo "cuBLAS: $d"; break
  fi
done

echo "== devices"
kiln devices || status=1

echo "== verify (differential suite against the interpreter)"
timeout 240 kiln verify ir-specs/*.kiln tests/filetests/edge_cases.kiln \
  tests/filetests/mixed_types.kiln --devices cuda:0 --random 4 || status=1

echo "== tune and compare"
timeout $((2 * SECONDS_PER_TUNE + 150)) kiln gpu-report --device cuda:0 --specs ir-specs \
  --seconds "$SECONDS_PER_TUNE" || status=1
echo "gpu-check: exit $status"
exit $status

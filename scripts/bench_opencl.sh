#!/usr/bin/env bash
# OpenCL benchmark (issue 5 bars), on OpenCL device 0 (PoCL here):
# 1. `kiln tune --device opencl:0` matmul 1024^3 f32 (OCL_TIME, default 150s)
#    and softmax 4096x4096 (SOFTMAX_TIME, default 60s), from an empty cache;
# 2. `kiln tune --device cpu` matmul 1024^3 (CPU_TIME, default 60s);
# 3. one run of `cargo bench -p kiln-opencl --bench vs_baselines` measuring,
#    in interleaved rounds, OpenBLAS sgemm (2 threads), the CPU backend's
#    tuned matmul, the OpenCL default and the OpenCL tuned schedules, and
#    softmax against a memory copy.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p kiln-cli -q
K=target/release/kiln
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
field() { python3 -c "import json,sys; d=json.load(open('$1')); print(d$2)"; }
best() { python3 -c "import json; json.dump(json.load(open('$1'))['best'], open('$2','w'))"; }
MM=(ir-specs/matmul.kiln --shape M=1024,N=1024,K=1024)

echo "== kiln tune --device opencl:0 matmul 1024^3 (${OCL_TIME:-150s})"
"$K" tune "${MM[@]}" --device opencl:0 --time "${OCL_TIME:-150s}" --cache "$work/c" --json >"$work/ocl.json"
echo "   $(field "$work/ocl.json" "['trials_run']") trials in $(field "$work/ocl.json" "['elapsed_s']") s; tuner's own speed-up over the default $(python3 -c "import json; d=json.load(open('$work/ocl.json')); print(round(d['default_s']/d['best_s'],2))")x; failures $(field "$work/ocl.json" "['failures']")"
best "$work/ocl.json" "$work/ocl.s"

echo "== kiln tune --device opencl:0 softmax 4096x4096 (${SOFTMAX_TIME:-60s})"
"$K" tune ir-specs/softmax.kiln --shape R=4096,C=4096 --device opencl:0 --time "${SOFTMAX_TIME:-60s}" --cache "$work/c" --json >"$work/sm.json"
echo "   $(field "$work/sm.json" "['trials_run']") trials in $(field "$work/sm.json" "['elapsed_s']") s"
best "$work/sm.json" "$work/sm.s"

echo "== kiln tune --device cpu matmul 1024^3 (${CPU_TIME:-60s})"
"$K" tune "${MM[@]}" --device cpu --time "${CPU_TIME:-60s}" --cache "$work/c" --json >"$work/cpu.json"
echo "   $(field "$work/cpu.json" "['trials_run']") trials in $(field "$work/cpu.json" "['elapsed_s']") s"
best "$work/cpu.json" "$work/cpu.s"

echo "== one run, interleaved rounds"
KILN_OCL_MATMUL="$work/ocl.s" KILN_CPU_MATMUL="$work/cpu.s" KILN_OCL_SOFTMAX="$work/sm.s" \
  cargo bench --locked -q -p kiln-opencl --bench vs_baselines 2>/dev/null

#!/usr/bin/env bash
# The main job: installs what is missing, builds kiln, tunes a matmul on the
# default device (the host CPU, through MLIR and LLVM), then checks every
# kernel of the library in ir-specs/, compiles it (tuned schedule when the
# cache has one, else the default), runs it on random inputs and verifies
# the result against the reference interpreter, one line per kernel; where
# an OpenCL device exists (PoCL here), each kernel also runs and is verified
# on opencl:0. Each kernel is also compiled to PTX for sm_90 and assembled by
# ptxas (registers per launch shown); where a CUDA GPU exists it runs and is
# verified on cuda:0 too.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --release --locked -p kiln-cli -q
KILN=target/release/kiln
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# file kernel sizes
runs=(
  "matmul.kiln matmul M=128,N=96,K=64"
  "matmul_tb.kiln matmul_tb M=128,N=96,K=64"
  "batched_matmul.kiln batched_matmul Z=4,M=32,N=32,K=32"
  "matvec.kiln matvec M=512,N=256"
  "conv2d.kiln conv2d N=1,CI=8,H=16,W=16,CO=8,KH=3,KW=3"
  "depthwise_conv2d.kiln depthwise_conv2d N=1,C=16,H=16,W=16,KH=3,KW=3"
  "softmax.kiln softmax R=64,C=256"
  "log_softmax.kiln log_softmax R=64,C=256"
  "layernorm.kiln layernorm R=64,C=256"
  "rmsnorm.kiln rmsnorm R=64,C=256"
  "row_sum.kiln row_sum R=64,C=256"
  "row_max.kiln row_max R=64,C=256"
  "gelu.kiln gelu R=64,C=256"
  "transpose.kiln transpose R=64,C=128"
  "relu_bias.kiln relu_bias R=64,C=256"
  "linear_relu.kiln linear_relu M=100,N=200,K=64"
  "attention_decode.kiln attention_decode B=4,T=128,D=64"
  "causal_attention.kiln causal_attention T=64,D=32"
  "dtypes.kiln imatmul M=16,N=16,K=16"
  "dtypes.kiln axpy_f64 N=1000"
  "dtypes.kiln scale_sum_f16 R=8,C=32"
  "dtypes.kiln ramp N=100"
)
devs=$("$KILN" devices)
sed -n '2,3p' <<<"$devs"
ocl=""
if grep -q '^opencl:0:' <<<"$devs"; then ocl=opencl:0; grep -A1 '^opencl:0:' <<<"$devs"; fi
cuda=""
if grep -q '^cuda:0:' <<<"$devs"; then cuda=cuda:0; grep -A1 '^cuda:0:' <<<"$devs"; else grep '^cuda' <<<"$devs"; fi
# Tune one kernel on the default device (cached: instant on the second run),
# then run it with the winner below.
export KILN_CACHE="${KILN_CACHE:-$PWD/target/kiln-cache}"
"$KILN" tune ir-specs/matmul.kiln --shape M=128,N=96,K=64 --trials 24
echo
printf '%-18s %-38s %11s %11s %13s %13s   %s\n' kernel sizes "cpu run" compile "${ocl:-opencl} 1st*" "sm_90 regs" "first output"
for r in "${runs[@]}"; do
  read -r file kernel sizes <<<"$r"
  "$KILN" check "ir-specs/$file" >/dev/null
  # Compile for the CPU, run, and verify against the reference interpreter.
  line=$("$KILN" run "ir-specs/$file" --kernel "$kernel" --device cpu --verify --random "$sizes" --out "$out/$kernel")
  ms=$(sed -n '1s/^[^)]*) in \([0-9.]*\) ms.*/\1/p' <<<"$line")
  cms=$(sed -n '1s/.*compiled in \([0-9.]*\) ms.*/\1/p' <<<"$line")
  first=$(sed -n '2p' <<<"$line" | awk '{print $2, "mean", $4}')
  oms="-"
  if [ -n "$ocl" ]; then
    oline=$("$KILN" run "ir-specs/$file" --kernel "$kernel" --device "$ocl" --verify --random "$sizes" --out "$out/$kernel.ocl")
    oms="$(sed -n '1s/^[^)]*) in \([0-9.]*\) ms.*/\1/p' <<<"$oline") ms"
  fi
  # PTX for sm_90 (no GPU needed), assembled by ptxas: registers per launch.
  regs=$("$KILN" compile "ir-specs/$file" --kernel "$kernel" --shape "$sizes" --device cuda --arch sm_90 --emit ptx 2>/dev/null \
    | sed -n 's|^// ptxas sm_90: [^:]*: \([0-9]*\) registers.*|\1|p' | paste -sd/)
  if [ -n "$cuda" ]; then
    "$KILN" run "ir-specs/$file" --kernel "$kernel" --device "$cuda" --verify --random "$sizes" --out "$out/$kernel.cuda" >/dev/null
  fi
  printf '%-18s %-38s %8s ms %8s ms %13s %13s   %s\n' "$kernel" "$sizes" "$ms" "$cms" "$oms" "${regs:-?}" "$first"
done
echo "all ${#runs[@]} kernels compiled for the CPU${ocl:+ and $ocl}${cuda:+ and $cuda}, run, and verified against the reference interpreter; PTX for sm_90 assembled by ptxas"
if [ -n "$ocl" ]; then
  echo "* first run on $ocl: buffer uploads and the driver's first-launch work included; steady state: kiln bench --device $ocl"
fi

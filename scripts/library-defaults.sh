#!/usr/bin/env bash
# Default-schedule times of every library kernel under two kiln binaries,
# measured in the same run in alternating rounds (median of the rounds'
# medians): the "no regression" check of a code-generation change.
#
#   scripts/library-defaults.sh OLD_KILN NEW_KILN [ROUNDS]
#   scripts/library-defaults.sh strip:FIELD[,FIELD...] NEW_KILN [ROUNDS]
#
# The second form compares NEW_KILN's default schedule with that schedule
# less the named per-statement fields (e.g. `strip:store,prefetch`): the
# effect of those knobs alone, one binary, no rebuild.
set -euo pipefail
old=$1 new=$2 rounds=${3:-3}
strip=""
if [[ $old == strip:* ]]; then
  strip=${old#strip:} old=$new
fi
cd "$(dirname "$0")/.."
empty=$(mktemp -d)  # no cache entries: the default schedule
cases=(
  "attention_decode.kiln attention_decode B=32,T=1024,D=128"
  "batched_matmul.kiln batched_matmul Z=16,M=256,N=256,K=256"
  "causal_attention.kiln causal_attention T=512,D=64"
  "conv2d.kiln conv2d N=4,CI=32,H=58,W=58,CO=64,KH=3,KW=3"
  "depthwise_conv2d.kiln depthwise_conv2d N=4,C=64,H=114,W=114,KH=3,KW=3"
  "dtypes.kiln imatmul M=512,N=512,K=512"
  "dtypes.kiln axpy_f64 N=4194304"
  "dtypes.kiln scale_sum_f16 R=2048,C=2048"
  "gelu.kiln gelu R=4096,C=4096"
  "log_softmax.kiln log_softmax R=4096,C=4096"
  "matmul_tb.kiln matmul_tb M=1024,N=1024,K=1024"
  "matvec.kiln matvec M=4096,N=4096"
  "relu_bias.kiln relu_bias R=4096,C=4096"
  "row_max.kiln row_max R=4096,C=4096"
  "row_sum.kiln row_sum R=4096,C=4096"
  "transpose.kiln transpose R=4096,C=4096"
  "softmax.kiln softmax R=4096,C=4096"
  "layernorm.kiln layernorm R=4096,C=4096"
  "rmsnorm.kiln rmsnorm R=4096,C=4096"
  "matmul.kiln matmul M=1000,N=1000,K=1000"
)
median() { python3 -c 'import statistics,sys; print(statistics.median(map(float, sys.argv[1:])))' "$@"; }
time_of() {
  local sched=()
  if [[ -n $strip && $1 == old ]]; then
    "$old" compile "ir-specs/$2" -k "$3" --shape "$4" --cache "$empty" --emit schedule 2>/dev/null |
      python3 -c 'import json,sys
s = json.load(sys.stdin)
for st in s["stmts"]:
    for f in sys.argv[1].split(","):
        st.pop(f, None)
print(json.dumps(s))' "$strip" >"$empty/stripped.json"
    sched=(--schedule "$empty/stripped.json")
  fi
  local exe=$new
  [[ $1 == old ]] && exe=$old
  "$exe" bench "ir-specs/$2" -k "$3" --shape "$4" --cache "$empty" --seconds 0.5 --json "${sched[@]}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["median_s"])'
}
echo "| kernel | shape | default before | default after | after / before |"
echo "|---|---|---|---|---|"
for c in "${cases[@]}"; do
  read -r file kernel shape <<<"$c"
  o=() n=()
  for _ in $(seq "$rounds"); do
    o+=("$(time_of old "$file" "$kernel" "$shape")")
    n+=("$(time_of new "$file" "$kernel" "$shape")")
  done
  mo=$(median "${o[@]}") mn=$(median "${n[@]}")
  python3 -c "import sys; o,n=float(sys.argv[1]),float(sys.argv[2]); print(f'| {sys.argv[3]} | {sys.argv[4]} | {o*1e3:.3f} ms | {n*1e3:.3f} ms | {n/o:.2f} |')" "$mo" "$mn" "$kernel" "$shape"
done
rm -rf "$empty"

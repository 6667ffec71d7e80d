#!/usr/bin/env bash
# Tuner benchmark (CPU, f32 matmul 1024^3 by default): the guided
# (evolutionary) strategy against the exhaustive best of the same pruned
# space, using at most 15% of its trials; then both winners and the default
# schedule re-measured interleaved in one run, so the ratios compare like
# with like. Also times a complete `kiln tune` (full space, 3-minute budget)
# and the cached second call.
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=${FILE:-ir-specs/matmul.kiln}
SHAPE=${SHAPE:-M=1024,N=1024,K=1024}
cargo build --release --locked -p kiln-cli -q
K=target/release/kiln
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
field() { python3 -c "import json,sys; d=json.load(open('$1')); print(d$2)"; }

echo "== exhaustive over the small space"
"$K" tune "$FILE" --shape "$SHAPE" --space small --strategy exhaustive --cache "$work/ex" --json >"$work/ex.json"
ex_trials=$(field "$work/ex.json" "['trials_run']")
pruned=$(field "$work/ex.json" "['pruned_size']")
budget=$(( ex_trials * 15 / 100 ))
echo "   $ex_trials trials (pruned space $pruned points, $(field "$work/ex.json" "['elapsed_s']") s)"
echo "== evolution over the same space, $budget trials (15%)"
"$K" tune "$FILE" --shape "$SHAPE" --space small --strategy evolution --trials "$budget" --cache "$work/evo" --seed 1 --json >"$work/evo.json"
echo "   $(field "$work/evo.json" "['trials_run']") trials, $(field "$work/evo.json" "['elapsed_s']") s"
python3 -c "import json; json.dump(json.load(open('$work/ex.json'))['best'], open('$work/ex.s','w'))"
python3 -c "import json; json.dump(json.load(open('$work/evo.json'))['best'], open('$work/evo.s','w'))"
echo "== paired re-measurement (5 interleaved rounds, medians)"
for round in 1 2 3 4 5; do
  for who in ex evo; do
    "$K" bench "$FILE" --shape "$SHAPE" --schedule "$work/$who.s" --seconds 0.5 --json | python3 -c "import json,sys; print('$who', json.load(sys.stdin)['median_s'])" >>"$work/paired"
  done
done
python3 - "$work/paired" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
med = {w: statistics.median(float(t) for x, t in rows if x == w) for w in ("ex", "evo")}
print(f"   exhaustive best {med['ex']*1e3:.3f} ms, evolution best {med['evo']*1e3:.3f} ms, evolution/exhaustive time ratio {med['evo']/med['ex']:.3f} (bar: <= 1.05)")
PY
[[ -n "${SKIP_FULL:-}" ]] && exit 0
echo "== complete tune, full space, 3-minute budget"
start=$(date +%s.%N)
"$K" tune "$FILE" --shape "$SHAPE" --time 170s --cache "$work/full" --json >"$work/full.json"
echo "   $(field "$work/full.json" "['trials_run']") trials in $(field "$work/full.json" "['elapsed_s']") s; best $(field "$work/full.json" "['best_s']") s, default $(field "$work/full.json" "['default_s']") s (same interleaved rounds), speed-up $(python3 -c "import json; d=json.load(open('$work/full.json')); print(round(d['default_s']/d['best_s'],3))")x"
start=$(date +%s.%N)
"$K" tune "$FILE" --shape "$SHAPE" --time 170s --cache "$work/full" --json >"$work/again.json"
end=$(date +%s.%N)
echo "   second tune of the same key: cached=$(field "$work/again.json" "['cached']"), $(python3 -c "print(round($end-$start,3))") s wall"

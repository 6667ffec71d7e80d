#!/usr/bin/env bash
# The test command: installs what is missing (scripts/setup.sh), then
# formatting, lints, API docs and the whole test suite with the docs'
# examples. No GPU needed.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
# pyo3 (python/) configures itself from the venv's interpreter, as maturin
# does, so cargo and pip builds share their compiled crates.
export PYO3_PYTHON="$PWD/.venv/bin/python"
cargo fmt --all -- --check
cargo fmt --manifest-path examples/mlp/Cargo.toml -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
# The example crate builds as a user's would: its build.rs runs this
# build's kiln (kiln-build finds it through $KILN).
cargo build --workspace --bins --locked
export KILN="$PWD/target/debug/kiln"
CARGO_TARGET_DIR="$PWD/target/example" \
  cargo clippy --manifest-path examples/mlp/Cargo.toml --all-targets --locked -- -D warnings
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# API docs must build without warnings (broken links, missing docs).
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --workspace --locked
# Unit, integration and CLI tests (benches are run by `cargo bench`, not
# here), then the documentation's examples.
cargo test --workspace --locked --lib --bins --tests 2>&1 | tee "$log"
cargo test --workspace --locked --doc 2>&1 | tee -a "$log"
CARGO_TARGET_DIR="$PWD/target/example" \
  cargo test --manifest-path examples/mlp/Cargo.toml --locked 2>&1 | tee -a "$log"
# The Python package, installed as a user installs it (one pip install; the
# dev profile reuses the crates compiled above), and its tests, fleet
# tuning on a single-node Ray cluster included.
MATURIN_PEP517_ARGS="--profile dev" \
  .venv/bin/python -m pip install -q --disable-pip-version-check ./python
(cd python && ../.venv/bin/pytest -q -p no:cacheprovider tests) 2>&1 | tee -a "$log"
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($i ~ /^passed/) p += $(i-1); if ($i ~ /^failed/) f += $(i-1) } }
     END { printf "tests: %d passed, %d failed\n", p, f }' "$log"

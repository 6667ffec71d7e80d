#!/usr/bin/env bash
# The test command: installs what is missing (scripts/setup.sh), then
# formatting, lints and the whole test suite. No GPU needed.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked

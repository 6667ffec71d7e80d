#!/usr/bin/env bash
# Idempotent set-up for kiln on Debian 12: installs every system package the
# project needs (LLVM/MLIR 22, PoCL + OpenCL headers, OpenBLAS for the
# benchmark baseline) and the pip wheel that provides `ptxas`.
# Safe to run repeatedly: each step is skipped when already satisfied.
set -euo pipefail

APT_PKGS=(
  llvm-22-dev libmlir-22-dev mlir-22-tools libpolly-22-dev clang-22 libclang-22-dev
  zlib1g-dev libzstd-dev libffi-dev libxml2-dev
  pocl-opencl-icd ocl-icd-opencl-dev opencl-headers clinfo
  libopenblas-dev pkg-config python3-pip python3-venv gcc libc6-dev binutils
)

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi

missing=()
for p in "${APT_PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# ptxas without a CUDA toolkit, for validating generated PTX (see toolchain.md).
if ! python3 -c 'import nvidia.cuda_nvcc' >/dev/null 2>&1; then
  echo "setup: installing nvidia-cuda-nvcc-cu12 (ptxas)" >&2
  python3 -m pip install -q --disable-pip-version-check nvidia-cuda-nvcc-cu12 \
    || python3 -m pip install -q --disable-pip-version-check --break-system-packages nvidia-cuda-nvcc-cu12
fi

# Rust toolchain: present on our machines; install via rustup only if missing.
if ! command -v cargo >/dev/null 2>&1; then
  if [[ -x "$HOME/.cargo/bin/cargo" ]]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    echo "setup: cargo not found; installing a Rust toolchain with rustup" >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq curl >/dev/null
    curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi
# The Python package's virtual environment (.venv at the repository root):
# build backend, test and optional dependencies. The package itself is
# installed into it by the test command (`pip install ./python`), since it
# must be rebuilt whenever the Rust code changes.
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="$ROOT/.venv"
PY_PKGS=(maturin==1.16.* numpy pytest tqdm "ray==2.60.*")
if [[ ! -x "$VENV/bin/python" ]]; then
  echo "setup: creating the virtual environment $VENV" >&2
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" - <<'PY' >/dev/null 2>&1
import importlib.metadata as m, sys
need = {"maturin": "1.16", "numpy": "", "pytest": "", "tqdm": "", "ray": "2.60"}
for name, prefix in need.items():
    if not m.version(name).startswith(prefix):
        sys.exit(1)
PY
then
  echo "setup: installing ${PY_PKGS[*]} into $VENV" >&2
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${PY_PKGS[@]}"
fi
echo "setup: ok" >&2

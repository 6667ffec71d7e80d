#!/usr/bin/env bash
# Builds what the prepared GPU check carries to a GPU machine that has the
# NVIDIA driver but no LLVM, no Rust and no network (see scripts/gpu-check.sh):
# target/gpu-pack/ with
#   kiln-gpu.tar.zst  the release `kiln` (stripped; LLVM/MLIR linked in), the
#                     shared libraries it needs besides glibc, ptxas and
#                     libdevice from the nvidia-cuda-nvcc wheel
#   zstd, zstd-lib/   to unpack it where zstd is not installed
# Pass `target/gpu-pack` as `carry` to the device tool; the kernels
# (ir-specs/, tests/filetests/) travel with the working tree.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/gpu-pack
cargo build --release -p kiln-cli >&2
rm -rf "$OUT" && mkdir -p "$OUT/stage/lib"
S="$OUT/stage"
cp target/release/kiln "$S/kiln"
strip "$S/kiln"
# Every shared library except glibc's own (ld-linux, libc, libm, ...).
ldd target/release/kiln | awk '/=> \//{print $3}' | while read -r lib; do
  case "$(basename "$lib")" in
    libc.so*|libm.so*|libdl.so*|libpthread.so*|librt.so*|ld-linux*) ;;
    *) cp -L "$lib" "$S/lib/" ;;
  esac
done
NVCC=$(python3 -c 'import nvidia.cuda_nvcc, os; print(os.path.dirname(nvidia.cuda_nvcc.__file__))' 2>/dev/null \
  || python3 -c 'import nvidia.cuda_nvcc as m; print(list(m.__path__)[0])')
cp "$NVCC/bin/ptxas" "$S/ptxas"
cp "$NVCC/nvvm/libdevice/libdevice.10.bc" "$S/libdevice.10.bc"
git rev-parse HEAD > "$S/COMMIT" 2>/dev/null || true
tar -C "$S" -cf - . | zstd -19 -T2 -q -o "$OUT/kiln-gpu.tar.zst"
cp "$(command -v zstd)" "$OUT/zstd"
mkdir -p "$OUT/zstd-lib"
ldd "$(command -v zstd)" | awk '/=> \//{print $3}' | while read -r lib; do
  case "$(basename "$lib")" in libc.so*|ld-linux*) ;; *) cp -L "$lib" "$OUT/zstd-lib/" ;; esac
done
rm -rf "$S"
du -sb "$OUT"/* >&2
total=$(du -sb "$OUT" | cut -f1)
if (( total > 60 * 1024 * 1024 )); then
  echo "gpu-pack: $total bytes, over the 60 MiB left for it in a 64 MiB carry" >&2
  exit 1
fi
echo "gpu-pack: $OUT ready ($total bytes)" >&2

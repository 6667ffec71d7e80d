/* A C program using kiln's C ABI: loads an artifact directory written by
 * `kiln compile --out`, runs matmul and softmax on caller buffers and checks
 * them against plain C; compiles a kernel from source; checks that errors
 * come back as messages. Usage: main ARTIFACT_DIR CACHE_DIR */
#include "kiln.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond, ...)                          \
  do {                                            \
    if (!(cond)) {                                \
      fprintf(stderr, "FAILED: " __VA_ARGS__);    \
      fprintf(stderr, " (%s)\n", kiln_last_error()); \
      failures++;                                 \
    }                                             \
  } while (0)

static float frand(unsigned *s) {
  *s = *s * 1103515245u + 12345u;
  return (float)((*s >> 8) % 2001) / 1000.0f - 1.0f;
}

static void check_matmul(KilnKernel *k, int64_t M, int64_t N, int64_t K, const char *what) {
  float *a = malloc(sizeof(float) * M * K), *b = malloc(sizeof(float) * K * N);
  float *c = malloc(sizeof(float) * M * N);
  unsigned s = 7;
  for (int64_t i = 0; i < M * K; i++) a[i] = frand(&s);
  for (int64_t i = 0; i < K * N; i++) b[i] = frand(&s);
  int64_t sa[2] = {M, K}, sb[2] = {K, N}, sc[2] = {M, N};
  KilnTensor in[2] = {{a, KILN_F32, sa, 2}, {b, KILN_F32, sb, 2}};
  KilnTensor out[1] = {{c, KILN_F32, sc, 2}};
  CHECK(kiln_kernel_run(k, in, 2, out, 1) == KILN_OK, "%s: run", what);
  double worst = 0;
  for (int64_t i = 0; i < M; i++)
    for (int64_t j = 0; j < N; j++) {
      double want = 0;
      for (int64_t p = 0; p < K; p++) want += (double)a[i * K + p] * b[p * N + j];
      double e = fabs(c[i * N + j] - want);
      if (e > worst) worst = e;
    }
  CHECK(worst < 1e-3, "%s: max error %g", what, worst);
  printf("%s ok (max error %.2g)\n", what, worst);
  free(a); free(b); free(c);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s ARTIFACT_DIR CACHE_DIR\n", argv[0]);
    return 2;
  }
  KilnLibrary *lib = kiln_library_open(argv[1]);
  CHECK(lib != NULL, "kiln_library_open");
  if (!lib) return 1;

  KilnKernel *mm = kiln_library_kernel(lib, "matmul", "M=33,N=17,K=29");
  CHECK(mm != NULL, "matmul kernel");
  if (mm) check_matmul(mm, 33, 17, 29, "artifact matmul");

  /* softmax: rows sum to 1 and match plain C. */
  KilnKernel *sm = kiln_library_kernel(lib, "softmax", NULL);
  CHECK(sm != NULL, "softmax kernel");
  kiln_library_close(lib); /* kernels keep the library loaded */
  if (sm) {
    enum { R = 7, C = 50 };
    static float x[R * C], y[R * C];
    unsigned s = 3;
    for (int i = 0; i < R * C; i++) x[i] = 4 * frand(&s);
    int64_t sh[2] = {R, C};
    KilnTensor in[1] = {{x, KILN_F32, sh, 2}}, out[1] = {{y, KILN_F32, sh, 2}};
    CHECK(kiln_kernel_run(sm, in, 1, out, 1) == KILN_OK, "softmax run");
    double worst = 0;
    for (int r = 0; r < R; r++) {
      double m = -INFINITY, sum = 0;
      for (int c = 0; c < C; c++) m = fmax(m, x[r * C + c]);
      for (int c = 0; c < C; c++) sum += exp((double)x[r * C + c] - m);
      for (int c = 0; c < C; c++) {
        double e = fabs(y[r * C + c] - exp((double)x[r * C + c] - m) / sum);
        if (e > worst) worst = e;
      }
    }
    CHECK(worst < 1e-5, "softmax: max error %g", worst);
    printf("artifact softmax ok (max error %.2g)\n", worst);

    /* A wrong shape is an error naming the argument, not a crash. */
    int64_t bad[2] = {R, C - 1};
    KilnTensor in2[1] = {{x, KILN_F32, bad, 2}};
    CHECK(kiln_kernel_run(sm, in2, 1, out, 1) == KILN_ERROR, "bad shape accepted");
    CHECK(strstr(kiln_last_error(), "x") != NULL, "error names the argument");
    printf("shape error: %s\n", kiln_last_error());
    kiln_kernel_free(sm);
  }
  kiln_kernel_free(mm);

  /* Compile from source through a cache directory. */
  KilnContext *ctx = kiln_open(argv[2]);
  CHECK(ctx != NULL, "kiln_open");
  const char *src =
      "kernel matmul(a: f32[M, K], b: f32[K, N]) -> (c: f32[M, N]) {\n"
      "    c[i, j] += a[i, k] * b[k, j];\n}\n";
  KilnKernel *jit = kiln_compile(ctx, src, "matmul", "cpu", "M=16,N=24,K=8");
  CHECK(jit != NULL, "kiln_compile");
  if (jit) check_matmul(jit, 16, 24, 8, "compiled matmul");
  kiln_kernel_free(jit);

  /* Source errors come back with their span. */
  KilnKernel *broken = kiln_compile(ctx, "kernel f(x: f32[N]) -> (y: f32[N]) { y[i] = z[i]; }",
                                    "f", "cpu", "N=4");
  CHECK(broken == NULL, "a broken kernel compiled");
  CHECK(strstr(kiln_last_error(), "z") != NULL, "diagnostic names `z`");
  printf("source error reported\n");
  CHECK(kiln_library_open("/nonexistent/dir") == NULL, "missing directory opened");
  CHECK(strstr(kiln_last_error(), "manifest.json") != NULL, "names the manifest");
  kiln_close(ctx);
  printf("%s\n", failures ? "FAILED" : "all ok");
  return failures ? 1 : 0;
}

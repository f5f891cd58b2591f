// Runs the C kernels' fast variant (NEON on arm64; AVX2 + FMA on x86-64
// when the CPU has it) against the portable baseline and against a
// reference in long double (IEEE quad on AArch64 Linux), on many shapes
// with leftovers: rows not a multiple of the row tile, K not a multiple of
// the class tile, odd d, margins of ±40 and ±800, y in {0, 1}, with and
// without weights and intercepts. Exits 1 on the first output outside its
// bound. Built and run by scripts/test_arm64_kernels.sh (under qemu-aarch64).
//
// The bound, derived per output, for one variant against the exact value
// (u = 2⁻⁵³, γₙ = n·u/(1 − n·u)); two variants then differ by at most the
// sum of their bounds. Every sum below may be added in any order, with or
// without fused multiply-adds (a variant may reassociate), which costs at
// most γₙ of the sum of the terms' magnitudes (Higham, ASNA §3.1).
//
// Two classes. Margin rᵢ = Σⱼ xᵢⱼwⱼ + b: error eᵢ ≤ γ_{d+1}·Mᵢ,
// Mᵢ = Σⱼ|xᵢⱼwⱼ| + |b|. Loss ℓ(r) has |ℓ'| = |p − y| ≤ 1, so the margin
// costs ℓ at most eᵢ. Evaluating ℓ at the computed margin: exp ≤ 2u
// relative, log1p (Goldberg's log(u)·x/(u − 1), fdlibm log) ≤ 7u relative
// of the softplus, one addition of the softplus and ±r: ≤ 16u·Tᵢ with
// Tᵢ = softplus + |r| (the terms added; they cancel for −2 < r < 0).
// scikit-learn's branch cutoffs (−37, −2, 18) are in both the kernels and
// the reference; a margin that rounds across 18 changes ℓ by e⁻³⁶/2 ≈
// 1.2e-16, under 16u·18. The weight product and the sum over n rows:
//   |L̂ − L| ≤ Σᵢ sᵢ(eᵢ + 16u·Tᵢ + 1e-307) + γ_{n+1}·Σᵢ sᵢℓᵢ.
// Gradient γ(r) = p − y has |γ'| ≤ 1/4; its numerator is ±e or ±1 exactly
// for y in {0, 1}, so evaluating it costs ≤ 8u relative (exp 2u, 1 + e,
// division); s·γ/S two more roundings. With an initial g⁰ (the kernels add):
//   |ĝⱼ − gⱼ| ≤ γ_{n+1}(|g⁰ⱼ| + Σᵢ|xᵢⱼGᵢ|) + Σᵢ|xᵢⱼ|(sᵢ/S)(eᵢ/4 + 10u|γᵢ| + 1e-307),
// the intercept the same with xᵢⱼ = 1. (1e-307 covers exp's flush to 0
// below −708, where the exact value is at most 3.3e-308.)
//
// K classes. Margins mᵢₖ: eᵢₖ ≤ γ_{d+1}·Mᵢₖ; Eᵢ = maxₖ eᵢₖ. ℓᵢ = lseᵢ − m_{i,y}
// moves by ≤ 2Eᵢ (∂lse/∂mₖ = pₖ). Evaluation: tₖ = mₖ − max rounds (u|tₖ|
// into exp), exp 2u, the sum of K terms γ_K, so the sum is off by
// ≤ u(2 + Σpₖ|tₖ|) + γ_K ≤ (K + 3)u relative (pₖ|tₖ| ≤ e^{tₖ}|tₖ| ≤ 1/e);
// log 2u relative, + max and − m_y one rounding each:
//   |ℓ̂ᵢ − ℓᵢ| ≤ 2Eᵢ + 2u((K + 3) + 2·log Σ + |lseᵢ| + ℓᵢ) + 1e-307.
// Probabilities: margins move pₖ by ≤ 2pₖEᵢ; evaluation ≤ pₖu(|tₖ| + K + 8)
// (exp, the sum, s/S/Σ, the product), and subtracting s/S from the label's
// entry one rounding: Dᵢₖ = (sᵢ/S)[pₖ(2Eᵢ + u(|tₖ| + K + 8)) + u(pₖ + [k = y])
// + 1e-307]; then ∇W and ∇b as ∇w above with Dᵢₖ for the per-row error.
// Each bound is multiplied by 1.01 for the products of small terms dropped.
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "FitlogitKernels.h"

typedef long double ld;
static const double U = 0x1p-53;

static double gamma_n(double n) { return n * U / (1 - n * U); }

/// SplitMix64: the same data on every machine and compiler.
static uint64_t state;
static uint64_t next_u64(void) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
static double uniform(double lo, double hi) {
  return lo + (hi - lo) * ((double)(next_u64() >> 11) * 0x1p-53);
}

static int failures = 0;
/// The largest error as a fraction of its bound, and where, for the
/// baseline, the other variant, and the difference between them.
static struct { const char *variant; double ratio; char where[200]; } worst[3];
static long checked = 0;
/// Over blocks of 1,000 rows or more with margins as drawn (no ±40, ±800),
/// as KernelDispatchTests draws them: the largest |f₁ − f₀|/|f₀| of the
/// loss and max|g₁ − g₀|/max|g₀| of the gradient between the two variants,
/// to set beside that test's 1e-14 and 1e-13.
static double loss_spread = 0, gradient_spread = 0;

static void note_spread(ptrdiff_t rows, int extreme, const double *loss,
                        double *const *g, ptrdiff_t n) {
  if (rows < 1000 || extreme) return;
  const double l = fabs(loss[1] - loss[0]) / fabs(loss[0]);
  if (l > loss_spread) loss_spread = l;
  double largest = 0, diff = 0;
  for (ptrdiff_t k = 0; k < n; k++) {
    if (fabs(g[0][k]) > largest) largest = fabs(g[0][k]);
    if (fabs(g[1][k] - g[0][k]) > diff) diff = fabs(g[1][k] - g[0][k]);
  }
  if (largest > 0 && diff / largest > gradient_spread) gradient_spread = diff / largest;
}

/// |a − exact| ≤ bound, else one line naming the output.
static void check(const char *what, const char *variant, double a, ld exact,
                  double bound, const char *shape) {
  const double err = (double)fabsl((ld)a - exact);
  checked++;
  for (int v = 0; v < 3; v++) {
    if (worst[v].variant == NULL) worst[v].variant = variant;
    if (strcmp(worst[v].variant, variant) != 0) continue;
    if (bound > 0 && err / bound > worst[v].ratio) {
      worst[v].ratio = err / bound;
      snprintf(worst[v].where, sizeof worst[v].where, "%s, %s", what, shape);
    }
    break;
  }
  if (!(err <= bound)) {
    if (failures < 20)
      fprintf(stderr, "MISMATCH %s %s (%s): %.17g, exact %.17Lg, error %.3g > bound %.3g\n",
              variant, what, shape, a, exact, err, bound);
    failures++;
  }
}

/// The margins of the "extreme" cases: each row scaled so that its margin
/// is one of ±40, ±800 (or left as drawn), as the fit's early iterates can be.
static void scale_to_extremes(double *x, ptrdiff_t rows, ptrdiff_t d,
                              const double *w, double b) {
  static const double targets[] = {40, -40, 800, -800, 0};
  for (ptrdiff_t i = 0; i < rows; i++) {
    const double target = targets[next_u64() % 5];
    if (target == 0) continue;
    ld dot = 0;
    for (ptrdiff_t j = 0; j < d; j++) dot += (ld)x[i * d + j] * w[j];
    if (fabsl(dot) < 0.1L) continue;
    const double factor = (double)((target - b) / dot);
    for (ptrdiff_t j = 0; j < d; j++) x[i * d + j] *= factor;
  }
}

/// scikit-learn's half-binomial loss and gradient with its branches, exact.
static void half_binomial_exact(ld y, ld r, ld *loss, ld *grad, ld *magnitude) {
  ld softplus;
  if (r <= -2) {
    const ld e = expl(r);
    softplus = r <= -37 ? e : log1pl(e);
    *loss = softplus - y * r;
    *grad = r <= -37 ? e - y : ((1 - y) * e - y) / (1 + e);
  } else {
    const ld e = expl(-r);
    softplus = r > 18 ? e : log1pl(e);
    *loss = softplus + (1 - y) * r;
    *grad = ((1 - y) - y * e) / (1 + e);
  }
  *magnitude = softplus + fabsl(r);
}

static void binary_case(int other, const char *other_name, ptrdiff_t rows,
                        ptrdiff_t d, int weighted, int extreme) {
  char shape[96];
  snprintf(shape, sizeof shape, "binary rows=%td d=%td weighted=%d extreme=%d",
           rows, d, weighted, extreme);
  double *x = malloc(sizeof(double) * (size_t)(rows * d + 1));
  double *w = malloc(sizeof(double) * (size_t)(d + 1));
  double *weights = malloc(sizeof(double) * (size_t)rows);
  int64_t *labels = malloc(sizeof(int64_t) * (size_t)rows);
  double *g0 = malloc(sizeof(double) * (size_t)(d + 1));
  for (ptrdiff_t k = 0; k < rows * d; k++) x[k] = uniform(-3, 3);
  for (ptrdiff_t j = 0; j < d; j++) w[j] = uniform(-2, 2);
  const double b = uniform(-1, 1);
  for (ptrdiff_t i = 0; i < rows; i++) {
    labels[i] = (int64_t)(next_u64() & 1);
    weights[i] = uniform(0.1, 3);
  }
  for (ptrdiff_t j = 0; j <= d; j++) g0[j] = uniform(-1, 1);
  if (extreme) scale_to_extremes(x, rows, d, w, b);
  double S = 0;
  for (ptrdiff_t i = 0; i < rows; i++) S += weighted ? weights[i] : 1;

  // The exact values and each output's bound.
  ld L = 0, *G = calloc((size_t)(d + 1), sizeof(ld));
  double LB = 0, Lsum = 0, *GB = calloc((size_t)(d + 1), sizeof(double));
  double *Gabs = calloc((size_t)(d + 1), sizeof(double));
  const double gd = gamma_n((double)d + 1), gn = gamma_n((double)rows + 1);
  for (ptrdiff_t i = 0; i < rows; i++) {
    const double *xi = x + i * d;
    ld r = b;
    double M = fabs(b);
    for (ptrdiff_t j = 0; j < d; j++) {
      r += (ld)xi[j] * w[j];
      M += fabs(xi[j] * w[j]);
    }
    ld loss, grad, T;
    half_binomial_exact((ld)labels[i], r, &loss, &grad, &T);
    const double s = weighted ? weights[i] : 1, e = gd * M;
    L += s * loss;
    Lsum += s * (double)loss;
    LB += s * (e + 16 * U * (double)T + 1e-307);
    const ld Gi = s * grad / S;
    const double per_row = s / S * (e / 4 + 10 * U * fabs((double)grad) + 1e-307);
    for (ptrdiff_t j = 0; j <= d; j++) {
      const double xij = j < d ? xi[j] : 1;
      G[j] += xij * Gi;
      Gabs[j] += fabs(xij * (double)Gi);
      GB[j] += fabs(xij) * per_row;
    }
  }
  LB = 1.01 * (LB + gn * Lsum);
  for (ptrdiff_t j = 0; j <= d; j++) {
    G[j] += g0[j];
    GB[j] = 1.01 * (GB[j] + gn * (fabs(g0[j]) + Gabs[j]));
  }

  const int paths[2] = {FL_PATH_BASELINE, other};
  const char *names[2] = {"baseline", other_name};
  double loss[2], *g[2];
  for (int v = 0; v < 2; v++) {
    g[v] = malloc(sizeof(double) * (size_t)(d + 1));
    memcpy(g[v], g0, sizeof(double) * (size_t)(d + 1));
    loss[v] = fl_binary_block(paths[v], x, rows, d, w, b, labels,
                              weighted ? weights : NULL, S, g[v], g[v] + d);
    check("loss", names[v], loss[v], L, LB, shape);
    for (ptrdiff_t j = 0; j <= d; j++) {
      char what[32];
      snprintf(what, sizeof what, j < d ? "g[%td]" : "intercept", j);
      check(what, names[v], g[v][j], G[j], GB[j], shape);
    }
  }
  check("loss", "difference", loss[1], loss[0], 2 * LB, shape);
  for (ptrdiff_t j = 0; j <= d; j++) check("g", "difference", g[1][j], g[0][j], 2 * GB[j], shape);
  note_spread(rows, extreme, loss, g, d + 1);
  free(x); free(w); free(weights); free(labels); free(g0); free(G); free(GB);
  free(Gabs); free(g[0]); free(g[1]);
}

static void multinomial_case(int other, const char *other_name, ptrdiff_t rows,
                             ptrdiff_t d, ptrdiff_t K, int weighted,
                             int intercept, int extreme) {
  char shape[128];
  snprintf(shape, sizeof shape,
           "multinomial rows=%td d=%td K=%td weighted=%d intercept=%d extreme=%d",
           rows, d, K, weighted, intercept, extreme);
  const ptrdiff_t P = K * (d + (intercept ? 1 : 0));
  double *x = malloc(sizeof(double) * (size_t)(rows * d + 1));
  double *w = malloc(sizeof(double) * (size_t)P);
  double *weights = malloc(sizeof(double) * (size_t)rows);
  int64_t *labels = malloc(sizeof(int64_t) * (size_t)rows);
  double *g0 = malloc(sizeof(double) * (size_t)P);
  for (ptrdiff_t k = 0; k < rows * d; k++) x[k] = uniform(-3, 3);
  for (ptrdiff_t k = 0; k < P; k++) w[k] = uniform(-2, 2);
  for (ptrdiff_t i = 0; i < rows; i++) {
    labels[i] = (int64_t)(next_u64() % (uint64_t)K);
    weights[i] = uniform(0.1, 3);
  }
  for (ptrdiff_t k = 0; k < P; k++) g0[k] = uniform(-1, 1);
  if (extreme) {
    // Scale each row so that its largest |margin| (no intercept) is 40 or 800.
    for (ptrdiff_t i = 0; i < rows; i++) {
      const double target = (next_u64() & 1) ? 800 : 40;
      ld largest = 0;
      for (ptrdiff_t k = 0; k < K; k++) {
        ld m = 0;
        for (ptrdiff_t j = 0; j < d; j++) m += (ld)x[i * d + j] * w[k + K * j];
        if (fabsl(m) > largest) largest = fabsl(m);
      }
      if (largest < 0.1L) continue;
      const double factor = (double)(target / largest);
      for (ptrdiff_t j = 0; j < d; j++) x[i * d + j] *= factor;
    }
  }
  double S = 0;
  for (ptrdiff_t i = 0; i < rows; i++) S += weighted ? weights[i] : 1;

  ld L = 0, *G = calloc((size_t)P, sizeof(ld)), *m = malloc(sizeof(ld) * (size_t)K);
  double LB = 0, Lsum = 0, *GB = calloc((size_t)P, sizeof(double));
  double *Gabs = calloc((size_t)P, sizeof(double));
  double *M = malloc(sizeof(double) * (size_t)K);
  const double gd = gamma_n((double)d + 1), gn = gamma_n((double)rows + 1);
  for (ptrdiff_t i = 0; i < rows; i++) {
    const double *xi = x + i * d;
    double E = 0;
    ld mx = -INFINITY;
    for (ptrdiff_t k = 0; k < K; k++) {
      const double bk = intercept ? w[k + K * d] : 0;
      m[k] = bk;
      M[k] = fabs(bk);
      for (ptrdiff_t j = 0; j < d; j++) {
        m[k] += (ld)xi[j] * w[k + K * j];
        M[k] += fabs(xi[j] * w[k + K * j]);
      }
      if (gd * M[k] > E) E = gd * M[k];
      if (m[k] > mx) mx = m[k];
    }
    ld sum = 0;
    for (ptrdiff_t k = 0; k < K; k++) sum += expl(m[k] - mx);
    const ld lse = mx + logl(sum), loss = lse - m[labels[i]];
    const double s = weighted ? weights[i] : 1;
    L += s * loss;
    Lsum += s * (double)loss;
    LB += s * (2 * E +
               2 * U * ((double)K + 3 + 2 * (double)logl(sum) + fabs((double)lse) +
                        (double)loss) +
               1e-307);
    for (ptrdiff_t k = 0; k < K; k++) {
      const ld p = expl(m[k] - mx) / sum;
      const int is_label = k == labels[i];
      const ld Gik = s * (p - is_label) / S;
      const double pd = (double)p, t = (double)fabsl(m[k] - mx);
      const double D = s / S * (pd * (2 * E + U * (t + (double)K + 8)) +
                                U * (pd + is_label) + 1e-307);
      for (ptrdiff_t j = 0; j < d + (intercept ? 1 : 0); j++) {
        const double xij = j < d ? xi[j] : 1;
        G[k + K * j] += xij * Gik;
        Gabs[k + K * j] += fabs(xij * (double)Gik);
        GB[k + K * j] += fabs(xij) * D;
      }
    }
  }
  LB = 1.01 * (LB + gn * Lsum);
  for (ptrdiff_t k = 0; k < P; k++) {
    G[k] += g0[k];
    GB[k] = 1.01 * (GB[k] + gn * (fabs(g0[k]) + Gabs[k]));
  }

  const int paths[2] = {FL_PATH_BASELINE, other};
  const char *names[2] = {"baseline", other_name};
  double loss[2], *g[2];
  double *scratch = malloc(sizeof(double) * (size_t)fl_multinomial_scratch(d, K));
  for (int v = 0; v < 2; v++) {
    g[v] = malloc(sizeof(double) * (size_t)P);
    memcpy(g[v], g0, sizeof(double) * (size_t)P);
    // Garbage in the scratch: a kernel must not read what it did not write.
    for (ptrdiff_t k = 0; k < fl_multinomial_scratch(d, K); k++) scratch[k] = NAN;
    loss[v] = fl_multinomial_block(paths[v], x, rows, d, K, w, intercept, labels,
                                   weighted ? weights : NULL, S, g[v], scratch);
    check("loss", names[v], loss[v], L, LB, shape);
    for (ptrdiff_t k = 0; k < P; k++) {
      char what[48];
      snprintf(what, sizeof what, "g[class %td, column %td]", k % K, k / K);
      check(what, names[v], g[v][k], G[k], GB[k], shape);
    }
  }
  check("loss", "difference", loss[1], loss[0], 2 * LB, shape);
  for (ptrdiff_t k = 0; k < P; k++) check("g", "difference", g[1][k], g[0][k], 2 * GB[k], shape);
  note_spread(rows, extreme, loss, g, P);
  free(x); free(w); free(weights); free(labels); free(g0); free(G); free(GB);
  free(Gabs); free(M); free(m); free(scratch); free(g[0]); free(g[1]);
}

int main(void) {
#if defined(__aarch64__)
  const int other = FL_PATH_NEON;
  const char *other_name = "neon";
#else
  const int other = fl_avx2_fma_available() ? FL_PATH_AVX2_FMA : FL_PATH_BASELINE;
  const char *other_name = other == FL_PATH_AVX2_FMA ? "avx2+fma" : "baseline";
#endif
  state = 20261207;
  static const ptrdiff_t brows[] = {1, 2, 3, 4, 5, 7, 13, 64, 257, 1001, 4099};
  static const ptrdiff_t bd[] = {0, 1, 2, 3, 4, 5, 7, 8, 20, 33};
  long cases = 0;
  for (size_t a = 0; a < sizeof brows / sizeof *brows; a++)
    for (size_t c = 0; c < sizeof bd / sizeof *bd; c++)
      for (int weighted = 0; weighted < 2; weighted++)
        for (int extreme = 0; extreme < 2; extreme++, cases++)
          binary_case(other, other_name, brows[a], bd[c], weighted, extreme);
  static const ptrdiff_t mrows[] = {1, 2, 3, 5, 64, 65, 131, 1001};
  static const ptrdiff_t md[] = {1, 2, 3, 4, 5, 7, 13, 50};
  static const ptrdiff_t mK[] = {2, 3, 4, 5, 10, 11, 13, 23};
  for (size_t a = 0; a < sizeof mrows / sizeof *mrows; a++)
    for (size_t c = 0; c < sizeof md / sizeof *md; c++)
      for (size_t e = 0; e < sizeof mK / sizeof *mK; e++)
        for (int flags = 0; flags < 8; flags++, cases++)
          multinomial_case(other, other_name, mrows[a], md[c], mK[e], flags & 1,
                           (flags >> 1) & 1, (flags >> 2) & 1);
  printf("%s against baseline and the exact values: %ld cases, %ld outputs, "
         "%d outside their bounds\n", other_name, cases, checked, failures);
  for (int v = 0; v < 3; v++)
    printf("  %-10s largest error %.3g of its bound (%s)\n", worst[v].variant,
           worst[v].ratio, worst[v].where);
  printf("  on blocks of 1,000 rows or more (margins as drawn), %s and baseline "
         "differ by at most %.2g "
         "of the loss and %.2g of the largest gradient component\n",
         other_name, loss_spread, gradient_spread);
  return failures == 0 ? 0 : 1;
}

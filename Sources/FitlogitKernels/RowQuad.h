// Four rows of a block at a time, as the two-class kernels (BinaryBlock.c,
// BinaryBlockNEON.c) take them: one row a lane. Private to this target: not
// in include/.
#ifndef FITLOGIT_ROW_QUAD_H
#define FITLOGIT_ROW_QUAD_H

#include <stddef.h>

/// Rows row[0..4) of x (rows × d, row-major) and where they start.
typedef struct {
  int valid;
  ptrdiff_t row[4];
  const double *x[4];
} fl_row_quad;

/// The four rows from row i; a last group of 1-3 rows repeats its last row
/// in the spare lanes (the caller gives them weight 0), and valid counts
/// the real ones.
static inline fl_row_quad row_quad(const double *x, ptrdiff_t rows, ptrdiff_t d,
                                   ptrdiff_t i) {
  fl_row_quad q;
  q.valid = rows - i < 4 ? (int)(rows - i) : 4;
  for (int lane = 0; lane < 4; lane++) {
    q.row[lane] = i + (lane < q.valid ? lane : q.valid - 1);
    q.x[lane] = x + q.row[lane] * d;
  }
  return q;
}

#endif

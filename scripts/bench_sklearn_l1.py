#!/usr/bin/env python3
"""scikit-learn's L1 fits for BENCHMARKS.md's "L1 and elastic net" section:
LogisticRegression(solver="saga", l1_ratio=1, C=C, random_state=0) with the
default tol and max_iter=100 on one CSV file (last column the label), then
the default lbfgs fit; time.perf_counter around fit only.
Usage: bench_sklearn_l1.py FILE.csv C [C ...]"""
import sys
import time
import warnings

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression

path, Cs = sys.argv[1], [float(c) for c in sys.argv[2:]]
df = pd.read_csv(path)
X = df.iloc[:, :-1].to_numpy(dtype=np.float64)
y = df.iloc[:, -1].to_numpy()
for C in Cs:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = time.perf_counter()
        model = LogisticRegression(solver="saga", l1_ratio=1, C=C, random_state=0).fit(X, y)
        seconds = time.perf_counter() - t
    print(
        f"saga C={C}: {seconds:.1f} s, n_iter {int(model.n_iter_[0])}, "
        f"{int(np.count_nonzero(model.coef_))} nonzero, "
        f"converged={not any('converge' in str(w.message) for w in caught)}",
        flush=True,
    )
t = time.perf_counter()
model = LogisticRegression().fit(X, y)
print(f"lbfgs: {time.perf_counter() - t:.1f} s, n_iter {int(model.n_iter_[0])}", flush=True)

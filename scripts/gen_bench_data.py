#!/usr/bin/env python3
"""Benchmark data: make_classification(n, d, random_state=0) written with
pandas.to_csv (full-precision floats), as the performance targets specify.
Usage: gen_bench_data.py N D OUT.csv [K]   (K classes, default 2)"""
import sys

import pandas as pd
from sklearn.datasets import make_classification

n, d, out = int(float(sys.argv[1])), int(sys.argv[2]), sys.argv[3]
k = int(sys.argv[4]) if len(sys.argv) > 4 else 2
# Below 12 features the 2 default redundant ones do not fit beside 10
# informative ones: fewer redundant (the same files for d >= 12).
X, y = make_classification(
    n_samples=n, n_features=d, n_informative=min(d, 10),
    n_redundant=min(2, d - min(d, 10)), n_classes=k, random_state=0)
df = pd.DataFrame(X, columns=[f"x{j}" for j in range(d)])
df["y"] = y
df.to_csv(out, index=False)

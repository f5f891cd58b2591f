#!/usr/bin/env python3
"""Benchmark data with categories: the numeric file of gen_bench_data.py
(make_classification(n, d, random_state=0)) plus three text columns of ten
levels each, drawn with a seeded generator, before the label.
Usage: gen_bench_categorical.py N D OUT.csv"""
import sys

import numpy as np
import pandas as pd
from sklearn.datasets import make_classification

n, d, out = int(float(sys.argv[1])), int(sys.argv[2]), sys.argv[3]
X, y = make_classification(
    n_samples=n, n_features=d, n_informative=min(d, 10), random_state=0)
df = pd.DataFrame(X, columns=[f"x{j}" for j in range(d)])
rng = np.random.default_rng(0)
levels = {
    "colour": ["red", "green", "blue", "cyan", "magenta", "yellow", "black", "white",
               "orange", "purple"],
    "city": ["Paris", "Lyon", "Nice", "Lille", "Nantes", "Rennes", "Brest", "Dijon",
             "Metz", "Tours"],
    "grade": [f"G{k}" for k in range(10)],
}
for name, values in levels.items():
    df[name] = np.array(values)[rng.integers(0, 10, n)]
df["y"] = y
df.to_csv(out, index=False)

#!/usr/bin/env python3
"""Golden splits from scikit-learn and NumPy themselves, for
Tests/FitlogitModelSelectionTests: the rows train_test_split(...,
stratify=y) returns, and the draws of np.random.RandomState(seed).

    python3 scripts/make_split_golden.py      (scikit-learn 1.9.1, NumPy 2)
"""
import json
import pathlib

import numpy as np
import pandas as pd
import sklearn
from sklearn.model_selection import train_test_split

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests/FitlogitModelSelectionTests/Golden/splits.json"

generator = []
for seed in (0, 1, 42, 5489, 2**32 - 1):
    rs = np.random.RandomState(seed)
    bits = rs.randint(0, 2**32, size=5, dtype=np.uint64).tolist()
    rs = np.random.RandomState(seed)
    generator.append({"seed": seed, "uint32": bits,
                      "permutation_10": rs.permutation(10).tolist(),
                      "permutation_1000_head": rs.permutation(1000)[:20].tolist()})

labelsets = {
    "iris": pd.read_csv(ROOT / "data/iris.csv")["species"].to_numpy(),
    "spam": pd.read_csv(ROOT / "data/spam.csv")["label"].to_numpy(),
    "points": pd.read_csv(ROOT / "data/points.csv")["y"].to_numpy(),
    # Unbalanced, in file order 2, 0, 1: remainders tie and are broken by the generator.
    "unbalanced": np.array([2] * 9 + [0] * 23 + [1] * 5 + [2] * 4 + [0] * 6),
}
splits = []
for name, y in labelsets.items():
    classes, encoded = np.unique(y, return_inverse=True)
    for test_size in (0.25, 0.3, 0.5, 0.1, 4):
        for seed in (0, 1, 42, 2026, 2**32 - 1):
            rows = np.arange(len(y))
            try:
                train, test = train_test_split(rows, test_size=test_size, random_state=seed,
                                               stratify=y)
            except ValueError as e:
                splits.append({"labels": name, "y": encoded.tolist(), "test_size": test_size,
                               "random_state": seed, "error": str(e)})
                continue
            splits.append({"labels": name, "y": encoded.tolist(), "test_size": test_size,
                           "random_state": seed, "train": train.tolist(), "test": test.tolist()})

OUT.write_text(json.dumps({"sklearn": sklearn.__version__, "numpy": np.__version__,
                           "generator": generator, "splits": splits}) + "\n")
print("wrote", OUT, len(splits), "splits,", sum("error" in s for s in splits), "errors")

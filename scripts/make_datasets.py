#!/usr/bin/env python3
"""Writes the small datasets under data/ (fixed seeds; run once, committed).

  data/iris.csv       scikit-learn's iris: 4 features, 3 string classes
  data/synthetic.csv  300 rows x 4 features, binary 0/1 (make_classification)
  data/weighted.csv   200 rows x 2 features, a weight column w, binary
  data/spam.csv       60 rows x 2 features, string labels ham/spam
"""
import pathlib

import numpy as np
import pandas as pd
from sklearn.datasets import load_iris, make_classification

DATA = pathlib.Path(__file__).resolve().parent.parent / "data"

iris = load_iris(as_frame=True)
df = iris.data.copy()
df.columns = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
df["species"] = iris.target_names[iris.target]
df.to_csv(DATA / "iris.csv", index=False)

X, y = make_classification(n_samples=300, n_features=4, n_informative=3, n_redundant=1,
                           random_state=7)
df = pd.DataFrame(np.round(X, 6), columns=["x1", "x2", "x3", "x4"])
df["y"] = y
df.to_csv(DATA / "synthetic.csv", index=False)

rng = np.random.default_rng(11)
X = rng.normal(size=(200, 2)) * [1.0, 3.0] + [0.5, -1.0]
y = (X @ [1.5, -0.4] + rng.logistic(size=200) > 0).astype(int)
w = np.round(rng.uniform(0.1, 3.0, size=200), 3)
df = pd.DataFrame(np.round(X, 6), columns=["a", "b"])
df["w"] = w
df["y"] = y
df.to_csv(DATA / "weighted.csv", index=False)

X = rng.normal(size=(60, 2))
y = np.where(X[:, 0] - 0.5 * X[:, 1] + rng.normal(size=60) * 0.8 > 0.2, "spam", "ham")
df = pd.DataFrame(np.round(X, 6), columns=["links", "caps"])
df["label"] = y
df.to_csv(DATA / "spam.csv", index=False)
print("wrote", sorted(p.name for p in DATA.glob("*.csv")))

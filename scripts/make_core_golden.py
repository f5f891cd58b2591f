#!/usr/bin/env python3
"""Golden values for Tests/FitlogitCoreTests: scikit-learn's own objective
(LinearModelLoss, the function its lbfgs minimizes) and gradient at fixed
points, and how pandas + scikit-learn order class labels.

Run by hand (needs scikit-learn, pandas):  python3 scripts/make_core_golden.py
The tests read the JSON it writes and never need Python.
"""
import io
import json
import pathlib

import numpy as np
import pandas as pd
import sklearn
from sklearn._loss.loss import HalfBinomialLoss, HalfMultinomialLoss
from sklearn.linear_model import LogisticRegression
from sklearn.linear_model._linear_loss import LinearModelLoss

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/FitlogitCoreTests/Golden/objective.json"
rng = np.random.default_rng(20261124)


def objective_case(name, X, y, C, fit_intercept, sample_weight=None):
    classes = np.unique(y)
    K = len(classes)
    yk = np.searchsorted(classes, y).astype(float)
    n, p = X.shape
    if K == 2:
        loss = LinearModelLoss(base_loss=HalfBinomialLoss(), fit_intercept=fit_intercept)
        dim = p + int(fit_intercept)
    else:
        loss = LinearModelLoss(base_loss=HalfMultinomialLoss(n_classes=K), fit_intercept=fit_intercept)
        dim = K * (p + int(fit_intercept))
    S = n if sample_weight is None else float(np.sum(sample_weight))
    l2 = 0.0 if np.isinf(C) else 1.0 / (C * S)
    points = []
    for scale in (0.0, 0.3, 1.5):
        w = rng.normal(size=dim) * scale
        # As sklearn's lbfgs path calls it: LinearModelLoss divides by
        # S = sum(sample_weight) (or n) itself; l2_reg_strength = 1/(C*S);
        # multinomial coefficients raveled in Fortran order.
        f, g = loss.loss_gradient(w, X, yk, sample_weight=sample_weight, l2_reg_strength=l2)
        points.append({"w": w.tolist(), "value": float(f), "gradient": np.ravel(g).tolist()})
    return {
        "name": name, "X": X.tolist(), "labels": yk.astype(int).tolist(), "classes": K,
        "C": None if np.isinf(C) else C, "fit_intercept": fit_intercept,
        "sample_weight": None if sample_weight is None else sample_weight.tolist(),
        "points": points,
    }


x = np.array([-2.2, -1.4, -0.8, 0.2, 0.4, 0.8, 1.2, 2.2, 2.9, 4.6])
y = np.array([0, 0, 1, 0, 1, 1, 1, 1, 1, 1])
Xs = rng.normal(size=(40, 3))
ys = (Xs @ [1.0, -2.0, 0.5] + rng.normal(size=40) > 0).astype(int)
X3 = rng.normal(size=(30, 2))
y3 = rng.integers(0, 3, size=30)
w3 = rng.uniform(0.5, 2.0, size=30)

cases = [
    objective_case("article", x.reshape(-1, 1), y, 1.0, True),
    objective_case("article-no-intercept", x.reshape(-1, 1), y, 0.5, False),
    objective_case("synthetic-weighted", Xs, ys, 2.0, True, rng.uniform(0.1, 3.0, size=40)),
    objective_case("synthetic-unpenalized", Xs, ys, np.inf, True),
    objective_case("three-class", X3, y3, 1.0, True),
    objective_case("three-class-weighted-no-intercept", X3, y3, 0.7, False, w3),
]

# How pandas.read_csv + np.unique order labels (docs/DESIGN.md "CSV input").
orders = []
for column in (["1", "0", "10", "9", "1.0", "01"], ["b", "B", "a", "é", "Z", "10"],
               ["spam", "ham", "spam"], ["-1", "2.5", "0", "-1.0"]):
    text = "x,y\n" + "\n".join(f"{i},{v}" for i, v in enumerate(column)) + "\n"
    df = pd.read_csv(io.StringIO(text))
    classes = np.unique(df["y"].to_numpy())
    orders.append({"labels": column, "classes": [str(c) for c in classes]})

# LogisticRegression on the article: defaults, tight tol, unpenalized.
fits = []
for options in ({}, {"tol": 1e-10}, {"C": np.inf}, {"C": 0.1, "fit_intercept": False}):
    m = LogisticRegression(**options).fit(x.reshape(-1, 1), y)
    fits.append({"options": {k: (v if np.isfinite(v) else "inf") for k, v in options.items()},
                 "coef": m.coef_.ravel().tolist(), "intercept": m.intercept_.tolist(),
                 "n_iter": int(m.n_iter_[0])})

OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({"sklearn": sklearn.__version__, "pandas": pd.__version__,
                           "objectives": cases, "class_orders": orders, "article_fits": fits},
                          indent=1) + "\n")
print("wrote", OUT)

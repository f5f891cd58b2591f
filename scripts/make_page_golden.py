#!/usr/bin/env python3
"""Golden values for the interactive page's browser test: on the article's ten
points (data/points.csv), statsmodels' maximum-likelihood fit and
scikit-learn's default (penalized) fit, scikit-learn's log_loss at each, and
scikit-learn's confusion matrix, accuracy, precision and recall of the
penalized fit's probabilities at two thresholds (positive when p >= t).

`penalties`: scikit-learn's fit and objective for each penalty (L1 and the
elastic net with saga, L2, none), balanced class weights and a sample-weight
column (page_weighted.csv: points.csv with a column s). The objective is
scikit-learn's own LinearModelLoss (the weighted mean half-binomial loss and
its L2 part, strength (1 - l1_ratio)/(C*S)) plus l1_ratio/(C*S)*|w|, the L1
part saga's alpha/beta split adds; S is the weight sum.

Run by hand (needs scikit-learn, statsmodels, pandas):
    python3 scripts/make_page_golden.py
writes Tests/FitlogitCLITests/Golden/live_page.json, page_many.csv and
page_weighted.csv.
"""
import json
import pathlib

import numpy as np
import pandas as pd
import sklearn
import statsmodels
import statsmodels.api as sm
from sklearn.linear_model import LogisticRegression
from sklearn.linear_model._linear_loss import LinearModelLoss
from sklearn._loss.loss import HalfBinomialLoss
from sklearn.utils.class_weight import compute_sample_weight
from sklearn.metrics import (accuracy_score, confusion_matrix, log_loss,
                             precision_score, recall_score)

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests/FitlogitCLITests/Golden/live_page.json"

data = pd.read_csv(ROOT / "data/points.csv")
X = data[["x"]].to_numpy()
y = data["y"].to_numpy()


def loss_at(w, b):
    p = 1 / (1 + np.exp(-(w * X[:, 0] + b)))
    return log_loss(y, np.column_stack([1 - p, p]))


ml = sm.Logit(y, sm.add_constant(X)).fit(disp=0, tol=1e-14, maxiter=100)
ml_b, ml_w = (float(v) for v in ml.params)
sk = LogisticRegression().fit(X, y)
sk_w, sk_b = float(sk.coef_[0, 0]), float(sk.intercept_[0])
p = sk.predict_proba(X)[:, 1]

thresholds = {}
for t in (0.5, 0.75):
    predicted = (p >= t).astype(int)
    tn, fp, fn, tp = (int(v) for v in confusion_matrix(y, predicted).ravel())
    thresholds[str(t)] = {
        "tn": tn, "fp": fp, "fn": fn, "tp": tp,
        "accuracy": accuracy_score(y, predicted),
        "precision": precision_score(y, predicted),
        "recall": recall_score(y, predicted),
    }

# Many points (400 > 300: the page bins its bars): a seeded one-feature file,
# and scikit-learn's log_loss at a model the test types in, over all rows and
# for the rows the page's table shows (20 evenly spaced: 10, 30, ..., 390).
rng = np.random.default_rng(16)
age = np.round(rng.normal(30, 14, 400), 1)
survived = (rng.random(400) < 1 / (1 + np.exp(-(0.05 * (age - 30) + 0.3)))).astype(int)
many_csv = OUT.parent / "page_many.csv"
pd.DataFrame({"age": age, "survived": survived}).to_csv(many_csv, index=False)
many = pd.read_csv(many_csv)
mx, my = many["age"].to_numpy(), many["survived"].to_numpy()
mw, mb = 0.06, -1.5
mp = 1 / (1 + np.exp(-(mw * mx + mb)))
rows = [(2 * k + 1) * 400 // 40 for k in range(20)]


# Every penalty the page draws, and weighted rows. The sample weights are
# points.csv's rows weighted 1, 2, 0.5, ... (a column s, not a feature).
weighted_csv = OUT.parent / "page_weighted.csv"
pd.DataFrame({"x": X[:, 0], "s": [1, 2, 0.5, 1, 3, 1, 0.25, 1, 2, 1], "y": y}).to_csv(
    weighted_csv, index=False)
s_column = pd.read_csv(weighted_csv)["s"].to_numpy()


def penalty_case(options, sample_weight=None, fit_weight=None):
    model = LogisticRegression(**options).fit(X, y, sample_weight=fit_weight)
    w, b = float(model.coef_[0, 0]), float(model.intercept_[0])
    C = options.get("C", 1.0)
    rho = options.get("l1_ratio", 0.0)
    S = len(y) if sample_weight is None else float(np.sum(sample_weight))
    linear = LinearModelLoss(base_loss=HalfBinomialLoss(), fit_intercept=True)
    l2 = 0.0 if np.isinf(C) else (1 - rho) / (C * S)
    l1 = 0.0 if np.isinf(C) else rho / (C * S)
    smooth = linear.loss(np.array([w, b]), X, y.astype(float), sample_weight=sample_weight,
                         l2_reg_strength=l2)
    p = model.predict_proba(X)
    return {
        "w": w, "b": b, "n_iter": int(model.n_iter_[0]),
        "log_loss": log_loss(y, p),
        "weighted_log_loss": log_loss(y, p, sample_weight=sample_weight),
        "objective": float(smooth + l1 * abs(w)),
    }


balanced = compute_sample_weight("balanced", y)
penalties = {
    "l1": penalty_case({"l1_ratio": 1.0, "solver": "saga", "tol": 1e-12, "max_iter": 100000}),
    "elasticnet": penalty_case(
        {"l1_ratio": 0.5, "solver": "saga", "tol": 1e-12, "max_iter": 100000}),
    "l2": penalty_case({}),
    "none": penalty_case({"C": np.inf}),
    "balanced": penalty_case({"class_weight": "balanced"}, sample_weight=balanced),
    "sample_weight": penalty_case({}, sample_weight=s_column, fit_weight=s_column),
}

golden = {
    "versions": {"scikit-learn": sklearn.__version__, "statsmodels": statsmodels.__version__},
    "maximum_likelihood": {"w": ml_w, "b": ml_b, "log_loss": loss_at(ml_w, ml_b)},
    "sklearn": {"w": sk_w, "b": sk_b, "log_loss": loss_at(sk_w, sk_b),
                "objective": loss_at(sk_w, sk_b) + sk_w**2 / (2 * 1.0 * len(y))},
    "thresholds": thresholds,
    "penalties": penalties,
    "many": {
        "w": mw, "b": mb,
        "log_loss": log_loss(my, np.column_stack([1 - mp, mp])),
        "rows": rows,
        "row_loss": [log_loss([my[i]], [[1 - mp[i], mp[i]]], labels=[0, 1]) for i in rows],
    },
}
OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps(golden, indent=2) + "\n")
print(OUT)

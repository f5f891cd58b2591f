#!/usr/bin/env python3
"""Golden LogisticRegressionCV results from scikit-learn itself, for
Tests/FitlogitModelSelectionTests (and `fitlogit fit --cv K`).

    python3 scripts/make_cv_golden.py        (scikit-learn 1.9.1, pandas)

Each case: a data file, the options, and scikit-learn's Cs_, C_, scores_
(fold x C), n_iter_ (fold x C), coef_, intercept_ and the folds' test rows.
"""
import json
import pathlib
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegressionCV
from sklearn.model_selection import StratifiedKFold

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests/FitlogitModelSelectionTests/Golden/cv.json"
warnings.simplefilter("ignore")  # ConvergenceWarning, the 1.10 FutureWarnings

CASES = [
    # name, file, target, weight column, options
    ("article", "points.csv", "y", None, {"cv": 3}),
    # Raw iris and anes96 are badly scaled: at large C the L-BFGS runs of
    # scikit-learn and fitlogit part (rounding order), as for a plain fit.
    # Standardized (z-scores, given to the tests as numbers), they agree.
    ("anes96 vote, standardized", "anes96.csv", "vote", None, {"cv": 5, "standardize": True}),
    ("anes96 vote, standardized, neg_log_loss, Cs=5", "anes96.csv", "vote", None,
     {"cv": 5, "scoring": "neg_log_loss", "Cs": 5, "standardize": True}),
    ("iris, standardized", "iris.csv", "species", None, {"cv": 5, "standardize": True}),
    ("iris, standardized, neg_log_loss", "iris.csv", "species", None,
     {"cv": 5, "scoring": "neg_log_loss", "standardize": True}),
    ("weighted, balanced", "weighted.csv", "y", "w",
     {"cv": 5, "class_weight": "balanced"}),
    ("spam, roc_auc, Cs list", "spam.csv", "label", None,
     {"cv": 4, "scoring": "roc_auc", "Cs": [0.01, 0.1, 1.0, 10.0]}),
]

cases = []
standardized = {}  # file -> the z-scores the standardized cases fitted
for name, file, target, weight, options in CASES:
    df = pd.read_csv(ROOT / "data" / file, index_col=0 if file == "anes96.csv" else None)
    features = [c for c in df.columns if c not in (target, weight)]
    X = df[features].to_numpy(dtype=float)
    y = df[target].to_numpy()
    w = None if weight is None else df[weight].to_numpy(dtype=float)
    opts = dict(options)
    standardize = opts.pop("standardize", False)
    if standardize:
        X = np.round((X - X.mean(axis=0)) / X.std(axis=0), 6)  # 6 digits keep the file small
    cv = opts.pop("cv")
    scoring = opts.pop("scoring", None)
    m = LogisticRegressionCV(cv=cv, scoring=scoring, use_legacy_attributes=False,
                             l1_ratios=None, **opts).fit(X, y, sample_weight=w)
    folds = [test.tolist() for _, test in StratifiedKFold(cv).split(X, y)]
    cases.append({
        "name": name, "file": file, "target": target, "sample_weight": weight,
        "cv": cv, "scoring": scoring or "accuracy", "Cs": options.get("Cs", 10),
        "options": {k: v for k, v in options.items() if k != "standardize"},
        "class_weight": opts.get("class_weight"),
        "Cs_": m.Cs_.tolist(), "C_": float(m.C_),
        "scores_": m.scores_[:, 0, :].tolist(), "n_iter_": m.n_iter_[:, 0, :].tolist(),
        "coef_": m.coef_.tolist(), "intercept_": m.intercept_.tolist(),
        "classes_": [str(c) for c in m.classes_], "folds": folds,
        "standardized": standardize,
    })
    if standardize:
        standardized[file] = {"X": X.tolist(), "y": [str(v) for v in y]}

OUT.write_text(json.dumps({"sklearn": sklearn.__version__, "cases": cases,
                           "standardized": standardized}) + "\n")
print("wrote", OUT)
for c in cases:
    print(c["name"], c["C_"], np.max(c["n_iter_"]))

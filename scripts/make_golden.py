#!/usr/bin/env python3
"""Golden fits: scikit-learn's LogisticRegression on every dataset in data/
under default and non-default options, written to
Tests/FitlogitCoreTests/Golden/sklearn_fits.json for the parity tests.

Run by hand (needs scikit-learn 1.9.1 and pandas):  python3 scripts/make_golden.py
Each case reads its CSV exactly as a user of pandas would, so the tests also
check that fitlogit reads the file the same way.
"""
import json
import pathlib
import warnings

import numpy as np
import pandas as pd
import scipy
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests/FitlogitCoreTests/Golden/sklearn_fits.json"

# (dataset, target, weight column, CLI-style options)
CASES = []
for name, target in (("points.csv", "y"), ("iris.csv", "species"), ("synthetic.csv", "y"),
                     ("spam.csv", "label")):
    for options in ({}, {"C": 0.1}, {"C": 10.0}, {"penalty": "none"}, {"fit_intercept": False},
                    {"tol": 1e-10, "max_iter": 10000}, {"class_weight": "balanced"},
                    {"max_iter": 5}):
        CASES.append((name, target, None, options))
for options in ({}, {"C": 0.5}, {"tol": 1e-10}, {"class_weight": "balanced"},
                {"fit_intercept": False, "tol": 1e-10}):
    CASES.append(("weighted.csv", "y", "w", options))


def fit(name, target, weight, options):
    df = pd.read_csv(ROOT / "data" / name)
    y = df[target].to_numpy()
    sw = df[weight].to_numpy(dtype=float) if weight else None
    X = df.drop(columns=[c for c in (target, weight) if c]).to_numpy(dtype=float)
    kwargs = {k: v for k, v in options.items() if k != "penalty"}
    if options.get("penalty") == "none":
        kwargs["C"] = np.inf
    model = LogisticRegression(**kwargs)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model.fit(X, y, sample_weight=sw)
    converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
    proba = model.predict_proba(X)
    return {
        "dataset": name, "target": target, "sample_weight": weight, "options": options,
        "classes": [str(c) for c in model.classes_],
        "coef": model.coef_.tolist(), "intercept": model.intercept_.tolist(),
        "n_iter": int(model.n_iter_[0]), "converged": converged,
        "log_loss": float(log_loss(y, proba)),
        "predict_proba": proba.tolist(),
        "predict": [str(c) for c in model.predict(X)],
    }


out = {"sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__,
       "cases": [fit(*c) for c in CASES]}
OUT.write_text(json.dumps(out, indent=1) + "\n")
print("wrote", OUT, len(out["cases"]), "cases;",
      sum(not c["converged"] for c in out["cases"]), "stop at max_iter")

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
import sys
import warnings

import numpy as np
import pandas as pd
import scipy
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The NumPy port of docs/SKLEARN_LBFGS.md, committed beside this script.
sys.path.insert(0, str(ROOT / "scripts" / "reference"))
from ref_lbfgs import fit_logistic  # noqa: E402

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
# scikit-learn's Newton solver, for `--solver newton`.
for name, target, weight in (("points.csv", "y", None), ("iris.csv", "species", None),
                             ("synthetic.csv", "y", None), ("weighted.csv", "y", "w")):
    CASES.append((name, target, weight, {"solver": "newton-cholesky"}))


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
    # The same fit by the reference port in plain sequential arithmetic
    # (what fitlogit computes) and with OpenBLAS-like rounding. Where the
    # two disagree, scikit-learn's own result depends on its BLAS kernel.
    ref_options = dict(C=kwargs.get("C", 1.0), tol=kwargs.get("tol", 1e-4),
                       max_iter=kwargs.get("max_iter", 100))
    Xr, yr, swr = X, y, sw
    if options.get("class_weight") == "balanced":
        classes, counts = np.unique(y, return_counts=True)
        base = np.ones(len(y)) if sw is None else sw
        totals = np.array([base[y == c].sum() for c in classes])
        swr = base * (base.sum() / (len(classes) * totals))[np.searchsorted(classes, y)]
    refs = {}
    for mode in ("plain", "blas"):
        if not kwargs.get("fit_intercept", True) or "solver" in kwargs:
            refs[mode] = None
            continue
        r = fit_logistic(Xr, yr, mode=mode, sample_weight=swr, **ref_options)
        refs[mode] = {"coef": r["coef"].tolist(), "intercept": r["intercept"].tolist(),
                      "n_iter": int(r["n_iter"][0]), "status": int(r["status"])}
    return {
        "dataset": name, "target": target, "sample_weight": weight, "options": options,
        "classes": [str(c) for c in model.classes_],
        "coef": model.coef_.tolist(), "intercept": model.intercept_.tolist(),
        "n_iter": int(model.n_iter_[0]), "converged": converged,
        "log_loss": float(log_loss(y, proba)),
        "predict_proba": proba.tolist(),
        "predict": [str(c) for c in model.predict(X)],
        "reference_plain": refs["plain"], "reference_blas": refs["blas"],
    }


out = {"sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__,
       "cases": [fit(*c) for c in CASES]}
OUT.write_text(json.dumps(out, indent=1) + "\n")
print("wrote", OUT, len(out["cases"]), "cases;",
      sum(not c["converged"] for c in out["cases"]), "stop at max_iter")
# The unscaled-iris cases follow the BLAS kernel's rounding (README,
# "regenerate"); say which kernel made this file.
try:
    from threadpoolctl import threadpool_info
    print("BLAS:", ", ".join(f"{i.get('internal_api')} {i.get('version')} {i.get('architecture')}"
                             for i in threadpool_info() if i.get("user_api") == "blas"))
except ImportError:
    pass

#!/usr/bin/env python3
"""The curves `--plot` draws for a held-out file, computed by scikit-learn
itself: LogisticRegression() fitted on data/NAME-train.csv, then
roc_curve, precision_recall_curve (one class against the rest for K
classes) and calibration_curve(n_bins=10) on data/NAME-test.csv, for
Tests/FitlogitCLITests/EvaluationPlotTests.

    python3 scripts/make_plot_curves_golden.py      (scikit-learn 1.9.1, pandas)

The train/test files are those of scripts/make_score_golden.py.
"""
import json
import pathlib

import pandas as pd
import sklearn
from sklearn import metrics
from sklearn.calibration import calibration_curve
from sklearn.linear_model import LogisticRegression

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests/FitlogitCLITests/Golden/plot_curves.json"
TIGHT = {"tol": 1e-10, "max_iter": 1000}
cases = []
for name, target, weight, options in [("spam", "label", None, {}),
                                      ("weighted", "y", "w", {}),
                                      ("iris", "species", None, TIGHT)]:
    train = pd.read_csv(ROOT / "data" / f"{name}-train.csv")
    test = pd.read_csv(ROOT / "data" / f"{name}-test.csv")
    features = [c for c in train.columns if c not in (target, weight)]
    model = LogisticRegression(**options).fit(
        train[features], train[target],
        sample_weight=None if weight is None else train[weight])
    proba = model.predict_proba(test[features])
    w = None if weight is None else test[weight].to_numpy()
    classes = list(model.classes_)
    curves = []
    for k in ([1] if len(classes) == 2 else range(len(classes))):
        y = (test[target].to_numpy() == classes[k]).astype(int)
        fpr, tpr, _ = metrics.roc_curve(y, proba[:, k], sample_weight=w)
        prec, rec, _ = metrics.precision_recall_curve(y, proba[:, k], sample_weight=w)
        curve = {"class": str(classes[k]), "fpr": fpr.tolist(), "tpr": tpr.tolist(),
                 "precision": prec.tolist(), "recall": rec.tolist()}
        if len(classes) == 2:
            # calibration_curve takes no sample_weight: every row counts once.
            t, p = calibration_curve(y, proba[:, k], n_bins=10, strategy="uniform")
            curve["prob_true"], curve["prob_pred"] = t.tolist(), p.tolist()
        curves.append(curve)
    cases.append({"name": name, "train": f"{name}-train.csv", "test": f"{name}-test.csv",
                  "target": target, "sample_weight": weight, "options": options,
                  "curves": curves})
OUT.write_text(json.dumps({"sklearn": sklearn.__version__, "cases": cases}, indent=1) + "\n")
print("wrote", OUT)

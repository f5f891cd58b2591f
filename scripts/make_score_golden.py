#!/usr/bin/env python3
"""Train/test files and scikit-learn's held-out scores on them, for
`fitlogit score` and `fit --test` (Tests/FitlogitCLITests/ScoreCommandTests).

    python3 scripts/make_score_golden.py        (scikit-learn 1.9.1, pandas)

Writes data/{spam,iris,weighted}-{train,test}.csv, 70/30 stratified splits
by train_test_split(random_state=0) of the files in data/, and
Tests/FitlogitCLITests/Golden/score.json: LogisticRegression() fitted on
each train file, then sklearn.metrics on the test file.
"""
import json
import pathlib
import warnings

import pandas as pd
import sklearn
from sklearn import metrics
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import FixedThresholdClassifier, train_test_split

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
OUT = ROOT / "Tests/FitlogitCLITests/Golden/score.json"
warnings.simplefilter("ignore")


def scores(model, X, y, w, threshold=None):
    classes = list(model.classes_)
    proba = model.predict_proba(X)
    if threshold is None:
        pred = model.predict(X)
    else:
        pred = FixedThresholdClassifier(
            model, threshold=threshold, response_method="predict_proba").fit(X, y).predict(X)
    out = {
        "accuracy_score": metrics.accuracy_score(y, pred, sample_weight=w),
        "balanced_accuracy_score": metrics.balanced_accuracy_score(y, pred, sample_weight=w),
        "log_loss": metrics.log_loss(y, proba, sample_weight=w, labels=classes),
    }
    if len(classes) == 2:
        pos = proba[:, 1]
        yb = (y == classes[1]).astype(int)
        out["brier_score_loss"] = metrics.brier_score_loss(yb, pos, sample_weight=w)
        out["roc_auc_score"] = metrics.roc_auc_score(yb, pos, sample_weight=w)
        out["average_precision_score"] = metrics.average_precision_score(
            yb, pos, sample_weight=w)
    else:
        for avg in ("macro", "weighted"):
            out[f"roc_auc_score_ovr_{avg}"] = metrics.roc_auc_score(
                y, proba, multi_class="ovr", average=avg, sample_weight=w, labels=classes)
    out["matthews_corrcoef"] = metrics.matthews_corrcoef(y, pred, sample_weight=w)
    out["confusion_matrix"] = metrics.confusion_matrix(
        y, pred, labels=classes, sample_weight=w).tolist()
    out["classification_report"] = metrics.classification_report(y, pred, sample_weight=w)
    return out


cases = []
# Raw iris is badly scaled: at the default tol the two L-BFGS runs part after
# a few dozen iterations (rounding order), so it is fitted to the optimum.
TIGHT = {"tol": 1e-10, "max_iter": 1000}
for name, target, weight, options in [("spam", "label", None, {}),
                                      ("iris", "species", None, TIGHT),
                                      ("weighted", "y", "w", {})]:
    df = pd.read_csv(DATA / f"{name}.csv")
    train, test = train_test_split(df, test_size=0.3, random_state=0, stratify=df[target])
    train.to_csv(DATA / f"{name}-train.csv", index=False)
    test.to_csv(DATA / f"{name}-test.csv", index=False)
    features = [c for c in df.columns if c not in (target, weight)]
    y_train = train[target].astype(str) if df[target].dtype == object else train[target]
    y_test = test[target].astype(str) if df[target].dtype == object else test[target]
    model = LogisticRegression(**options).fit(
        train[features], y_train,
        sample_weight=None if weight is None else train[weight])
    w = None if weight is None else test[weight].to_numpy()
    cases.append({"name": name, "train": f"{name}-train.csv", "test": f"{name}-test.csv",
                  "sample_weight": weight, "threshold": None, "options": options,
                  **scores(model, test[features], y_test.to_numpy(), w)})
    if name == "spam":
        cases.append({"name": "spam, threshold 0.3", "train": f"{name}-train.csv",
                      "test": f"{name}-test.csv", "sample_weight": None, "threshold": 0.3,
                      "options": options,
                      **scores(model, test[features], y_test.to_numpy(), w, threshold=0.3)})

OUT.write_text(json.dumps({"sklearn": sklearn.__version__, "cases": cases}, indent=1) + "\n")
print("wrote", OUT)

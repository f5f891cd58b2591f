#!/usr/bin/env python3
"""Golden values of the sklearn.metrics functions that `fitlogit score`
prints, computed by scikit-learn itself, for Tests/FitlogitMetricsTests.

    python3 scripts/make_metrics_golden.py      (scikit-learn 1.9.1)

Predictions are binary and 3-class, with and without sample weights; the
scores are drawn from a few values so that ROC AUC and average precision
meet tied scores (several rows at one threshold).
"""
import json
import pathlib
import warnings

import numpy as np
import sklearn
from sklearn import metrics

OUT = (pathlib.Path(__file__).resolve().parent.parent
       / "Tests/FitlogitMetricsTests/Golden/metrics.json")
rng = np.random.RandomState(14)
warnings.simplefilter("ignore")  # zero division, absent classes: values still defined


def curves(y, s, w):
    fpr, tpr, thr = metrics.roc_curve(y, s, sample_weight=w)
    prec, rec, pthr = metrics.precision_recall_curve(y, s, sample_weight=w)
    return {"roc_curve": {"fpr": fpr.tolist(), "tpr": tpr.tolist(),
                          "thresholds": [t if np.isfinite(t) else None for t in thr]},
            "precision_recall_curve": {"precision": prec.tolist(), "recall": rec.tolist(),
                                       "thresholds": pthr.tolist()}}


def common(names, y, yhat, w, out):
    ny, nyhat = np.asarray(names)[y], np.asarray(names)[yhat]
    out["accuracy"] = metrics.accuracy_score(y, yhat, sample_weight=w)
    out["balanced_accuracy"] = metrics.balanced_accuracy_score(y, yhat, sample_weight=w)
    out["matthews_corrcoef"] = metrics.matthews_corrcoef(y, yhat, sample_weight=w)
    out["confusion_matrix"] = metrics.confusion_matrix(
        y, yhat, labels=list(range(len(names))), sample_weight=w).tolist()
    out["classification_report"] = metrics.classification_report(ny, nyhat, sample_weight=w)
    p, r, f, s = metrics.precision_recall_fscore_support(y, yhat, sample_weight=w)
    out["precision"], out["recall"], out["f1"] = p.tolist(), r.tolist(), f.tolist()
    out["support"] = np.asarray(s, dtype=float).tolist()


def binary_case(name, n, weighted, score_values):
    y = rng.randint(0, 2, n)
    s = np.clip(0.45 * y + rng.choice(score_values, n), 0, 1)
    w = rng.uniform(0.2, 3.0, n).round(2) if weighted else None
    yhat = (s > 0.5).astype(int)  # predict: the positive class when p > 0.5
    case = {"name": name, "classes": ["ham", "spam"], "y_true": y.tolist(),
            "y_pred": yhat.tolist(), "y_score": s.tolist(),
            "sample_weight": None if w is None else w.tolist()}
    case["log_loss"] = metrics.log_loss(y, s, sample_weight=w)
    case["brier_score_loss"] = metrics.brier_score_loss(y, s, sample_weight=w)
    case["roc_auc"] = metrics.roc_auc_score(y, s, sample_weight=w)
    case["average_precision"] = metrics.average_precision_score(y, s, sample_weight=w)
    common(case["classes"], y, yhat, w, case)
    case.update(curves(y, s, w))
    return case


def multiclass_case(name, n, weighted, absent_predicted=False):
    k = 3
    y = rng.randint(0, k, n)
    # A few fixed rows (ties) and some random ones.
    fixed = np.array([[0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [0.1, 0.2, 0.7], [0.4, 0.4, 0.2]])
    p = fixed[rng.randint(0, len(fixed), n)]
    rand = rng.dirichlet([1, 1, 1], n)
    use = rng.rand(n) < 0.4
    p[use] = rand[use]
    p[np.arange(n), y] += 0.3
    p /= p.sum(axis=1, keepdims=True)
    yhat = p.argmax(axis=1)
    if absent_predicted:  # class 2 is predicted but never true
        y[y == 2] = 0
    w = rng.uniform(0.2, 3.0, n).round(2) if weighted else None
    case = {"name": name, "classes": ["setosa", "versicolor", "virginica"],
            "y_true": y.tolist(), "y_pred": yhat.tolist(), "y_proba": p.tolist(),
            "sample_weight": None if w is None else w.tolist()}
    labels = list(range(k))
    case["log_loss"] = metrics.log_loss(y, p, sample_weight=w, labels=labels)
    if not absent_predicted:
        case["roc_auc_ovr_macro"] = metrics.roc_auc_score(
            y, p, multi_class="ovr", average="macro", sample_weight=w)
        case["roc_auc_ovr_weighted"] = metrics.roc_auc_score(
            y, p, multi_class="ovr", average="weighted", sample_weight=w)
    common(case["classes"], y, yhat, w, case)
    return case


cases = [
    binary_case("binary", 40, False, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5]),
    binary_case("binary weighted", 40, True, [0.05, 0.15, 0.25, 0.35, 0.5]),
    binary_case("binary many", 300, True, np.linspace(0, 0.55, 23)),
    multiclass_case("3-class", 45, False),
    multiclass_case("3-class weighted", 45, True),
    multiclass_case("3-class, a class predicted but never true", 30, False, True),
]
OUT.write_text(json.dumps({"sklearn": sklearn.__version__, "cases": cases}, indent=1) + "\n")
print("wrote", OUT)

#!/usr/bin/env python3
"""Golden L1 and elastic-net fits: scikit-learn 1.9.1's saga run to
tol=1e-12, max_iter=100000 (as close to the optimum as saga gets), written to
Tests/FitlogitCoreTests/Golden/sklearn_penalty_fits.json for the penalty tests.

Run from a fresh clone (needs scikit-learn 1.9.1, pandas):
    pip install scikit-learn==1.9.1 pandas
    python3 scripts/make_penalty_golden.py
    python3 scripts/make_penalty_golden.py --newton-cg   # only the newton-cg file
    python3 scripts/make_penalty_golden.py --newton-cholesky   # only that file
    python3 scripts/make_penalty_golden.py --newton-line-search   # only that file

`--newton-cg` writes Tests/FitlogitCoreTests/Golden/sklearn_newton_cg_fits.json
alone: scikit-learn's newton-cg at its defaults (n_iter and coefficients).

`--newton-cholesky` writes Tests/FitlogitCoreTests/Golden/
sklearn_newton_cholesky_fits.json alone: newton-cholesky where its Hessian is
singular or ill-conditioned (a duplicated or a collinear column added to a
data file, no penalty), so that it warns and falls back to lbfgs, with the
warnings' texts; and three classes without a penalty asked for in every
spelling scikit-learn 1.9 accepts.

`--newton-line-search` writes Tests/FitlogitCoreTests/Golden/
sklearn_newton_line_search_fits.json alone: newton-cholesky where its
backtracking line search fails (21 halvings, none acceptable), so that it
warns and falls back to lbfgs from the last point it tried. The data are the
article's ten points plus one row whose x is 1e10 (label 0), warm-started at
a small negative slope: that row is then classified with a margin of
hundreds and weighs nothing in the Hessian, so the Newton step is sized for
the ten points alone; even 2**-20 of it swings the extreme row's margin by
thousands, and no step passes the Armijo test. The script checks that
scikit-learn really warned so.

saga is stochastic (random_state=0 here); its answer at this tolerance is
the optimum to ~1e-9, which is what fitlogit's deterministic solver reaches.
Each case also records the largest component of the minimum-norm
subgradient at saga's answer, so a reader can see how optimal it is.
"""
import io
import json
import pathlib
import sys
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests/FitlogitCoreTests/Golden/sklearn_penalty_fits.json"
NEWTON_CHOLESKY_OUT = ROOT / "Tests/FitlogitCoreTests/Golden/sklearn_newton_cholesky_fits.json"
NEWTON_LINE_SEARCH_OUT = ROOT / "Tests/FitlogitCoreTests/Golden/sklearn_newton_line_search_fits.json"
NEWTON_CG_OUT = ROOT / "Tests/FitlogitCoreTests/Golden/sklearn_newton_cg_fits.json"

# (dataset, target, weight column, options): L1 and elastic net, two and
# three classes, with and without sample weights and class weights.
CASES = []
for name, target in (("points.csv", "y"), ("synthetic.csv", "y"), ("summary_binary.csv", "outcome"),
                     ("summary_three.csv", "level"), ("iris.csv", "species")):
    # On the ten points, C=0.1 zeroes the slope and saga then stops after one
    # epoch, far from the optimal intercept: C=0.2 keeps the case meaningful
    # (the all-zero case is tested against its closed form instead).
    small = 0.2 if name == "points.csv" else 0.1
    for options in ({"l1_ratio": 1.0}, {"l1_ratio": 1.0, "C": small}, {"l1_ratio": 0.5, "C": 0.5}):
        CASES.append((name, target, None, options))
CASES.append(("synthetic.csv", "y", None, {"l1_ratio": 1.0, "C": 0.05, "fit_intercept": False}))
CASES.append(("summary_three.csv", "level", None, {"l1_ratio": 0.7, "C": 0.2,
                                                  "class_weight": "balanced"}))
for options in ({"l1_ratio": 1.0}, {"l1_ratio": 0.5, "C": 0.3}, {"l1_ratio": 1.0,
                                                                "class_weight": "balanced"}):
    CASES.append(("weighted.csv", "y", "w", options))


# The other parameters issue 13 asks for, each fitted by scikit-learn itself:
# liblinear (its own problem, intercept penalized), max_iter=0, class weights
# as a mapping, and warm starts (fit with `warm_from`, then refit from there).
EXTRAS = [
    ("points.csv", "y", None, {"solver": "liblinear"}),
    ("points.csv", "y", None, {"solver": "liblinear", "tol": 1e-12, "max_iter": 100000}),
    ("synthetic.csv", "y", None, {"solver": "liblinear", "tol": 1e-12, "max_iter": 100000,
                                  "intercept_scaling": 10.0}),
    # (liblinear's L1 solver never meets tol=1e-12 here: 1e-10 it does.)
    ("synthetic.csv", "y", None, {"solver": "liblinear", "l1_ratio": 1.0, "C": 0.1,
                                  "tol": 1e-10, "max_iter": 100000}),
    ("weighted.csv", "y", "w", {"solver": "liblinear", "tol": 1e-12, "max_iter": 100000}),
    ("weighted.csv", "y", "w", {"solver": "liblinear", "l1_ratio": 1.0, "tol": 1e-12,
                                "max_iter": 100000}),
    ("points.csv", "y", None, {"max_iter": 0}),
    ("iris.csv", "species", None, {"max_iter": 0}),
    ("points.csv", "y", None, {"solver": "newton-cholesky", "max_iter": 0}),
    ("iris.csv", "species", None, {"class_weight": {"setosa": 2.0, "virginica": 0.5}}),
    ("points.csv", "y", None, {"class_weight": {0: 3.0}}),
    ("weighted.csv", "y", "w", {"class_weight": {1: 0.25}, "tol": 1e-10}),
    ("points.csv", "y", None, {"C": 10.0, "warm_from": {"C": 0.1}}),
    ("synthetic.csv", "y", None, {"C": 0.01, "warm_from": {"C": 100.0}}),
    ("iris.csv", "species", None, {"solver": "newton-cholesky", "C": np.inf}),
    ("iris.csv", "species", None, {"solver": "newton-cholesky", "C": np.inf,
                                   "fit_intercept": False}),
]


# newton-cg at scikit-learn's defaults (tol=1e-4, max_iter=100): two and
# three classes, L2 and no penalty, with and without sample weights.
NEWTON_CG = [
    ("points.csv", "y", None, {"solver": "newton-cg"}),
    ("iris.csv", "species", None, {"solver": "newton-cg"}),
    ("synthetic.csv", "y", None, {"solver": "newton-cg"}),
    ("weighted.csv", "y", "w", {"solver": "newton-cg"}),
    ("synthetic.csv", "y", None, {"solver": "newton-cg", "C": np.inf}),
    ("iris.csv", "species", None, {"solver": "newton-cg", "C": 10.0}),
    ("synthetic.csv", "y", None, {"solver": "newton-cg", "fit_intercept": False}),
    # Three classes: no penalty, sample weights (iris weighted by its petal
    # width), warm starts; on iris (raw, ill-conditioned) and on the
    # well-conditioned summary_three; and iris to tol=1e-10 (the optimum).
    ("iris.csv", "species", None, {"solver": "newton-cg", "C": np.inf}),
    ("iris.csv", "species", "petal_width", {"solver": "newton-cg"}),
    ("iris.csv", "species", None, {"solver": "newton-cg", "C": 10.0,
                                   "warm_from": {"solver": "newton-cg", "C": 0.1}}),
    ("iris.csv", "species", None, {"solver": "newton-cg", "tol": 1e-10}),
    ("summary_three.csv", "level", None, {"solver": "newton-cg"}),
    ("summary_three.csv", "level", None, {"solver": "newton-cg", "C": np.inf}),
    ("summary_three.csv", "level", None, {"solver": "newton-cg", "C": 0.05,
                                          "warm_from": {"solver": "newton-cg", "C": 5.0}}),
]


# newton-cholesky's fallback: (dataset, target, weight, added column as
# {name: {source column: factor}}, options). The added column is
# sum(factor * source), a duplicate when there is one source.
NEWTON_CHOLESKY = [
    ("synthetic.csv", "y", None, {"x1_copy": {"x1": 1}}, {"C": np.inf}),
    ("synthetic.csv", "y", None, {"x1_copy": {"x1": 1}}, {}),
    ("synthetic.csv", "y", None, {"x1_2x2": {"x1": 1, "x2": 2}}, {"C": np.inf}),
    ("points.csv", "y", None, {"x_copy": {"x": 1}}, {"C": np.inf}),
    ("weighted.csv", "y", "w", {"a_copy": {"a": 1}}, {"C": np.inf}),
    ("iris.csv", "species", None, {"sepal_length_copy": {"sepal_length": 1}}, {"C": np.inf}),
    # Three classes without a penalty, every way of asking for it.
    ("iris.csv", "species", None, {}, {"C": np.inf}),
    ("iris.csv", "species", None, {}, {"penalty": None}),
    ("iris.csv", "species", None, {}, {"penalty": None, "C": 5.0}),
    ("iris.csv", "species", None, {}, {"penalty": "l2", "C": np.inf}),
    ("iris.csv", "species", None, {}, {"C": np.inf, "l1_ratio": 1.0}),
    ("iris.csv", "species", None, {}, {"C": np.inf, "fit_intercept": False}),
]


def newton_cholesky(name, target, weight, added, options):
    df = pd.read_csv(ROOT / "data" / name)
    for column, sources in added.items():
        value = sum(factor * df[source] for source, factor in sources.items())
        df[column] = value  # the last column: the features keep their order
    y = df[target].to_numpy()
    sw = df[weight].to_numpy(dtype=float) if weight else None
    X = df.drop(columns=[c for c in (target, weight) if c]).to_numpy(dtype=float)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = LogisticRegression(solver="newton-cholesky", **options).fit(X, y, sample_weight=sw)
    texts = [" ".join(str(w.message).split("\n")) for w in caught
             if not issubclass(w.category, FutureWarning)]
    shown = {k: ("inf" if isinstance(v, float) and np.isinf(v) else
                 "none" if v is None else v) for k, v in options.items()}
    return {
        "dataset": name, "target": target, "sample_weight": weight, "added": added,
        "options": shown, "classes": [str(c) for c in model.classes_],
        "coef": model.coef_.tolist(), "intercept": model.intercept_.tolist(),
        "n_iter": int(np.max(model.n_iter_)), "warnings": texts,
    }


# newton-cholesky's line-search failure: the article's points and one extreme
# row, as CSV text (the test reads the same bytes); (starting slope, C): the
# line search fails at Newton iterations 1, 2, 3 and 4.
LINE_SEARCH_CSV = ("x,y\n-2.2,0\n-1.4,0\n-0.8,1\n0.2,0\n0.4,1\n0.8,1\n1.2,1\n2.2,1\n2.9,1\n"
                   "4.6,1\n1e10,0\n")
NEWTON_LINE_SEARCH = [(-1e-7, 1.0), (-1e-6, np.inf), (-3e-6, 100.0), (-1e-5, 1.0)]


def newton_line_search(slope, C):
    df = pd.read_csv(io.StringIO(LINE_SEARCH_CSV))
    X, y = df[["x"]].to_numpy(dtype=float), df["y"].to_numpy()
    model = LogisticRegression(solver="newton-cholesky", C=C, warm_start=True)
    # warm_start reads these attributes: the fit starts here, not at 0.
    model.classes_ = np.array([0, 1])
    model.coef_ = np.array([[slope]])
    model.intercept_ = np.array([0.0])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model.fit(X, y)
    texts = [" ".join(str(w.message).split()) for w in caught
             if not issubclass(w.category, FutureWarning)]
    if not any(t.startswith("Line search of Newton solver") for t in texts):
        sys.exit(f"scikit-learn's line search did not fail for slope {slope}, C {C}: {texts}")
    return {
        "csv": LINE_SEARCH_CSV, "target": "y",
        "options": {"C": "inf" if np.isinf(C) else C},
        "start": {"coef": [[slope]], "intercept": [0.0]},
        "classes": [str(c) for c in model.classes_],
        "coef": model.coef_.tolist(), "intercept": model.intercept_.tolist(),
        "n_iter": int(np.max(model.n_iter_)), "warnings": texts,
    }


def subgradient(X, y, sw, model, C, l1_ratio):
    """max |minimum-norm subgradient| of scikit-learn's objective at `model`."""
    classes = model.classes_
    n, d = X.shape
    s = np.ones(n) if sw is None else sw.copy()
    if model.class_weight == "balanced":
        totals = np.array([s[y == c].sum() for c in classes])
        s = s * (s.sum() / (len(classes) * totals))[np.searchsorted(classes, y)]
    S = s.sum()
    Z = X @ model.coef_.T + model.intercept_
    if len(classes) == 2:
        p = 1 / (1 + np.exp(-Z[:, 0]))
        r = (p - (y == classes[1])) * s / S
        G = np.concatenate([X.T @ r, [r.sum()]])[None, :]
    else:
        P = np.exp(Z - Z.max(axis=1, keepdims=True))
        P /= P.sum(axis=1, keepdims=True)
        R = (P - (y[:, None] == classes[None, :])) * (s / S)[:, None]
        G = np.hstack([R.T @ X, R.sum(axis=0)[:, None]])
    W = model.coef_
    lam = 1 / (C * S)
    g = G[:, :d] + lam * (1 - l1_ratio) * W
    l1 = lam * l1_ratio
    sub = np.where(W != 0, np.abs(g + l1 * np.sign(W)), np.maximum(np.abs(g) - l1, 0))
    worst = sub.max()
    if model.fit_intercept:
        worst = max(worst, np.abs(G[:, d]).max())
    return float(worst)


def fit(name, target, weight, options):
    df = pd.read_csv(ROOT / "data" / name)
    y = df[target].to_numpy()
    sw = df[weight].to_numpy(dtype=float) if weight else None
    X = df.drop(columns=[c for c in (target, weight) if c]).to_numpy(dtype=float)
    model = LogisticRegression(solver="saga", tol=1e-12, max_iter=100000, random_state=0,
                               **options)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model.fit(X, y, sample_weight=sw)
    converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
    return {
        "dataset": name, "target": target, "sample_weight": weight, "options": options,
        "classes": [str(c) for c in model.classes_],
        "coef": model.coef_.tolist(), "intercept": model.intercept_.tolist(),
        "n_iter": int(model.n_iter_[0]), "converged": converged,
        "n_nonzero": int(np.count_nonzero(model.coef_)),
        "subgradient": subgradient(X, y, sw, model, options.get("C", 1.0),
                                   options["l1_ratio"]),
    }


def extra(name, target, weight, options):
    df = pd.read_csv(ROOT / "data" / name)
    y = df[target].to_numpy()
    sw = df[weight].to_numpy(dtype=float) if weight else None
    X = df.drop(columns=[c for c in (target, weight) if c]).to_numpy(dtype=float)
    options = dict(options)
    warm_from = options.pop("warm_from", None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if warm_from is not None:
            model = LogisticRegression(**warm_from).fit(X, y, sample_weight=sw)
            caught.clear()
            model.set_params(warm_start=True, **options)
        else:
            model = LogisticRegression(**options)
        model.fit(X, y, sample_weight=sw)
    converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
    shown = {k: (str(v) if isinstance(v, float) and np.isinf(v) else v)
             for k, v in options.items() if k != "class_weight"}
    if "class_weight" in options:
        shown["class_weight"] = ",".join(f"{k}:{v}" for k, v in options["class_weight"].items())
    if warm_from is not None:
        shown["warm_from"] = warm_from
    return {
        "dataset": name, "target": target, "sample_weight": weight, "options": shown,
        "classes": [str(c) for c in model.classes_],
        "coef": model.coef_.tolist(), "intercept": model.intercept_.tolist(),
        "n_iter": int(np.max(model.n_iter_)), "converged": converged,
    }


def row_order_spread(result, name, target, weight, options, permutations=10):
    """How far scikit-learn's own answer moves when only the order of the rows
    changes (so only the rounding of its sums): the largest coefficient or
    intercept difference over `permutations` seeded row orders. On raw iris
    newton-cg's truncated CG at tol=1e-4 turns that rounding into 1e-4..1e-2;
    on well-conditioned data it stays at 1e-15."""
    df = pd.read_csv(ROOT / "data" / name)
    y = df[target].to_numpy()
    sw = df[weight].to_numpy(dtype=float) if weight else None
    X = df.drop(columns=[c for c in (target, weight) if c]).to_numpy(dtype=float)
    options = dict(options)
    warm_from = options.pop("warm_from", None)
    base = np.c_[np.array(result["coef"]), np.array(result["intercept"])]
    rng = np.random.default_rng(0)
    worst = 0.0
    for _ in range(permutations):
        p = rng.permutation(len(y))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wp = None if sw is None else sw[p]
            if warm_from is not None:
                model = LogisticRegression(**warm_from).fit(X[p], y[p], sample_weight=wp)
                model.set_params(warm_start=True, **options)
            else:
                model = LogisticRegression(**options)
            model.fit(X[p], y[p], sample_weight=wp)
        worst = max(worst, float(np.abs(np.c_[model.coef_, model.intercept_] - base).max()))
    return worst


def path(name, target, l1_ratio, count, **options):
    """A warm-started path as `fitlogit path` runs it: C ascending over
    np.logspace(-4, 4, count), each fit starting from the previous one."""
    df = pd.read_csv(ROOT / "data" / name)
    y = df[target].to_numpy()
    X = df.drop(columns=[target]).to_numpy(dtype=float)
    Cs = np.logspace(-4, 4, count)
    model = LogisticRegression(warm_start=True, l1_ratio=l1_ratio, **options)
    coefs, intercepts, n_iter = [], [], []
    for C in Cs:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model.set_params(C=C).fit(X, y)
        coefs.append(model.coef_.tolist())
        intercepts.append(model.intercept_.tolist())
        n_iter.append(int(np.max(model.n_iter_)))
    return {"dataset": name, "target": target, "l1_ratio": l1_ratio, "options": options,
            "Cs": Cs.tolist(), "coefs": coefs, "intercepts": intercepts, "n_iter": n_iter}


def main():
    if "--newton-cholesky" in sys.argv[1:]:
        fits = [newton_cholesky(*c) for c in NEWTON_CHOLESKY]
        NEWTON_CHOLESKY_OUT.write_text(
            json.dumps({"sklearn": sklearn.__version__, "cases": fits}, indent=1) + "\n")
        for c in fits:
            print(c["dataset"], c["added"], c["options"], "n_iter", c["n_iter"],
                  [w[-60:] for w in c["warnings"]])
        return
    if "--newton-line-search" in sys.argv[1:]:
        fits = [newton_line_search(*c) for c in NEWTON_LINE_SEARCH]
        NEWTON_LINE_SEARCH_OUT.write_text(
            json.dumps({"sklearn": sklearn.__version__, "cases": fits}, indent=1) + "\n")
        for c in fits:
            print(c["start"], c["options"], "n_iter", c["n_iter"], [w[:70] for w in c["warnings"]])
        return
    if "--newton-cg" in sys.argv[1:]:
        fits = [extra(*c) for c in NEWTON_CG]
        for fit_, case in zip(fits, NEWTON_CG):
            fit_["row_order_spread"] = row_order_spread(fit_, *case)
        NEWTON_CG_OUT.write_text(json.dumps({"sklearn": sklearn.__version__, "cases": fits},
                                            indent=1) + "\n")
        for c in fits:
            print(c["dataset"], c["options"], "n_iter", c["n_iter"], "converged", c["converged"],
                  "row-order spread %.1e" % c["row_order_spread"])
        return
    cases = [fit(*c) for c in CASES]
    extras = [extra(*c) for c in EXTRAS]
    paths = [path("points.csv", "y", 0.0, 5),
             path("synthetic.csv", "y", 1.0, 8, solver="saga", tol=1e-12, max_iter=100000,
                  random_state=0)]
    OUT.write_text(json.dumps({"sklearn": sklearn.__version__, "solver": "saga",
                               "tol": 1e-12, "max_iter": 100000, "cases": cases,
                               "extras": extras, "paths": paths}, indent=1) + "\n")
    for c in extras:
        print(c["dataset"], c["options"], "n_iter", c["n_iter"], "converged", c["converged"])
    for c in cases:
        print(c["dataset"], c["options"], "n_iter", c["n_iter"], "nonzero", c["n_nonzero"],
              "subgradient %.2e" % c["subgradient"])


if __name__ == "__main__":
    main()

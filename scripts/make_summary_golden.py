#!/usr/bin/env python3
"""Golden values for Tests/FitlogitInferenceTests: statsmodels' Logit / MNLogit
results at full precision, and scipy's normal and chi-square functions.

Run by hand (needs statsmodels, scipy, pandas):
    python3 scripts/make_summary_golden.py
Writes data/summary_binary.csv and data/summary_three.csv (fixed seeds) and
Tests/FitlogitInferenceTests/Golden/summary.json.
"""
import json
import pathlib
import warnings

import numpy as np
import pandas as pd
import scipy
import statsmodels
import statsmodels.api as sm
from scipy import stats

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests/FitlogitInferenceTests/Golden/summary.json"

rng = np.random.default_rng(20261125)
n = 200
X = rng.normal(size=(n, 3)) * [1.0, 2.0, 0.5]
eta = 0.4 + X @ [0.8, -0.3, 0.0]
y = (rng.uniform(size=n) < 1 / (1 + np.exp(-eta))).astype(int)
df = pd.DataFrame(np.round(X, 6), columns=["age", "dose", "noise"])
df["outcome"] = y
df.to_csv(ROOT / "data/summary_binary.csv", index=False)

n = 300
X = rng.normal(size=(n, 2))
logits = X @ np.array([[0, 0], [1.0, -0.5], [-0.7, 1.2]]).T + [0, 0.3, -0.2]
P = np.exp(logits)
P /= P.sum(1, keepdims=True)
y = np.array(["low", "mid", "high"])[[rng.choice(3, p=p) for p in P]]
df = pd.DataFrame(np.round(X, 6), columns=["u", "v"])
df["level"] = y
df.to_csv(ROOT / "data/summary_three.csv", index=False)


def case(name, target, alpha=0.05):
    df = pd.read_csv(ROOT / "data" / name)
    y = df.pop(target)
    X = sm.add_constant(df)
    classes = np.unique(y)
    codes = np.searchsorted(classes, y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if len(classes) == 2:
            r = sm.Logit(codes, X).fit(disp=0, method="newton", maxiter=100, tol=1e-12)
        else:
            r = sm.MNLogit(codes, X).fit(disp=0, method="newton", maxiter=100, tol=1e-12)
    ci = np.asarray(r.conf_int(alpha=alpha))
    params = np.asarray(r.params)
    out = {"dataset": name, "target": target, "alpha": alpha,
           "names": list(X.columns), "classes": [str(c) for c in classes],
           "llf": r.llf, "llnull": r.llnull, "llr_pvalue": r.llr_pvalue,
           "prsquared": r.prsquared, "aic": r.aic, "bic": r.bic,
           "nobs": int(r.nobs), "df_model": int(r.df_model), "df_resid": int(r.df_resid)}
    if params.ndim == 1:
        out.update(params=params.tolist(), bse=np.asarray(r.bse).tolist(),
                   z=np.asarray(r.tvalues).tolist(), p=np.asarray(r.pvalues).tolist(),
                   ci=ci.tolist())
    else:  # MNLogit: columns are equations
        k = params.shape[1]
        out.update(params=params.T.tolist(), bse=np.asarray(r.bse).T.tolist(),
                   z=np.asarray(r.tvalues).T.tolist(), p=np.asarray(r.pvalues).T.tolist(),
                   ci=ci.reshape(k, -1, 2).tolist())
    out["summary"] = str(r.summary())
    return out


xs = [-40.0, -8.5, -3.0, -1.959963984540054, -0.5, 0.0, 0.25, 1.0, 2.5, 6.0, 12.0, 37.0]
# (No p within a few ulps of 1: Foundation's JSON reader on Linux is not
# correctly rounded and would read 1 - 2**-53 as 1.)
ps = [1e-300, 1e-20, 1e-10, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999, 1 - 1e-10, 0.9999999]
chis = [(0.5, 1), (3.84, 1), (6.1142, 1), (10.0, 2), (0.01, 3), (25.0, 4), (100.0, 7),
        (300.0, 10), (1.0, 30), (45.0, 30), (2000.0, 50), (1e-8, 2)]
distributions = {
    "normal_cdf": [[x, stats.norm.cdf(x)] for x in xs],
    "normal_sf": [[x, stats.norm.sf(x)] for x in xs],
    "normal_ppf": [[p, stats.norm.ppf(p)] for p in ps],
    "chi2_sf": [[x, k, stats.chi2.sf(x, k)] for x, k in chis],
}

OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({
    "statsmodels": statsmodels.__version__, "scipy": scipy.__version__,
    "cases": [case("points.csv", "y"), case("points.csv", "y", alpha=0.1),
              case("summary_binary.csv", "outcome"), case("summary_three.csv", "level")],
    "distributions": distributions,
}, indent=1) + "\n")
print("wrote", OUT)

#!/usr/bin/env python3
"""Golden values for the inference beyond statsmodels' default summary
(Tests/FitlogitInferenceTests/Golden/inference.json): odds ratios, robust
and cluster covariances, Firth's bias-reduced fit, profile intervals,
marginal effects, prediction intervals, and tests between nested models.

Run from a fresh clone (needs statsmodels 0.15, pandas, and R with the
Debian packages r-base-core, r-cran-sandwich, r-cran-brglm2, r-cran-mass):
    python3 scripts/make_inference_golden.py
Writes data/spector.csv (statsmodels' spector), data/infert.csv and
data/mtcars.csv (R's datasets), data/separated.csv (made up, separated),
then the JSON file. The R numbers come from scripts/inference_golden.R.
"""
import json
import pathlib
import subprocess
import warnings

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm
from scipy import stats

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests/FitlogitInferenceTests/Golden/inference.json"

# The data files. spector: Spector & Mazzeo (1980), as statsmodels ships it.
spector = sm.datasets.spector.load_pandas().data
spector[["TUCE", "PSI", "GRADE"]] = spector[["TUCE", "PSI", "GRADE"]].astype(int)
spector.to_csv(ROOT / "data/spector.csv", index=False)
subprocess.run(
    ["Rscript", "-e",
     "d <- infert[c('age','parity','induced','spontaneous','stratum','case')];"
     f"write.csv(d, '{ROOT / 'data/infert.csv'}', row.names = FALSE);"
     "m <- mtcars[c('hp','wt','cyl','am')];"
     f"write.csv(m, '{ROOT / 'data/mtcars.csv'}', row.names = FALSE)"],
    check=True)
# Completely separated by x1 (y = 1 exactly when x1 > 5); x2 is noise.
pd.DataFrame({"x1": range(1, 11), "x2": [3, 1, 4, 1, 5, 9, 2, 6, 5, 3],
              "y": [0] * 5 + [1] * 5}).to_csv(ROOT / "data/separated.csv", index=False)

CASES = [("spector.csv", "GRADE", ["GPA", "TUCE", "PSI"], None),
         ("infert.csv", "case", ["age", "parity", "induced", "spontaneous"], "stratum"),
         ("mtcars.csv", "am", ["hp", "wt"], "cyl"),
         ("separated.csv", "y", ["x1", "x2"], None)]


def arr(x):
    return np.asarray(x, dtype=float).tolist()


def statsmodels_case(name, target, features, groups):
    df = pd.read_csv(ROOT / "data" / name)
    X = sm.add_constant(df[features])
    y = df[target]
    out = {"dataset": name, "target": target, "features": features, "groups": groups}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = sm.Logit(y, X).fit(disp=0, method="newton", maxiter=100, tol=1e-12)
    out["converged"] = bool(r.mle_retvals["converged"])
    if not out["converged"]:
        return out
    out["params"] = arr(r.params)
    out["cov_nonrobust"] = arr(r.cov_params())
    out["odds_ratios"] = arr(np.exp(r.params))
    for alpha in (0.05, 0.1):
        out[f"odds_ratio_ci_{alpha}"] = arr(np.exp(r.conf_int(alpha=alpha)))
    robust = sm.Logit(y, X).fit(disp=0, method="newton", tol=1e-12, cov_type="HC0")
    out["cov_HC0"] = arr(robust.cov_params())
    out["bse_HC0"] = arr(robust.bse)
    out["ci_HC0"] = arr(robust.conf_int())
    out["p_HC0"] = arr(robust.pvalues)
    # statsmodels' Logit accepts HC1 but returns HC0's numbers (README note).
    out["statsmodels_bse_HC1"] = arr(
        sm.Logit(y, X).fit(disp=0, method="newton", tol=1e-12, cov_type="HC1").bse)
    if groups:
        cl = sm.Logit(y, X).fit(disp=0, method="newton", tol=1e-12, cov_type="cluster",
                                cov_kwds={"groups": df[groups].to_numpy()})
        out["cov_cluster"] = arr(cl.cov_params())
        out["bse_cluster"] = arr(cl.bse)
        out["p_cluster"] = arr(cl.pvalues)
        # Prediction intervals with the cluster covariance (summary --save).
        frame = cl.get_prediction(X.iloc[:5]).summary_frame(alpha=0.05)
        out["prediction_cluster_0.05"] = arr(frame[["predicted", "se", "ci_lower", "ci_upper"]])
    # Marginal effects: at='overall' | 'mean', method='dydx' | 'eyex'.
    margeff = {}
    for at in ("overall", "mean"):
        for method in ("dydx", "eyex"):
            m = r.get_margeff(at=at, method=method)
            margeff[f"{at}_{method}"] = {"margeff": arr(m.margeff), "se": arr(m.margeff_se),
                                         "p": arr(m.pvalues), "ci": arr(m.conf_int()),
                                         "summary": str(m.summary())}
    out["margeff"] = margeff
    # Intervals for the predicted probabilities of the first five rows.
    for alpha in (0.05, 0.1):
        frame = r.get_prediction(X.iloc[:5]).summary_frame(alpha=alpha)
        out[f"prediction_{alpha}"] = arr(frame[["predicted", "se", "ci_lower", "ci_upper"]])
    return out


golden = {"statsmodels": statsmodels.__version__, "cases": []}
for case in CASES:
    golden["cases"].append(statsmodels_case(*case))

# Nested models on spector: likelihood ratio and Wald tests.
df = pd.read_csv(ROOT / "data/spector.csv")
big = sm.Logit(df.GRADE, sm.add_constant(df[["GPA", "TUCE", "PSI"]])).fit(disp=0)
small = sm.Logit(df.GRADE, sm.add_constant(df[["GPA"]])).fit(disp=0)
# (Logit results have no compare_lr_test; this is what it computes.)
lr = 2 * (big.llf - small.llf)
dfd = big.df_model - small.df_model
p = stats.chi2.sf(lr, dfd)
wald = big.wald_test("TUCE = 0, PSI = 0", scalar=True)
golden["compare"] = {"dataset": "spector.csv", "small": ["GPA"], "big": ["GPA", "TUCE", "PSI"],
                     "lr_stat": float(lr), "lr_pvalue": float(p), "lr_df": float(dfd),
                     "wald_stat": float(wald.statistic), "wald_pvalue": float(wald.pvalue),
                     "wald_df": 2.0}

# More nested pairs for `summary --compare-to`: the intercept-only model,
# two datasets, and the Wald test under a robust covariance.
NESTED = [("spector.csv", "GRADE", [], ["GPA", "TUCE", "PSI"]),
          ("infert.csv", "case", ["age", "parity"], ["age", "parity", "induced", "spontaneous"]),
          ("mtcars.csv", "am", ["hp"], ["hp", "wt"])]
golden["compare_more"] = []
for name, target, small_cols, big_cols in NESTED:
    df = pd.read_csv(ROOT / "data" / name)
    X = sm.add_constant(df[big_cols])
    big = sm.Logit(df[target], X).fit(disp=0, method="newton", tol=1e-12)
    small = sm.Logit(df[target], sm.add_constant(df[small_cols]) if small_cols
                     else np.ones((len(df), 1))).fit(disp=0, method="newton", tol=1e-12)
    lr = 2 * (big.llf - small.llf)
    dfd = len(big_cols) - len(small_cols)
    tested = [c for c in big_cols if c not in small_cols]
    hypothesis = ", ".join(f"{c} = 0" for c in tested)
    wald = big.wald_test(hypothesis, scalar=True)
    robust = sm.Logit(df[target], X).fit(disp=0, method="newton", tol=1e-12, cov_type="HC0")
    wald_hc0 = robust.wald_test(hypothesis, scalar=True)
    golden["compare_more"].append({
        "dataset": name, "target": target, "small": small_cols, "big": big_cols,
        "lr_stat": float(lr), "lr_df": dfd, "lr_pvalue": float(stats.chi2.sf(lr, dfd)),
        "wald_stat": float(wald.statistic), "wald_pvalue": float(wald.pvalue),
        "wald_HC0_stat": float(wald_hc0.statistic), "wald_HC0_pvalue": float(wald_hc0.pvalue)})

# Three classes (MNLogit): level ~ u within level ~ u + v; the Wald test
# of v = 0 in both equations, params flattened equation by equation.
df = pd.read_csv(ROOT / "data/summary_three.csv")
y = pd.Categorical(df.level).codes
big = sm.MNLogit(y, sm.add_constant(df[["u", "v"]])).fit(disp=0, method="newton", tol=1e-12)
small = sm.MNLogit(y, sm.add_constant(df[["u"]])).fit(disp=0, method="newton", tol=1e-12)
lr = 2 * (big.llf - small.llf)
restriction = np.zeros((2, 6))
restriction[0, 2] = restriction[1, 5] = 1
wald = big.wald_test(restriction, scalar=True)
golden["compare_mnlogit"] = {
    "dataset": "summary_three.csv", "small": ["u"], "big": ["u", "v"],
    "lr_stat": float(lr), "lr_df": 2, "lr_pvalue": float(stats.chi2.sf(lr, 2)),
    "wald_stat": float(wald.statistic), "wald_pvalue": float(wald.pvalue)}

# R: sandwich, brglm2, MASS, anova.
text = subprocess.run(["Rscript", str(ROOT / "scripts/inference_golden.R"), str(ROOT)],
                      check=True, capture_output=True, text=True).stdout
r_values = {}
for line in text.splitlines():
    name, key, values = line.split("\t")
    r_values.setdefault(name, {})[key] = [float(v) for v in values.split()]
golden["R_version"] = subprocess.run(["Rscript", "-e", "cat(R.version.string)"], check=True,
                               capture_output=True, text=True).stdout
golden["R"] = r_values
OUT.write_text(json.dumps(golden, indent=1) + "\n")
print("wrote", OUT)

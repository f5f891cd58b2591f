#!/usr/bin/env python3
"""Golden values for `summary` beyond two classes and for real-data frames
(Tests/FitlogitInferenceTests/Golden/inference_k.json):

- statsmodels' MNLogit on separated data (iris: converged False after its
  35 Newton steps) and on three data sets it can fit, with cov_type HC0
  and cluster, and get_margeff(at='overall'|'mean') (dy/dx; its MNLogit
  eyex and dummy=True raise broadcasting errors in statsmodels 0.15);
- the titanic frame a course uses, `survived ~ sex + age + passengerClass`
  with treatment coding and rows with a missing age dropped: smf.logit and
  R's glm, odds ratios, vcovHC HC0/HC1, clusters given as text labels
  (statsmodels' cov_type="cluster", R's vcovCL), and get_margeff with
  dummy=True and count=True (discrete changes);
- Firth's multinomial fit, brglm2's brmultinom(type = "AS_mean").

Run from a fresh clone (statsmodels 0.15, patsy, pandas; R with
r-cran-sandwich, r-cran-brglm2): python3 scripts/make_inference_k_golden.py
It reads the committed data files and writes only the JSON file.
"""
import json
import pathlib
import subprocess
import warnings

import numpy as np
import pandas as pd
import patsy
import statsmodels
import statsmodels.api as sm
import statsmodels.formula.api as smf

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests/FitlogitInferenceTests/Golden/inference_k.json"


def arr(x):
    return np.asarray(x, dtype=float).tolist()


def frame(name, columns):
    df = pd.read_csv(ROOT / "data" / name, index_col=0 if name == "anes96.csv" else None)
    return df[columns].dropna()


# K > 2: (file, target, features, cluster column or None).
KCASES = [("anes96.csv", "PID", ["logpopul", "selfLR", "age", "educ", "income"], "TVnews"),
          ("summary_three.csv", "level", ["u", "v"], None),
          ("penguins.csv", "species", ["bill_length_mm", "bill_depth_mm"], "island"),
          ("iris.csv", "species", ["sepal_length", "sepal_width", "petal_length",
                                   "petal_width"], None)]


def multinomial_case(name, target, features, groups):
    df = frame(name, [target] + features + ([groups] if groups else []))
    X = sm.add_constant(df[features])
    y = df[target]
    out = {"dataset": name, "target": target, "features": features, "groups": groups,
           "nobs": len(df)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = sm.MNLogit(y, X).fit(disp=0)
    out["converged"] = bool(r.mle_retvals["converged"])
    out["iterations"] = int(r.mle_retvals["iterations"])
    # params: rows are the features (const first), columns the equations.
    out["params"] = arr(np.asarray(r.params).T)
    out["llf"] = float(r.llf)
    if not out["converged"]:
        return out
    out["bse"] = arr(np.asarray(r.bse).T)
    out["cov_nonrobust"] = arr(r.cov_params())
    robust = sm.MNLogit(y, X).fit(disp=0, cov_type="HC0")
    out["cov_HC0"] = arr(robust.cov_params())
    out["p_HC0"] = arr(np.asarray(robust.pvalues).T)
    if groups:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # cov_kwds passes through to newton
            cl = sm.MNLogit(y, X).fit(disp=0, cov_type="cluster",
                                      cov_kwds={"groups": df[groups].to_numpy()})
        out["cov_cluster"] = arr(cl.cov_params())
        out["p_cluster"] = arr(np.asarray(cl.pvalues).T)
    margeff = {}
    for at in ("overall", "mean"):
        m = r.get_margeff(at=at, method="dydx")
        # (features, classes) → per class, per feature; conf_int is
        # (features, 2, classes) → per class, per feature, [lower, upper].
        margeff[at] = {"margeff": arr(m.margeff.T), "se": arr(m.margeff_se.T),
                       "p": arr(m.pvalues.T),
                       "ci": arr(np.transpose(m.conf_int(), (2, 0, 1))),
                       "summary": str(m.summary())}
    out["margeff"] = margeff
    return out


golden = {"statsmodels": statsmodels.__version__,
          "multinomial": [multinomial_case(*c) for c in KCASES]}

# The titanic frame: rows with a missing age dropped (R's na.omit,
# fitlogit's --dropna), survived = "yes" the event.
tit = pd.read_csv(ROOT / "data/titanic.csv")[["survived", "sex", "age", "passengerClass"]]
tit = tit.dropna()
tit["y"] = (tit.survived == "yes").astype(int)
r = smf.logit("y ~ sex + age + passengerClass", tit).fit(disp=0)
names = ["const" if n == "Intercept" else n for n in r.model.exog_names]
t = {"names": names, "nobs": int(r.nobs), "params": arr(r.params), "bse": arr(r.bse),
     "cov_nonrobust": arr(r.cov_params()), "odds_ratios": arr(np.exp(r.params)),
     "odds_ratio_ci": arr(np.exp(r.conf_int())), "llf": float(r.llf)}
hc0 = smf.logit("y ~ sex + age + passengerClass", tit).fit(disp=0, cov_type="HC0")
t["cov_HC0"] = arr(hc0.cov_params())
margeff = {}
for at in ("overall", "mean"):
    m = r.get_margeff(at=at, method="dydx", dummy=True, count=True)
    margeff[at] = {"margeff": arr(m.margeff), "se": arr(m.margeff_se), "p": arr(m.pvalues),
                   "ci": arr(m.conf_int()), "summary": str(m.summary())}
t["margeff_dummy"] = margeff
# Clusters given as text: survived ~ sex + age, clustered by passengerClass.
cl = smf.logit("y ~ sex + age", tit).fit(
    disp=0, cov_type="cluster", cov_kwds={"groups": pd.factorize(tit.passengerClass)[0]})
t["cluster"] = {"names": ["const" if n == "Intercept" else n for n in cl.model.exog_names],
                "cov": arr(cl.cov_params()), "p": arr(cl.pvalues)}
golden["titanic"] = t

# spector with dummy=True, count=True: PSI is 0/1, TUCE a count.
spector = pd.read_csv(ROOT / "data/spector.csv")
r = sm.Logit(spector.GRADE, sm.add_constant(spector[["GPA", "TUCE", "PSI"]])).fit(disp=0)
margeff = {}
for at in ("overall", "mean"):
    m = r.get_margeff(at=at, method="dydx", dummy=True, count=True)
    margeff[at] = {"margeff": arr(m.margeff), "se": arr(m.margeff_se), "p": arr(m.pvalues),
                   "ci": arr(m.conf_int()), "summary": str(m.summary())}
golden["spector_discrete"] = margeff

# R: glm on the same titanic frame (treatment coding, na.omit).
rscript = r"""
suppressPackageStartupMessages(library(sandwich))
d <- read.csv(file.path(commandArgs(trailingOnly = TRUE)[1], "data", "titanic.csv"))
d <- na.omit(d[c("survived", "sex", "age", "passengerClass")])
d$y <- as.integer(d$survived == "yes")
tight <- glm.control(epsilon = 1e-14, maxit = 100)
m <- glm(y ~ sex + age + passengerClass, family = binomial, data = d, control = tight)
out <- function(key, v) cat(key, "\t", paste(sprintf("%.17g", as.numeric(v)), collapse = " "),
                            "\n", sep = "")
out("names", seq_along(coef(m)))
cat("coef_names\t", paste(names(coef(m)), collapse = " "), "\n", sep = "")
out("coef", coef(m))
out("vcov", vcov(m))
for (t in c("HC0", "HC1")) out(paste0("vcovHC_", t), vcovHC(m, type = t))
out("or_ci", exp(confint.default(m)))
m2 <- glm(y ~ sex + age, family = binomial, data = d, control = tight)
out("vcovCL_HC1", vcovCL(m2, cluster = d$passengerClass, type = "HC1"))
"""
text = subprocess.run(["Rscript", "-e", rscript, str(ROOT)], check=True, capture_output=True,
                      text=True).stdout
rv = {}
for line in text.splitlines():
    key, values = line.split("\t")
    rv[key] = values.split() if key == "coef_names" else [float(v) for v in values.split()]
del rv["names"]
golden["titanic_R"] = rv

# Firth for K classes: brglm2's brmultinom (type = "AS_mean"), on the
# three-class file, penguins and separated iris.
firth_script = r"""
suppressPackageStartupMessages(library(brglm2))
root <- commandArgs(trailingOnly = TRUE)[1]
cases <- list(c("summary_three.csv", "level", "u", "v"),
              c("penguins.csv", "species", "bill_length_mm", "bill_depth_mm"),
              c("iris.csv", "species", "sepal_length", "sepal_width", "petal_length",
                "petal_width"))
for (c in cases) {
  d <- na.omit(read.csv(file.path(root, "data", c[1]))[c[-1]])
  d[[c[2]]] <- factor(d[[c[2]]])
  m <- brmultinom(as.formula(paste(c[2], "~ .")), data = d, type = "AS_mean",
                  control = list(epsilon = 1e-10, maxit = 500))
  # coef: one row per equation; vcov in the same equation-major order.
  cat(c[1], "\tcoef\t", paste(sprintf("%.17g", t(coef(m))), collapse = " "), "\n", sep = "")
  cat(c[1], "\tbse\t", paste(sprintf("%.17g", sqrt(diag(vcov(m)))), collapse = " "), "\n",
      sep = "")
  cat(c[1], "\tloglik\t", sprintf("%.17g", logLik(m)), "\n", sep = "")
}
"""
text = subprocess.run(["Rscript", "-e", firth_script, str(ROOT)], check=True,
                      capture_output=True, text=True).stdout
firth = {}
for line in text.splitlines():
    name, key, values = line.split("\t")
    firth.setdefault(name, {})[key] = [float(v) for v in values.split()]
golden["brmultinom"] = firth
golden["R_version"] = subprocess.run(["Rscript", "-e", "cat(R.version.string)"], check=True,
                                     capture_output=True, text=True).stdout
OUT.write_text(json.dumps(golden, indent=1) + "\n")
print("wrote", OUT)

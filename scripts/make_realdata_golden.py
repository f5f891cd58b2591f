"""Golden values for fitting the real files in data/ as they come.

    pip install scikit-learn==1.9.1 pandas statsmodels
    python3 scripts/make_realdata_golden.py   # R's glm too, when Rscript exists

Writes Tests/FitlogitCLITests/Golden/realdata.json. Every fit is what a
pandas + scikit-learn user writes: read_csv (its default missing tokens),
dropna, get_dummies(columns=the text columns, dtype=float), optionally a
ColumnTransformer that standardizes the numeric columns and passes the
indicators through, then LogisticRegression(). Each case carries the
fitlogit arguments that should give the same numbers. The summary cases
(Titanic, anes96) are statsmodels' smf.logit and R's glm(family=binomial) on
the same rows.
"""
import json
import os
import shutil
import subprocess
import warnings

import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.compose import ColumnTransformer
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
data = os.path.join(root, "data")


def frame(name, target, exclude=(), categorical=(), dropna=True, drop_first=False):
    """The X, y a pandas user builds, and the text/categorical columns."""
    df = pd.read_csv(os.path.join(data, name))
    if df.columns[0].startswith("Unnamed: 0"):  # to_csv()'s index column
        df = df.drop(columns=[df.columns[0]])
    df = df.drop(columns=list(exclude))
    if dropna:
        df = df.dropna()
    y = df[target]
    X = df.drop(columns=[target])
    # A --categorical column stays as read_csv typed it: get_dummies names
    # an int64 column's levels PID_6, a float64 one's (a "6.0" or a missing
    # cell anywhere in the file) PID_6.0, and fitlogit names them the same.
    cats = [c for c in X.columns
            if not pd.api.types.is_numeric_dtype(X[c]) or c in categorical]
    numeric = [c for c in X.columns if c not in cats]
    X = pd.get_dummies(X, columns=cats, dtype=float, drop_first=drop_first)
    return X, y, numeric


def fit_case(name, args, file, target, standardize=False, **kw):
    X, y, numeric = frame(file, target, **kw)
    model = LogisticRegression()
    if standardize:
        scaler = ColumnTransformer(
            [("num", StandardScaler(), numeric)], remainder="passthrough",
            verbose_feature_names_out=False)
        pipe = make_pipeline(scaler, model)
    else:
        pipe = model
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        pipe.fit(X, y)
    converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
    case = {
        "name": name, "args": [file] + args,
        "feature_names": list(X.columns),
        "classes": [str(c) for c in model.classes_],
        "coef": model.coef_.tolist(), "intercept": model.intercept_.tolist(),
        "n_iter": int(model.n_iter_[0]), "converged": converged,
        "n_samples": int(len(y)),
    }
    if standardize:
        s = pipe[0].named_transformers_["num"]
        case["mean"] = s.mean_.tolist()
        case["scale"] = s.scale_.tolist()
    return case


T = ["--target", "survived", "--exclude", "rownames", "--dropna"]
cases = [
    fit_case("titanic", T, "titanic.csv", "survived", exclude=["rownames"]),
    fit_case("titanic drop-first", T + ["--drop-first"], "titanic.csv", "survived",
             exclude=["rownames"], drop_first=True),
    fit_case("titanic standardized", T + ["--standardize"], "titanic.csv", "survived",
             exclude=["rownames"], standardize=True),
    fit_case("penguins standardized", ["--target", "species", "--dropna", "--standardize"],
             "penguins.csv", "species", standardize=True),
    fit_case("penguins raw", ["--target", "species", "--dropna"], "penguins.csv", "species"),
    fit_case("anes96 standardized", ["--target", "vote", "--standardize"], "anes96.csv", "vote",
             dropna=False, standardize=True),
    fit_case("anes96 PID categorical", ["--target", "vote", "--standardize", "--categorical",
                                        "PID"], "anes96.csv", "vote", dropna=False,
             standardize=True, categorical=["PID"]),
    fit_case("penguins year categorical",
             ["--target", "species", "--dropna", "--standardize", "--categorical", "year"],
             "penguins.csv", "species", standardize=True, categorical=["year"]),
]

# predict: fit on the even data rows, predict the odd ones (unseen rows).
raw = pd.read_csv(os.path.join(data, "titanic.csv"))
train, test = raw.iloc[0::2], raw.iloc[1::2].dropna()
Xtr = pd.get_dummies(train.drop(columns=["rownames", "survived"]).dropna(),
                     columns=["sex", "passengerClass"], dtype=float)
ytr = train.dropna()["survived"]
Xte = pd.get_dummies(test.drop(columns=["rownames", "survived"]),
                     columns=["sex", "passengerClass"], dtype=float)[Xtr.columns]
pipe = make_pipeline(
    ColumnTransformer([("num", StandardScaler(), ["age"])], remainder="passthrough"),
    LogisticRegression()).fit(Xtr, ytr)
predict = {"train_rows": "even", "test_rows": "odd, without missing age",
           "probabilities": pipe.predict_proba(Xte).tolist()}

# summary: treatment coding, as statsmodels' formula and R's glm code it.
df = pd.read_csv(os.path.join(data, "titanic.csv")).drop(columns=["rownames"]).dropna()
df["y"] = (df["survived"] == "yes").astype(float)
res = smf.logit("y ~ age + sex + passengerClass", df).fit(disp=0, method="newton",
                                                          tol=1e-12, maxiter=100)
summary = {
    "args": ["titanic.csv", "--target", "survived", "--exclude", "rownames", "--dropna"],
    "statsmodels": {"params": res.params.to_dict(), "bse": res.bse.to_dict(),
                    "llf": res.llf, "nobs": int(res.nobs)},
}
if shutil.which("Rscript"):
    script = """
d <- read.csv(file.path("%s", "titanic.csv"))
d$rownames <- NULL
m <- glm(survived == "yes" ~ age + sex + passengerClass, family = binomial, data = d)
s <- summary(m)$coefficients
cat(paste(rownames(s), sprintf("%%.17g", s[, 1]), sprintf("%%.17g", s[, 2]), sep = "\\t"),
    sep = "\\n")
cat("\\n")
cat(sprintf("deleted\\t%%d\\n", length(m$na.action)))
""" % data
    out = subprocess.run(["Rscript", "-e", script], capture_output=True, text=True,
                         check=True).stdout
    r = {"coef": {}, "se": {}}
    for line in out.strip().splitlines():
        parts = line.split("\t")
        if parts[0] == "deleted":
            r["deleted"] = int(parts[1])
        elif len(parts) == 3:
            r["coef"][parts[0]] = float(parts[1])
            r["se"][parts[0]] = float(parts[2])
    summary["R"] = r

# summary of anes96 as it comes (to_csv()'s index column left out): all
# numeric, so the formula lists the columns; R's read.csv names the index X.
anes = pd.read_csv(os.path.join(data, "anes96.csv")).drop(columns=["Unnamed: 0"])
terms = [c for c in anes.columns if c != "vote"]
res = smf.logit("vote ~ " + " + ".join(terms), anes).fit(disp=0, method="newton", tol=1e-12,
                                                          maxiter=100)
summary_anes = {
    "args": ["anes96.csv", "--target", "vote"],
    "statsmodels": {"params": res.params.to_dict(), "bse": res.bse.to_dict(),
                    "llf": res.llf, "nobs": int(res.nobs)},
}
if shutil.which("Rscript"):
    script = """
d <- read.csv(file.path("%s", "anes96.csv"))
m <- glm(vote ~ %s, family = binomial, data = d)
s <- summary(m)$coefficients
cat(paste(rownames(s), sprintf("%%.17g", s[, 1]), sprintf("%%.17g", s[, 2]), sep = "\\t"),
    sep = "\\n")
cat("\\n")
""" % (data, " + ".join(terms))
    out = subprocess.run(["Rscript", "-e", script], capture_output=True, text=True,
                         check=True).stdout
    r = {"coef": {}, "se": {}}
    for line in out.strip().splitlines():
        parts = line.split("\t")
        if len(parts) == 3:
            r["coef"][parts[0]] = float(parts[1])
            r["se"][parts[0]] = float(parts[2])
    summary_anes["R"] = r

out = {"fits": cases, "predict": predict, "summary": summary, "summary_anes96": summary_anes}
with open(os.path.join(root, "Tests", "FitlogitCLITests", "Golden", "realdata.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")

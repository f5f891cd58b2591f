#!/usr/bin/env python3
"""The Python side of `fitlogit predict MODEL.json FILE --proba`, for
scripts/bench.sh: pandas.read_csv, LogisticRegression.predict_proba with the
coefficients of a fitlogit model file, DataFrame.to_csv to standard output
(full-precision floats, as fitlogit prints them). Timings on standard error.
Usage: bench_predict_sklearn.py MODEL.json FILE.csv > probabilities.csv"""
import json
import sys
import time

t0 = time.perf_counter()
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

t_import = time.perf_counter() - t0
model_file = json.load(open(sys.argv[1]))
t1 = time.perf_counter()
df = pd.read_csv(sys.argv[2])
t_read = time.perf_counter() - t1
m = LogisticRegression()
m.classes_ = np.array(model_file["classes"])
m.coef_ = np.array(model_file["coef"], dtype=np.float64)
m.intercept_ = np.array(model_file["intercept"], dtype=np.float64)
X = df[model_file["feature_names"]].to_numpy(dtype=np.float64)
t2 = time.perf_counter()
p = m.predict_proba(X)
t_predict = time.perf_counter() - t2
t3 = time.perf_counter()
pd.DataFrame(p, columns=[str(c) for c in m.classes_]).to_csv(sys.stdout, index=False)
t_write = time.perf_counter() - t3
print(
    f"py_import_s={t_import} py_read_s={t_read} py_predict_s={t_predict} "
    f"py_write_s={t_write} py_total_s={time.perf_counter() - t0}",
    file=sys.stderr)

#!/usr/bin/env python3
"""The Python side of scripts/bench.sh: pandas.read_csv + LogisticRegression
().fit + log_loss on one CSV file, timed in-process; prints key=value pairs."""
import sys
import time

t0 = time.perf_counter()
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import log_loss  # noqa: E402

t_import = time.perf_counter() - t0
path = sys.argv[1]
t1 = time.perf_counter()
df = pd.read_csv(path)
t_read = time.perf_counter() - t1
X = df.iloc[:, :-1].to_numpy(dtype=np.float64)
y = df.iloc[:, -1].to_numpy()
t2 = time.perf_counter()
model = LogisticRegression().fit(X, y)
t_fit = time.perf_counter() - t2
loss = log_loss(y, model.predict_proba(X))
print(
    f"py_import_s={t_import} py_read_s={t_read} py_fit_s={t_fit} "
    f"py_total_s={time.perf_counter() - t0} py_n_iter={int(model.n_iter_[0])} "
    f"py_log_loss={loss!r} py_read_MBps={__import__('os').path.getsize(path) / 1e6 / t_read}"
)

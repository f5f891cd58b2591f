#!/usr/bin/env python3
"""Golden values of sklearn.calibration.calibration_curve (uniform bins),
the points `--plot` draws in its calibration figure, computed by
scikit-learn itself, for Tests/FitlogitMetricsTests.

    python3 scripts/make_calibration_golden.py      (scikit-learn 1.9.1)

Probabilities include values exactly on bin edges (0, 0.1, 0.3, 0.5, 1),
where np.searchsorted's side decides the bin.
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve

OUT = (pathlib.Path(__file__).resolve().parent.parent
       / "Tests/FitlogitMetricsTests/Golden/calibration.json")
rng = np.random.RandomState(141)
cases = []
for name, n, bins in [("uniform-10", 200, 10), ("edges-10", 60, 10),
                      ("edges-5", 60, 5), ("sparse-3", 9, 3), ("many-20", 500, 20)]:
    p = rng.uniform(0, 1, n)
    if name.startswith("edges"):
        p[:12] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 0.1 + 0.2]
    if name == "sparse-3":
        p = np.array([0.05, 0.1, 0.2, 0.9, 0.95, 0.99, 0.97, 0.02, 0.01])
    y = (rng.uniform(0, 1, n) < p).astype(int)
    prob_true, prob_pred = calibration_curve(y, p, n_bins=bins, strategy="uniform")
    cases.append({"name": name, "n_bins": bins, "y_true": y.tolist(), "y_prob": p.tolist(),
                  "prob_true": prob_true.tolist(), "prob_pred": prob_pred.tolist()})
OUT.write_text(json.dumps({"sklearn": sklearn.__version__, "cases": cases}, indent=1) + "\n")
print(f"wrote {OUT}")

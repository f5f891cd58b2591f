#!/usr/bin/env python3
"""Golden cross-entropy values from scikit-learn and Keras themselves, for
Tests/FitlogitCrossEntropyTests. Run by hand:

    pip install scikit-learn keras
    python3 scripts/make_loss_golden.py     (Keras' numpy backend)

Keras runs in float32 (its default floatx); scikit-learn in float64.
"""
import json
import os
import pathlib
import subprocess
import sys

# The numpy backend gives the digits docs/REFERENCE.md lists. It computes
# from_logits as sigmoid-then-clip, unlike TensorFlow and JAX (stable
# log-sigmoid, never clipped, the documented behaviour fitlogit follows), so
# the case with large logits is computed by a second run on the JAX backend.
os.environ.setdefault("KERAS_BACKEND", "numpy")
import keras  # noqa: E402
import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.metrics import log_loss  # noqa: E402

OUT = (pathlib.Path(__file__).resolve().parent.parent
       / "Tests/FitlogitCrossEntropyTests/Golden/losses.json")
rng = np.random.default_rng(2026)


def keras_loss(kind, y, p, dtype, **kw):
    y = np.asarray(y, dtype=dtype)
    p = np.asarray(p, dtype=dtype)
    if kind == "binary":
        y, p = y.reshape(-1, 1), p.reshape(-1, 1)
        fn = keras.losses.BinaryCrossentropy(dtype=dtype, **kw)
    else:
        fn = keras.losses.CategoricalCrossentropy(dtype=dtype, **kw)
    weights = kw.pop("sample_weight", None)
    return np.asarray(fn(y, p)).tolist()


cases = []


def add(kind, y, p, reduction="sum_over_batch_size", from_logits=False, label_smoothing=0.0,
        sample_weight=None, backend="numpy"):
    if backend != keras.backend.backend():
        cases.append({"backend": backend, "args": [kind, np.asarray(y).tolist(),
                                                   np.asarray(p).tolist(), reduction,
                                                   from_logits, label_smoothing]})
        return
    entry = {"backend": backend, "kind": kind, "y_true": np.asarray(y).tolist(), "y_pred": np.asarray(p).tolist(),
             "reduction": {"sum_over_batch_size": "mean", "sum": "sum", "none": "none"}[reduction],
             "from_logits": from_logits, "label_smoothing": label_smoothing,
             "sample_weight": None if sample_weight is None else list(sample_weight)}
    # Keras computes in float32 (its floatx); asking for float64 through the
    # loss's dtype or floatx still gave float32 results here, so only the
    # float32 digits are recorded; float64 checks use docs/REFERENCE.md and sklearn.
    for dtype in ("float32",):
        yy = np.asarray(y, dtype=dtype)
        pp = np.asarray(p, dtype=dtype)
        if kind == "binary":
            yy, pp = yy.reshape(-1, 1), pp.reshape(-1, 1)
            fn = keras.losses.BinaryCrossentropy(from_logits=from_logits,
                                                 label_smoothing=label_smoothing,
                                                 reduction=reduction, dtype=dtype)
        else:
            fn = keras.losses.CategoricalCrossentropy(from_logits=from_logits,
                                                      label_smoothing=label_smoothing,
                                                      reduction=reduction, dtype=dtype)
        sw = None if sample_weight is None else np.asarray(sample_weight, dtype=dtype)
        entry["keras3_" + dtype] = np.asarray(fn(yy, pp, sample_weight=sw)).tolist()
    if not from_logits and label_smoothing == 0 and reduction != "none":
        yl = np.asarray(y)
        labels = yl.astype(int) if kind == "binary" else yl.argmax(1)
        pp = np.asarray(p, dtype=np.float64)
        k = 2 if kind == "binary" else pp.shape[1]
        entry["sklearn"] = log_loss(labels, pp, labels=list(range(k)), sample_weight=sample_weight,
                                    normalize=reduction != "sum")
    cases.append(entry)


y = [1, 1, 1]
p = [1, 1, 0]
add("binary", y, p)
add("binary", y, p, reduction="sum")
add("binary", y, p, reduction="none")
add("binary", y, p, label_smoothing=0.1)
add("binary", [1, 0, 1], [2, -1, -3], from_logits=True)
add("binary", [1, 0, 1], [2, -1, -3], from_logits=True, label_smoothing=0.2, reduction="none")
yb = rng.integers(0, 2, size=12)
pb = np.round(rng.uniform(0, 1, size=12), 6)
pb[:3] = [0.0, 1.0, 1e-9]  # the clipped region
add("binary", yb, pb)
add("binary", yb, pb, sample_weight=np.round(rng.uniform(0.2, 3, size=12), 3))
add("binary", yb, pb, reduction="none")
add("binary", yb, np.round(rng.normal(size=12) * 30, 3), from_logits=True, backend="jax")
add("categorical", [[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0.05], [0.1, 0.8, 0.1]])
add("categorical", [[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0.05], [0.1, 0.8, 0.1]], reduction="none")
yc = np.eye(4)[rng.integers(0, 4, size=8)]
pc = rng.dirichlet(np.ones(4), size=8)
pc[0] = [1.0, 0.0, 0.0, 0.0]
add("categorical", yc, pc)
add("categorical", yc, pc, label_smoothing=0.1)
add("categorical", yc, pc, sample_weight=np.round(rng.uniform(0.2, 3, size=8), 3))
add("categorical", yc, np.round(rng.normal(size=(8, 4)) * 5, 3), from_logits=True)

if len(sys.argv) > 1 and sys.argv[1] == "--one":
    cases.clear()
    add(*json.loads(sys.argv[2]), backend=keras.backend.backend())
    print(json.dumps(cases[0]))
    sys.exit(0)
for i, c in enumerate(cases):
    if "args" in c:
        env = dict(os.environ, KERAS_BACKEND=c["backend"])
        out = subprocess.run([sys.executable, __file__, "--one", json.dumps(c["args"])],
                             env=env, capture_output=True, text=True, check=True).stdout
        cases[i] = json.loads(out.strip().splitlines()[-1])

docs = log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]])
OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({"keras": keras.__version__, "sklearn": sklearn.__version__,
                           "backend": keras.backend.backend(), "cases": cases,
                           "sklearn_docs_example": docs}, indent=1) + "\n")
print("wrote", OUT, len(cases), "cases")

#!/usr/bin/env python3
"""Golden cross-entropy values from PyTorch, JAX/optax, MLX and Keras 3
themselves, for Tests/FitlogitCrossEntropyTests (FrameworkLossTests). Run
from the package's top folder:

    pip install torch optax jax "keras>=3" "mlx[cpu]"   # mlx[cpu]: libmlx.so on Linux
    python3 scripts/make_framework_loss_golden.py

Each case is the input a user has (probabilities, or logits with
"from_logits") and each framework's loss computed the way that framework is
called on it: probabilities go to the probability losses as they are, to
the logit losses as logit(p) = log(p / (1 - p)) (binary) or log p
(categorical: log-softmax of log p renormalizes the row); logits go to the
probability losses through sigmoid / softmax. fitlogit applies the same
rules (FrameworkLoss.swift), so a test can compare number against number.

float64 wherever the framework computes in float64 (torch, JAX with x64,
MLX on the CPU stream); Keras 3 computes in float32 (its floatx) even when
given float64, so only its float32 digits are recorded. Non-finite values
are the strings "nan", "inf", "-inf" (JSON has no NaN).
"""
import json
import math
import os
import pathlib
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
import jax  # noqa: E402

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402
import optax  # noqa: E402
import torch  # noqa: E402

try:
    import mlx.core as mx  # noqa: E402
    import mlx.nn as mnn  # noqa: E402
    MLX = mx.__version__
except ImportError:  # libmlx.so missing: pip install "mlx[cpu]"
    MLX = None

OUT = (pathlib.Path(__file__).resolve().parent.parent
       / "Tests/FitlogitCrossEntropyTests/Golden/frameworks.json")
DT = {"float32": (np.float32, torch.float32, jnp.float32),
      "float64": (np.float64, torch.float64, jnp.float64)}
IGNORE = -100  # PyTorch's default ignore_index


def enc(v):
    if isinstance(v, list):
        return [enc(x) for x in v]
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def logit(p):
    return np.log(p / (1 - p))


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(x):
    e = np.exp(x - x.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def log_softmax(x):
    m = x.max(1, keepdims=True)
    return x - m - np.log(np.exp(x - m).sum(1, keepdims=True))


class Case:
    """One input as a user has it, in one dtype."""

    def __init__(self, c, dtype):
        npd, self.td, self.jd = DT[dtype]
        self.dtype = dtype
        self.kind = c["kind"]
        self.logits = c.get("from_logits", False)
        self.red = c.get("reduction", "mean")
        self.o = c
        with np.errstate(all="ignore"):
            self.pred = np.asarray(c["y_pred"], dtype=npd)
            if self.kind == "binary":
                self.y = np.asarray(c["y_true"], dtype=npd)
                self.p = sigmoid(self.pred) if self.logits else self.pred
                self.x = self.pred if self.logits else logit(self.pred)
            else:
                yt = c["y_true"]
                k = self.pred.shape[1]
                if np.ndim(yt) == 1:  # class indices
                    self.idx = np.asarray(yt, dtype=np.int64)
                    self.Y = np.zeros((len(yt), k), dtype=npd)
                    ok = self.idx != IGNORE
                    self.Y[np.nonzero(ok)[0], self.idx[ok]] = 1
                else:
                    self.Y = np.asarray(yt, dtype=npd)
                    onehot = np.all((self.Y == 0) | (self.Y == 1)) and np.all(self.Y.sum(1) == 1)
                    self.idx = self.Y.argmax(1) if onehot else None
                self.P = softmax(self.pred) if self.logits else self.pred
                self.X = self.pred if self.logits else np.log(self.pred)
                self.logP = log_softmax(self.pred) if self.logits else np.log(self.pred)
        self.w = None if c.get("sample_weight") is None else np.asarray(c["sample_weight"], dtype=npd)
        self.cw = None if c.get("class_weight") is None else np.asarray(c["class_weight"], dtype=npd)

    def t(self, a):
        return torch.tensor(np.asarray(a), dtype=self.td)

    def reduce_np(self, losses):
        if self.red == "none":
            return losses.tolist()
        s = losses.sum(dtype=losses.dtype) if self.red == "sum" else losses.mean(dtype=losses.dtype)
        return s


def out(v):
    a = np.asarray(v)
    return a.tolist() if a.ndim else float(a)


# --- PyTorch ----------------------------------------------------------------

def torch_bce(c):
    if c.kind != "binary" or c.o.get("label_smoothing") or c.o.get("pos_weight"):
        return None
    w = None if c.w is None else c.t(c.w)
    return out(torch.nn.functional.binary_cross_entropy(c.t(c.p), c.t(c.y), weight=w, reduction=c.red))


def torch_bce_logits(c):
    if c.kind != "binary" or c.o.get("label_smoothing"):
        return None
    w = None if c.w is None else c.t(c.w)
    pw = c.o.get("pos_weight")
    pw = None if pw is None else c.t([pw])
    return out(torch.nn.functional.binary_cross_entropy_with_logits(
        c.t(c.x), c.t(c.y), weight=w, pos_weight=pw, reduction=c.red))


def torch_ce(c, logits=None):
    if c.kind != "categorical" or c.w is not None:
        return None
    x = c.t(c.X if logits is None else logits)
    cw = None if c.cw is None else c.t(c.cw)
    target = torch.tensor(c.idx) if c.idx is not None else c.t(c.Y)
    if c.idx is None and c.o.get("ignore"):
        return None
    return out(torch.nn.functional.cross_entropy(
        x, target, weight=cw, ignore_index=IGNORE, reduction=c.red,
        label_smoothing=c.o.get("label_smoothing", 0.0)))


def torch_ce_probabilities(c):
    """The forums' mistake: probabilities passed as CrossEntropyLoss logits."""
    if c.logits or c.kind != "categorical":
        return None
    return torch_ce(c, logits=c.P)


def torch_nll(c):
    if c.kind != "categorical" or c.idx is None or c.w is not None or c.o.get("label_smoothing"):
        return None
    cw = None if c.cw is None else c.t(c.cw)
    return out(torch.nn.functional.nll_loss(
        c.t(c.logP), torch.tensor(c.idx), weight=cw, ignore_index=IGNORE, reduction=c.red))


# --- JAX / optax: per-example losses; the mean is the user's ------------------

def optax_plain(c):
    return (c.kind == "binary" and c.w is None and not c.o.get("label_smoothing")
            and not c.o.get("pos_weight"))


def optax_cat(c, need_idx=False):
    return (c.kind == "categorical" and c.w is None and c.cw is None
            and not c.o.get("label_smoothing") and not c.o.get("ignore")
            and (c.idx is not None or not need_idx))


def jred(c, losses):
    if c.red == "none":
        return np.asarray(losses).tolist()
    return float(jnp.sum(losses) if c.red == "sum" else jnp.mean(losses))


def optax_sigmoid(c):
    if not optax_plain(c):
        return None
    return jred(c, optax.losses.sigmoid_binary_cross_entropy(
        jnp.asarray(c.x, c.jd), jnp.asarray(c.y, c.jd)))


def optax_focal(c):
    if not optax_plain(c):
        return None
    return jred(c, optax.losses.sigmoid_focal_loss(
        jnp.asarray(c.x, c.jd), jnp.asarray(c.y, c.jd),
        alpha=c.o.get("alpha"), gamma=c.o.get("gamma", 2.0)))


def optax_softmax(c):
    if not optax_cat(c):
        return None
    return jred(c, optax.losses.softmax_cross_entropy(jnp.asarray(c.X, c.jd), jnp.asarray(c.Y, c.jd)))


def optax_safe(c):
    if not optax_cat(c):
        return None
    return jred(c, optax.losses.safe_softmax_cross_entropy(
        jnp.asarray(c.X, c.jd), jnp.asarray(c.Y, c.jd)))


def optax_integer(c):
    if not optax_cat(c, need_idx=True):
        return None
    return jred(c, optax.losses.softmax_cross_entropy_with_integer_labels(
        jnp.asarray(c.X, c.jd), jnp.asarray(c.idx)))


# --- MLX: float64 only on the CPU stream -------------------------------------

def mlx_arr(c, a):
    return mx.array(np.asarray(a), dtype=mx.float32 if c.dtype == "float32" else mx.float64)


def mlx_bce(c):
    if MLX is None or c.kind != "binary" or c.o.get("label_smoothing") or c.o.get("pos_weight"):
        return None
    w = None if c.w is None else mlx_arr(c, c.w)
    with mx.stream(mx.cpu):
        if c.logits:
            r = mnn.losses.binary_cross_entropy(mlx_arr(c, c.x), mlx_arr(c, c.y), weights=w,
                                                with_logits=True, reduction=c.red)
        else:
            r = mnn.losses.binary_cross_entropy(mlx_arr(c, c.p), mlx_arr(c, c.y), weights=w,
                                                with_logits=False, reduction=c.red)
        return np.array(r).tolist()


def mlx_ce(c):
    if MLX is None or c.kind != "categorical" or c.cw is not None or c.o.get("ignore"):
        return None
    w = None if c.w is None else mlx_arr(c, c.w)
    target = mx.array(c.idx) if c.idx is not None else mlx_arr(c, c.Y)
    with mx.stream(mx.cpu):
        r = mnn.losses.cross_entropy(mlx_arr(c, c.X), target, weights=w,
                                     label_smoothing=c.o.get("label_smoothing", 0.0),
                                     reduction=c.red)
        return np.array(r).tolist()


def mlx_nll(c):
    if (MLX is None or c.kind != "categorical" or c.idx is None or c.cw is not None
            or c.w is not None or c.o.get("label_smoothing") or c.o.get("ignore")):
        return None
    with mx.stream(mx.cpu):
        r = mnn.losses.nll_loss(mlx_arr(c, c.logP), mx.array(c.idx), reduction=c.red)
        return np.array(r).tolist()


# --- Keras 3 (float32 only) --------------------------------------------------

KRED = {"mean": "sum_over_batch_size", "sum": "sum", "none": None}


def keras_args(c):
    y, p = c.y.reshape(-1, 1) if c.kind == "binary" else c.Y, c.pred
    if c.kind == "binary":
        p = p.reshape(-1, 1)
    return y, p


def keras_binary_crossentropy(c):
    """keras.losses.BinaryCrossentropy, Keras 3 (the existing keras3 convention)."""
    if c.dtype != "float32" or c.kind != "binary" or c.o.get("pos_weight"):
        return None
    y, p = keras_args(c)
    fn = keras.losses.BinaryCrossentropy(from_logits=c.logits, reduction=KRED[c.red],
                                         label_smoothing=c.o.get("label_smoothing", 0.0))
    return out(fn(y, p, sample_weight=c.w))


def keras_categorical_crossentropy(c):
    if c.dtype != "float32" or c.kind != "categorical" or c.cw is not None or c.o.get("ignore"):
        return None
    y, p = keras_args(c)
    fn = keras.losses.CategoricalCrossentropy(from_logits=c.logits, reduction=KRED[c.red],
                                              label_smoothing=c.o.get("label_smoothing", 0.0))
    return out(fn(y, p, sample_weight=c.w))


def keras_sparse(c):
    if (c.dtype != "float32" or c.kind != "categorical" or c.idx is None or c.cw is not None
            or c.o.get("label_smoothing")):
        return None
    fn = keras.losses.SparseCategoricalCrossentropy(
        from_logits=c.logits, reduction=KRED[c.red],
        ignore_class=IGNORE if c.o.get("ignore") else None)
    return out(fn(c.idx, c.pred, sample_weight=c.w))


def keras_binary_focal(c):
    if c.dtype != "float32" or c.kind != "binary" or c.o.get("pos_weight"):
        return None
    y, p = keras_args(c)
    fn = keras.losses.BinaryFocalCrossentropy(
        apply_class_balancing=c.o.get("class_balancing", False), alpha=c.o.get("alpha") or 0.25,
        gamma=c.o.get("gamma", 2.0), from_logits=c.logits,
        label_smoothing=c.o.get("label_smoothing", 0.0), reduction=KRED[c.red])
    return out(fn(y, p, sample_weight=c.w))


def keras_categorical_focal(c):
    if c.dtype != "float32" or c.kind != "categorical" or c.cw is not None or c.o.get("ignore"):
        return None
    y, p = keras_args(c)
    fn = keras.losses.CategoricalFocalCrossentropy(
        alpha=c.o.get("alpha") or 0.25, gamma=c.o.get("gamma", 2.0), from_logits=c.logits,
        label_smoothing=c.o.get("label_smoothing", 0.0), reduction=KRED[c.red])
    return out(fn(y, p, sample_weight=c.w))


def keras_metric(cls, c, kind, sparse=False):
    if (c.dtype != "float32" or c.kind != kind or c.red != "mean" or c.cw is not None
            or c.o.get("pos_weight") or c.o.get("ignore") or (sparse and c.idx is None)):
        return None
    kw = {"from_logits": c.logits}
    if not sparse:
        kw["label_smoothing"] = c.o.get("label_smoothing", 0.0)
    elif c.o.get("label_smoothing"):
        return None
    m = cls(**kw)
    y, p = keras_args(c)
    m.update_state(c.idx if sparse else y, p, sample_weight=c.w)
    return float(m.result())


LOSSES = {
    "torch.BCELoss": torch_bce,
    "torch.BCEWithLogitsLoss": torch_bce_logits,
    "torch.CrossEntropyLoss": torch_ce,
    "torch.CrossEntropyLoss(probabilities)": torch_ce_probabilities,
    "torch.NLLLoss": torch_nll,
    "optax.sigmoid_binary_cross_entropy": optax_sigmoid,
    "optax.sigmoid_focal_loss": optax_focal,
    "optax.softmax_cross_entropy": optax_softmax,
    "optax.softmax_cross_entropy_with_integer_labels": optax_integer,
    "optax.safe_softmax_cross_entropy": optax_safe,
    "mlx.binary_cross_entropy": mlx_bce,
    "mlx.cross_entropy": mlx_ce,
    "mlx.nll_loss": mlx_nll,
    "keras.losses.BinaryCrossentropy": keras_binary_crossentropy,
    "keras.losses.CategoricalCrossentropy": keras_categorical_crossentropy,
    "keras.losses.SparseCategoricalCrossentropy": keras_sparse,
    "keras.losses.BinaryFocalCrossentropy": keras_binary_focal,
    "keras.losses.CategoricalFocalCrossentropy": keras_categorical_focal,
    "keras.metrics.BinaryCrossentropy":
        lambda c: keras_metric(keras.metrics.BinaryCrossentropy, c, "binary"),
    "keras.metrics.CategoricalCrossentropy":
        lambda c: keras_metric(keras.metrics.CategoricalCrossentropy, c, "categorical"),
    "keras.metrics.SparseCategoricalCrossentropy":
        lambda c: keras_metric(keras.metrics.SparseCategoricalCrossentropy, c, "categorical",
                               sparse=True),
}

rng = np.random.default_rng(2026)
SEED_B = dict(kind="binary", y_true=[1, 1, 1], y_pred=[1, 1, 0])
SEED_C = dict(kind="categorical", y_true=[[0, 1, 0], [0, 0, 1]],
              y_pred=[[0.05, 0.95, 0.05], [0.1, 0.8, 0.1]])
yb = rng.integers(0, 2, size=12).tolist()
pb = np.round(rng.uniform(0, 1, size=12), 6)
pb[:4] = [0.0, 1.0, 1e-8, 1 - 1e-8]
pb = pb.tolist()
wb = np.round(rng.uniform(0.2, 3, size=12), 3).tolist()
yc = np.eye(4)[rng.integers(0, 4, size=8)].tolist()
pc = rng.dirichlet(np.ones(4), size=8)
pc[0] = [1.0, 0.0, 0.0, 0.0]
pc[1] = [1e-8, 1 - 3e-8, 1e-8, 1e-8]
pc = np.round(pc, 9).tolist()
xc = np.round(rng.normal(size=(8, 4)) * 5, 3)
xc[0] = [100, -100, 0, 3]
xc = xc.tolist()
wc = np.round(rng.uniform(0.2, 3, size=8), 3).tolist()

CASES = [
    dict(SEED_B, id="binary seed"),
    dict(SEED_B, id="binary seed, sum", reduction="sum"),
    dict(SEED_B, id="binary seed, none", reduction="none"),
    dict(SEED_B, id="binary seed, label smoothing 0.1", label_smoothing=0.1),
    dict(kind="binary", id="binary 1 0 1 vs 0 0 1", y_true=[1, 0, 1], y_pred=[0, 0, 1]),
    dict(kind="binary", id="binary mixed", y_true=yb, y_pred=pb),
    dict(kind="binary", id="binary mixed, weights", y_true=yb, y_pred=pb, sample_weight=wb),
    dict(kind="binary", id="binary mixed, none", y_true=yb, y_pred=pb, reduction="none"),
    dict(kind="binary", id="binary mixed, focal gamma 3 alpha 0.4 balanced", y_true=yb,
         y_pred=pb, gamma=3.0, alpha=0.4, class_balancing=True),
    dict(kind="binary", id="binary logits", y_true=[1, 0, 1], y_pred=[2, -1, -3],
         from_logits=True),
    dict(kind="binary", id="binary logits +-100", y_true=[1, 0, 1, 0],
         y_pred=[100, -100, -100, 100], from_logits=True),
    dict(kind="binary", id="binary logits +-100, pos_weight 3", y_true=[1, 0, 1, 0],
         y_pred=[100, -100, -100, 2.5], from_logits=True, pos_weight=3.0),
    dict(kind="binary", id="binary mixed, pos_weight 2 and weights", y_true=yb, y_pred=pb,
         pos_weight=2.0, sample_weight=wb),
    dict(kind="binary", id="binary logits, label smoothing 0.2", y_true=[1, 0, 1],
         y_pred=[2, -1, -3], from_logits=True, label_smoothing=0.2),
    dict(SEED_C, id="categorical seed"),
    dict(SEED_C, id="categorical seed, none", reduction="none"),
    dict(SEED_C, id="categorical seed, label smoothing 0.1", label_smoothing=0.1),
    dict(SEED_C, id="categorical seed, class weight 1 2 3", class_weight=[1, 2, 3]),
    dict(SEED_C, id="categorical seed, class weight and label smoothing",
         class_weight=[1, 2, 3], label_smoothing=0.1),
    dict(kind="categorical", id="categorical seed, class indices with ignore", y_true=[1, 2, IGNORE],
         y_pred=[[0.05, 0.95, 0.05], [0.1, 0.8, 0.1], [0.2, 0.3, 0.5]], ignore=True),
    dict(kind="categorical", id="categorical ignore, class weight", y_true=[1, 2, IGNORE],
         y_pred=[[0.05, 0.95, 0.05], [0.1, 0.8, 0.1], [0.2, 0.3, 0.5]], ignore=True,
         class_weight=[1, 2, 3]),
    dict(kind="categorical", id="categorical mixed", y_true=yc, y_pred=pc),
    dict(kind="categorical", id="categorical mixed, sum", y_true=yc, y_pred=pc, reduction="sum"),
    dict(kind="categorical", id="categorical mixed, weights", y_true=yc, y_pred=pc,
         sample_weight=wc),
    dict(kind="categorical", id="categorical soft targets", y_true=[[0.2, 0.8, 0], [0.5, 0.25, 0.25]],
         y_pred=[[0.1, 0.6, 0.3], [0.3, 0.3, 0.4]]),
    dict(kind="categorical", id="categorical soft targets, class weight",
         y_true=[[0.2, 0.8, 0], [0.5, 0.25, 0.25]], y_pred=[[0.1, 0.6, 0.3], [0.3, 0.3, 0.4]],
         class_weight=[1, 2, 3]),
    dict(kind="categorical", id="categorical logits", y_true=yc, y_pred=xc, from_logits=True),
    dict(kind="categorical", id="categorical logits, label smoothing 0.1", y_true=yc, y_pred=xc,
         from_logits=True, label_smoothing=0.1),
    dict(kind="categorical", id="categorical focal gamma 1 alpha 0.5", y_true=yc, y_pred=pc,
         gamma=1.0, alpha=0.5),
]


def main():
    results = []
    for case in CASES:
        entry = dict(case)
        values = {}
        for name, fn in LOSSES.items():
            got = {}
            for dtype in ("float32", "float64"):
                with np.errstate(all="ignore"):
                    v = fn(Case(case, dtype))
                if v is not None:
                    got[dtype] = enc(v)
            if got:
                values[name] = got
        entry["values"] = values
        results.append(entry)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({
        "torch": torch.__version__, "optax": optax.__version__, "jax": jax.__version__,
        "keras": keras.__version__, "keras_backend": keras.backend.backend(), "mlx": MLX,
        "ignore_index": IGNORE, "cases": results}, indent=1) + "\n")
    print("wrote", OUT, len(results), "cases", file=sys.stderr)


if __name__ == "__main__":
    main()

/// The page's script: reads the JSON the page carries and redraws the
/// pictures when an input changes. Written here, no library; the loss is
/// the command line's formula operation for operation (σ, then the true
/// class's probability clipped to [ε, 1 − ε], then −log, then the mean),
/// and the objective adds the penalty as ``PagePenalty/term(w:b:weightSum:)``
/// does: the weighted mean, then the smooth part, then the L1 part.
///
/// A query string sets the inputs as a reader would (`?w=1&b=0.5`,
/// `&threshold=0.7`, `&objective=1`): links to a given model, and what
/// the browser test drives.
let livePageScript = #"""
"use strict";
(function () {
  const D = JSON.parse(document.getElementById("page-data").textContent);
  const EPS = 2.220446049250313e-16;
  const $ = (id) => document.getElementById(id);
  const map = (s, v) => s[2] + (v - s[0]) / (s[1] - s[0]) * (s[3] - s[2]);
  const f2 = (v) => (Math.round(v * 100) / 100).toString();
  const dec = (v, k) => v.toFixed(k);

  // The probability σ(w·x + b) gives class y, clipped as log_loss clips it.
  function own(w, b, x, y) {
    const p = 1 / (1 + Math.exp(-(w * x + b)));
    return Math.min(Math.max(y === 1 ? p : 1 - p, EPS), 1 - EPS);
  }
  function meanLoss(w, b) {
    const r = D.rows;
    let sum = 0, n = 0;
    for (let k = 0; k < r.x.length; k++) {
      sum -= r.c[k] * Math.log(own(w, b, r.x[k], r.y[k]));
      n += r.c[k];
    }
    return sum / n;
  }
  // Σ sᵢℓᵢ / Σ sᵢ: the loss the solver minimizes; the mean without weights.
  function weightedLoss(w, b) {
    const r = D.rows;
    if (!r.s) return meanLoss(w, b);
    let sum = 0, S = 0;
    for (let k = 0; k < r.x.length; k++) {
      sum -= r.s[k] * Math.log(own(w, b, r.x[k], r.y[k]));
      S += r.s[k];
    }
    return sum / S;
  }
  // (ρ‖β‖₁ + (1 − ρ)/2 ‖β‖²) / (C·S), β = w (and b/a for liblinear).
  function penaltyTerm(w, b) {
    const P = D.penalty, S = D.rows.S;
    if (P.C === null) return 0;
    const beta = P.interceptScaling === null ? [w] : [w, b / P.interceptScaling];
    let l1 = 0, l2 = 0;
    for (const c of beta) { l1 += Math.abs(c); l2 += c * c; }
    const smooth = 0.5 * ((1 - P.l1Ratio) / (P.C * S)) * l2;
    return P.l1Ratio > 0 ? smooth + P.l1Ratio / (P.C * S) * l1 : smooth;
  }

  function setModel(w, b, source) {
    if (!isFinite(w) || !isFinite(b)) return;
    if (source !== "w") $("w").value = w;
    if (source !== "b") $("b").value = b;
    $("w-range").value = w;
    $("b-range").value = b;
    // Over a sample of the rows, at a button's model the command line's
    // sum over every row; over all rows, the page's own sum everywhere.
    const preset = D.rows.complete ? undefined : D.presets.find((p) => p.w === w && p.b === b);
    const loss = preset ? preset.logLoss : meanLoss(w, b);
    const weighted = preset ? preset.weightedLogLoss : weightedLoss(w, b);
    const objective = preset ? preset.objective : weighted + penaltyTerm(w, b);
    $("log-loss").textContent = dec(loss, 4);
    $("log-loss").dataset.value = String(loss);
    if ($("weighted-log-loss")) {
      $("weighted-log-loss").textContent = dec(weighted, 4);
      $("weighted-log-loss").dataset.value = String(weighted);
    }
    $("objective").textContent = dec(objective, 6);
    $("objective").dataset.value = String(objective);

    const m = D.model;
    const pts = [];
    for (let k = 0; k <= 120; k++) {
      const v = m.x[0] + (m.x[1] - m.x[0]) * k / 120;
      pts.push(f2(map(m.x, v)) + "," + f2(map(m.y, 1 / (1 + Math.exp(-(w * v + b))))));
    }
    $("live-sigmoid").setAttribute("points", pts.join(" "));
    const bars = document.querySelectorAll("#live-model rect.bar");
    const marks = document.querySelectorAll("#live-neglog g.pt");
    const L = D.neglog;
    function bar(k, y, p1) {
      const top = y === 1 ? p1 : 1, bottom = y === 1 ? 0 : p1;
      bars[k].setAttribute("y", f2(map(m.y, top)));
      bars[k].setAttribute("height", f2(Math.max(map(m.y, bottom) - map(m.y, top), 0)));
    }
    if (D.bins) {
      // Per bin and class: the mean P(class 1) of the class's rows there.
      const sums = new Float64Array(bars.length), counts = new Float64Array(bars.length);
      for (let r = 0; r < D.rows.x.length; r++) {
        const k = barOfRow[r];
        if (k < 0) continue;
        sums[k] += D.rows.c[r] / (1 + Math.exp(-(w * D.rows.x[r] + b)));
        counts[k] += D.rows.c[r];
      }
      for (let k = 0; k < bars.length; k++) {
        if (counts[k] > 0) bar(k, D.bins.label[k], sums[k] / counts[k]);
      }
    }
    for (let k = 0; k < D.drawn.x.length; k++) {
      const x = D.drawn.x[k], y = D.drawn.y[k];
      if (!D.bins) bar(k, y, 1 / (1 + Math.exp(-(w * x + b))));
      const p = own(w, b, x, y);
      marks[k].setAttribute("transform",
        "translate(" + f2(map(L.x, p)) + " " + f2(map(L.y, Math.min(-Math.log(p), 5))) + ")");
    }
    const mean = f2(map(L.y, Math.min(loss, 5)));
    $("live-mean").setAttribute("y1", mean);
    $("live-mean").setAttribute("y2", mean);
    $("live-mean-label").setAttribute("y", f2(map(L.y, Math.min(loss, 5)) - 7));
    $("live-mean-label").textContent = "log loss = mean = " + dec(loss, 4);
    $("surface-point").setAttribute("cx", f2(map(D.surface.x, w)));
    $("surface-point").setAttribute("cy", f2(map(D.surface.y, b)));
    for (let k = 0; k < D.table.i.length; k++) {
      const i = D.table.i[k], x = D.table.x[k], y = D.table.y[k];
      const p = own(w, b, x, y);
      $("t-p-" + i).textContent = dec(1 / (1 + Math.exp(-(w * x + b))), 4);
      $("t-own-" + i).textContent = dec(p, 4);
      $("t-loss-" + i).textContent = dec(-Math.log(p), 4);
    }
  }

  // With many points, each page row's bar: its bin of x (as the command
  // line bins) and class, or -1.
  const barOfRow = [];
  if (D.bins) {
    const B = D.bins, index = new Map();
    B.bin.forEach((bin, k) => index.set(bin * 2 + B.label[k], k));
    D.rows.x.forEach((v, r) => {
      const bin = B.hi > B.lo
        ? Math.min(B.count - 1, Math.max(0, Math.trunc((v - B.lo) / (B.hi - B.lo) * B.count))) : 0;
      const k = index.get(bin * 2 + D.rows.y[r]);
      barOfRow.push(k === undefined ? -1 : k);
    });
  }

  function setThreshold(t) {
    const k = Math.min(100, Math.max(0, Math.round(t * 100)));
    const T = D.thresholds;
    const tp = T.tp[k], fp = T.fp[k], tn = T.tn[k], fn = T.fn[k];
    const ratio = (a, b) => (b === 0 ? "undefined" : dec(a / b, 4));
    $("threshold").value = k / 100;
    $("threshold-value").textContent = dec(k / 100, 2);
    $("cm-tp").textContent = tp; $("cm-fp").textContent = fp;
    $("cm-tn").textContent = tn; $("cm-fn").textContent = fn;
    $("accuracy").textContent = ratio(tp + tn, tp + tn + fp + fn);
    $("precision").textContent = ratio(tp, tp + fp);
    $("recall").textContent = ratio(tp, tp + fn);
    const fpr = fp + tn === 0 ? 0 : fp / (fp + tn), tpr = tp + fn === 0 ? 0 : tp / (tp + fn);
    $("roc-point").setAttribute("cx", f2(map(D.roc.x, fpr)));
    $("roc-point").setAttribute("cy", f2(map(D.roc.y, tpr)));
  }

  $("threshold").addEventListener("input", (e) => setThreshold(parseFloat(e.target.value)));
  const query = new URLSearchParams(location.search);
  if (D.oneFeature) {
    const w = () => parseFloat($("w").value), b = () => parseFloat($("b").value);
    $("w").addEventListener("input", () => setModel(w(), b(), "w"));
    $("b").addEventListener("input", () => setModel(w(), b(), "b"));
    $("w-range").addEventListener("input", (e) => setModel(parseFloat(e.target.value), b(), ""));
    $("b-range").addEventListener("input", (e) => setModel(w(), parseFloat(e.target.value), ""));
    document.querySelectorAll("button[data-w]").forEach((button) =>
      button.addEventListener("click", () =>
        setModel(parseFloat(button.dataset.w), parseFloat(button.dataset.b), "")));
    $("show-objective").addEventListener("change", (e) => {
      $("objective-contours").setAttribute("display", e.target.checked ? "inline" : "none");
      $("loss-contours").setAttribute("display", e.target.checked ? "none" : "inline");
    });
    document.querySelectorAll("circle.iterate").forEach((c) =>
      c.addEventListener("mouseover", () => { $("iterate-info").textContent = c.dataset.info; }));
    if (query.has("w") || query.has("b")) {
      setModel(parseFloat(query.get("w") ?? $("w").value),
        parseFloat(query.get("b") ?? $("b").value), "");
    }
    if (query.get("objective") === "1") $("show-objective").click();
  }
  if (query.has("threshold")) setThreshold(parseFloat(query.get("threshold")));
})();
"""#

#!/usr/bin/env python3
"""`fitlogit loss FILE.csv` against NumPy and PyTorch on the same file, each
including its read of the CSV (BENCHMARKS.md, "Cross-entropy of a file").

    swift build -c release --product fitlogit
    python3 scripts/bench_loss.py [ROWS] [DIR]      (default 10000000, /tmp/fitlogit-bench)

Writes DIR/loss-ROWS.csv once (seeded: y ~ Bernoulli(0.5), p = a uniform
probability written with 9 digits, a tenth of them exactly 0 or 1), then
prints, for each command, the best of 3 wall times and CPU times (user +
system) and the peak RSS (/usr/bin/time; the side-by-side view runs once):

- fitlogit loss FILE --y-true y --y-pred p --convention torch.BCELoss
- the same with --convention keras3, and without --convention (every
  framework's binary loss side by side, float32 and float64);
- NumPy: pandas.read_csv (C engine) + the BCELoss formula in float64;
- PyTorch: pandas.read_csv + torch.nn.BCELoss in float32 and float64.
"""
import os
import pathlib
import subprocess
import sys
import time

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
ROWS = int(float(ARGS[0])) if ARGS else 10_000_000
DIR = pathlib.Path(ARGS[1] if len(ARGS) > 1 else "/tmp/fitlogit-bench")
ROOT = pathlib.Path(__file__).resolve().parent.parent
FITLOGIT = ROOT / ".build/release/fitlogit"
FILE = DIR / f"loss-{ROWS}.csv"

NUMPY = f"""
import numpy as np, pandas as pd
d = pd.read_csv("{FILE}", dtype={{"y": np.float64, "p": np.float64}})
y, p = d["y"].to_numpy(), d["p"].to_numpy()
with np.errstate(divide="ignore"):
    l = -(y * np.maximum(np.log(p), -100) + (1 - y) * np.maximum(np.log1p(-p), -100))
print(l.mean())
"""

TORCH = f"""
import numpy as np, pandas as pd, torch
d = pd.read_csv("{FILE}", dtype={{"y": np.float64, "p": np.float64}})
for t in (torch.float32, torch.float64):
    y = torch.from_numpy(d["y"].to_numpy()).to(t)
    p = torch.from_numpy(d["p"].to_numpy()).to(t)
    print(torch.nn.BCELoss()(p, y).item())
"""


def generate():
    if FILE.exists():
        return
    import numpy as np
    DIR.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(15)
    with open(FILE, "w") as f:
        f.write("y,p\n")
        step = 1_000_000
        for start in range(0, ROWS, step):
            n = min(step, ROWS - start)
            y = rng.integers(0, 2, size=n)
            p = np.round(rng.uniform(0, 1, size=n), 9)
            edge = rng.uniform(size=n) < 0.1
            p[edge] = rng.integers(0, 2, size=edge.sum())
            f.write("".join(f"{a},{b:.9g}\n" for a, b in zip(y, p)))


def run(command, runs=3):
    """Best of `runs` wall times and CPU times (user + system), and the
    largest peak RSS (/usr/bin/time). On a shared machine the CPU time is
    the steadier figure."""
    best = cpu = None
    output = ""
    rss = 0
    timing = DIR / "time.txt"
    for _ in range(runs):
        r = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", str(timing)] + command,
                           capture_output=True, text=True, check=True)
        wall, user, system, kb = timing.read_text().split()[-4:]
        best = float(wall) if best is None else min(best, float(wall))
        used = float(user) + float(system)
        cpu = used if cpu is None else min(cpu, used)
        rss = max(rss, int(kb))
        output = r.stdout
    return best, cpu, rss, output


def main():
    generate()
    size = FILE.stat().st_size / 1e6
    print(f"{FILE}: {ROWS} rows, {size:.0f} MB; load {os.getloadavg()[0]:.2f}")
    base = [str(FITLOGIT), "loss", str(FILE), "--y-true", "y", "--y-pred", "p"]
    commands = [
        ("fitlogit --convention torch.BCELoss", base + ["--convention", "torch.BCELoss"]),
        ("fitlogit --convention keras3", base + ["--convention", "keras3"]),
        ("fitlogit, every framework side by side", base + ["--json"]),
        ("NumPy (pandas.read_csv + BCELoss formula, float64)", [sys.executable, "-c", NUMPY]),
        ("PyTorch (pandas.read_csv + BCELoss, float32 and float64)",
         [sys.executable, "-c", TORCH]),
    ]
    for name, command in commands:
        seconds, cpu, rss, out = run(command, runs=1 if "side by side" in name else 3)
        first = out.strip().splitlines()[0][:70] if out.strip() else ""
        print(f"{name}: {seconds:.2f} s wall, {cpu:.2f} s CPU, peak RSS {rss / 1024:.0f} MB"
              f"  [{first}]", flush=True)
    print(f"load {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    if "--generate" in sys.argv:
        generate()
    else:
        main()

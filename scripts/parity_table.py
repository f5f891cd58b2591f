#!/usr/bin/env python3
"""Prints, as a Markdown table, how the release `fitlogit` binary compares
with scikit-learn on every case of the golden suite
(Tests/FitlogitCoreTests/Golden/sklearn_fits.json, made by make_golden.py).

Usage: swift build -c release && python3 scripts/parity_table.py

Needs only Python's standard library: it runs the binary and reads the JSON.
Columns: the largest absolute difference of coef_ and intercept_, and
n_iter_ of both. The test suite asserts the same through the library; this
table is the user's view, through the command line.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release", "fitlogit")
GOLDEN = os.path.join(ROOT, "Tests", "FitlogitCoreTests", "Golden", "sklearn_fits.json")


def as_list(value):
    """The golden file stores some arrays as their Python repr."""
    if isinstance(value, str):
        return json.loads(value.replace("'", '"'))
    return value


def arguments(case):
    args = [BIN, "fit", os.path.join(ROOT, "data", case["dataset"]), "--json"]
    if case.get("target"):
        args += ["--target", case["target"]]
    if case.get("sample_weight"):
        args += ["--sample-weight", case["sample_weight"]]
    names = {"C": "--C", "tol": "--tol", "max_iter": "--max-iter",
             "class_weight": "--class-weight"}
    for key, value in case["options"].items():
        if key == "penalty":
            args += ["--penalty", "none" if value in (None, "none") else value]
        elif key == "fit_intercept":
            if not value:
                args.append("--no-intercept")
        elif key == "solver":
            args += ["--solver", "newton" if value == "newton-cholesky" else value]
        else:
            args += [names[key], repr(value) if isinstance(value, float) else str(value)]
    return args


def flat(rows):
    return [x for row in rows for x in (row if isinstance(row, list) else [row])]


def main():
    cases = json.load(open(GOLDEN))["cases"]
    print("| data | options | max abs diff coef, intercept | n_iter fitlogit / sklearn |")
    print("|---|---|---|---|")
    worst = 0.0
    for case in cases:
        out = subprocess.run(arguments(case), capture_output=True, text=True)
        if out.returncode != 0:
            print(f"| {case['dataset']} | {case['options']} | error: {out.stderr.strip()} | |")
            continue
        mine = json.loads(out.stdout)
        ours = flat(mine["coef"]) + mine["intercept"]
        theirs = flat(as_list(case["coef"])) + as_list(case["intercept"])
        diff = max(abs(a - b) for a, b in zip(ours, theirs))
        worst = max(worst, diff) if "iris" not in case["dataset"] else worst
        options = ", ".join(f"{k}={v}" for k, v in case["options"].items()) or "defaults"
        if case.get("sample_weight"):
            options += f", sample_weight={case['sample_weight']}"
        print(f"| {case['dataset']} | {options} | {diff:.1e} | {mine['n_iter']} / {case['n_iter']} |")
    print(f"\nlargest difference outside iris: {worst:.1e}", file=sys.stderr)


if __name__ == "__main__":
    main()

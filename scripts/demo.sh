#!/usr/bin/env bash
# The end-to-end demo on the embedded defaults: local Spark, a local Delta lake folder, generated
# sample data. Generates two months (so month-over-month figures exist), runs the monthly pipeline
# for both in one Spark session and renders the report of the second month in English and Chinese.
#   scripts/demo.sh [OUT_DIR]        (default ./demo; SCALE=0.05 by default)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/demo}"
scale="${SCALE:-0.05}"
months=("${PREVIOUS_MONTH:-2026-09}" "${MONTH:-2026-10}")
cli="$here/commpulse"

[ -x "$here/scripts/install-fonts.sh" ] && "$here/scripts/install-fonts.sh"
mkdir -p "$out"
for month in "${months[@]}"; do
  "$cli" generate --month "$month" --scale "$scale" --seed 7 --dirty-rate 0.01 --out "$out/landing"
done
# Both months in one Spark session, in order: the JVM and session start are paid once.
COMMPULSE_SKIP_BUILD=1 "$cli" run --month "$(IFS=,; echo "${months[*]}")" --landing "$out/landing" \
  --lake "$out/lake" --demo-key
for lang in en zh; do
  COMMPULSE_SKIP_BUILD=1 "$cli" report --month "${months[1]}" --lake "$out/lake" --out "$out/report-$lang" --lang "$lang"
done
echo "demo report: $out/report-en/report.pdf and $out/report-zh/report.pdf (HTML beside them)"
echo "demo lake: $out/lake   query it: ./commpulse sql --lake $out/lake \"SELECT * FROM gold.kpi_scorecard\""

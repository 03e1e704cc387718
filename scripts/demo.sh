#!/usr/bin/env bash
# The end-to-end demo on the embedded defaults: local Spark, a local Delta lake folder, generated
# sample data. Generates six consecutive months (so trends and month-over-month changes exist: the
# sample company has seasons, a drifting department, an outage week in August and records that
# arrive a month late; docs/sample-data.md), runs the monthly pipeline for the history in one Spark
# session and for the last month on its own, and renders the last month's report in English and Chinese.
#   scripts/demo.sh [OUT_DIR]     (default ./demo; SCALE=0.02, FIRST_MONTH=2026-05, MONTH=2026-10)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/demo}"
scale="${SCALE:-0.02}"
first="${FIRST_MONTH:-2026-05}"
last="${MONTH:-2026-10}"
cli="$here/commpulse"

months=()
month="$first"
while [[ "$month" < "$last" || "$month" == "$last" ]]; do
  months+=("$month")
  month="$(date -d "$month-01 +1 month" +%Y-%m)"
done

[ -x "$here/scripts/install-fonts.sh" ] && "$here/scripts/install-fonts.sh"
mkdir -p "$out"
"$cli" generate --month "${months[0]}" --scale "$scale" --seed 7 --dirty-rate 0.01 --out "$out/landing"
for month in "${months[@]:1}"; do
  COMMPULSE_SKIP_BUILD=1 "$cli" generate --month "$month" --scale "$scale" --seed 7 --dirty-rate 0.01 \
    --out "$out/landing"
done
# The history in one Spark session (the JVM and session start are paid once; each month is computed with
# the next month's late records), then the last month as its monthly run would: it restates the month
# before with its late records, and the report lists that restatement and marks its own figures provisional.
COMMPULSE_SKIP_BUILD=1 "$cli" run --month "$(IFS=,; echo "${months[*]:0:${#months[@]}-1}")" \
  --landing "$out/landing" --lake "$out/lake" --demo-key
COMMPULSE_SKIP_BUILD=1 "$cli" run --month "$last" --landing "$out/landing" --lake "$out/lake" --demo-key
for lang in en zh; do
  COMMPULSE_SKIP_BUILD=1 "$cli" report --month "$last" --lake "$out/lake" --out "$out/report-$lang" --lang "$lang"
done
echo "demo report: $out/report-en/report.pdf and $out/report-zh/report.pdf (HTML beside them)"
echo "demo lake: $out/lake   query it: ./commpulse sql --lake $out/lake \"SELECT * FROM gold.kpi_scorecard\""

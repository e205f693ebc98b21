#!/usr/bin/env bash
# Nightly copydesk run: drafts new and changed briefs, within a cost budget.
# Exit codes: 0 all drafted, 1 some briefs failed, 2 usage/config, 3 lock held, 4 budget reached.
set -uo pipefail
cd "$(dirname "$0")/.."
: "${COPYDESK_MAX_COST:=5}"
npx copydesk links sync >&2 || exit $?
npx copydesk run --max-cost "$COPYDESK_MAX_COST" --json > "output/last-run.json"
status=$?
# 3 (another run still going) and 4 (budget reached; the rest runs tomorrow) are not failures of the schedule.
if [ "$status" -eq 3 ] || [ "$status" -eq 4 ]; then exit 0; fi
exit "$status"

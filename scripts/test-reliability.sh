#!/usr/bin/env bash
# Runs the slow reliability suite (JUnit tag "slow", package io.commpulse.reliability): SIGKILLs in the
# middle of ingest and gold, concurrent runs, an unwritable lake, a full disk, a landing file deleted
# while read, a broken contract, and the end-to-end privacy scans. They drive the built launcher in
# separate processes, so the jar is built first when it is missing or older than the sources.
# COMMPULSE_SKIP_BUILD=1 takes the jar and the compiled tests as they are, without Maven's build
# phases: scripts/test.sh runs this suite right after its build, in two Maven processes at once that
# share one baseline month (COMMPULSE_RELIABILITY_BASELINE, a folder). The fast part of the suite
# (hostile input corpus, suppression attack, failure wording) runs with every `mvn verify`. Extra
# arguments go to Maven, e.g. -Dtest=CrashRecoveryTest or -o.
# The disk-full test mounts a small tmpfs and the unwritable-lake test drops root with setpriv: run
# as root to include them (as another user they are skipped or run with plain permissions).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
started=$(date +%s)
jar=jobs/target/commpulse.jar
if [ ! -f "$jar" ] || { [ "${COMMPULSE_SKIP_BUILD:-0}" != 1 ] && [ -n "$(find jobs/src/main schemas pom.xml jobs/pom.xml -newer "$jar" -type f -print -quit)" ]; }; then
  echo "==> building $jar"
  mvn -q -B "$@" -DskipTests package
fi
goal=test
[ "${COMMPULSE_SKIP_BUILD:-0}" = 1 ] && goal=surefire:test
echo "==> slow reliability tests"
# Maven takes the last of two -Dtest: the caller's comes after the default.
mvn -B -ntp -pl jobs "$goal" -Dgroups=slow -Dtest='io.commpulse.reliability.*Test' \
  -Dsurefire.failIfNoSpecifiedTests=false "$@"
echo "==> reliability suite passed in $(( $(date +%s) - started )) s"

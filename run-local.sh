#!/usr/bin/env bash
# Runs all of Passerelle on this machine: builds the jars if needed, then starts a Kafka broker process, a MongoDB
# wire-protocol server, the facility-API simulator and every service, seeds demo cases and prints the URLs.
# Data lives in .local-data/ (delete it to start afresh; data of an older format is moved aside). Ctrl-C stops everything.
#   ./run-local.sh              build if needed, run with demo data
#   ./run-local.sh --rebuild    force a build first
#   ./run-local.sh --no-demo    no demo cases
set -euo pipefail
cd "$(dirname "$0")"
rebuild=false
args=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    *) args+=("$arg") ;;
  esac
done
newest_jar=operations-dashboard/target/operations-dashboard.jar
if $rebuild || [ ! -f "$newest_jar" ] || [ ! -d local-stack/target/lib ] \
   || [ -n "$(find . -path ./.local-data -prune -o \( -path '*/src/main/*' -o -name pom.xml \) -newer "$newest_jar" -print -quit)" ]; then
  echo "Building Passerelle (first run takes a few minutes)..."
  ./mvnw -B -q -DskipTests package
fi
# The stored shape of the local data changes now and then before the first release (e.g. CaseOpened v2, ADR 0006).
# Data written in an older shape is moved aside, never silently mixed with the new one.
data_format=2
if [ -d .local-data ] && [ -n "$(ls -A .local-data)" ] && [ "$(cat .local-data/FORMAT 2>/dev/null)" != "$data_format" ]; then
  aside=".local-data.format-$(cat .local-data/FORMAT 2>/dev/null || echo 1)-$(date +%Y%m%d%H%M%S)"
  echo "Local data was written by an older version of Passerelle: moved to $aside (delete it when no longer needed)."
  mv .local-data "$aside"
fi
mkdir -p .local-data && echo "$data_format" > .local-data/FORMAT
exec java -Xmx512m -XX:+UseSerialGC -Dpasserelle.root="$PWD" \
  -cp "local-stack/target/classes:local-stack/target/lib/*" ca.passerelle.localstack.LocalStack "${args[@]}"

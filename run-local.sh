#!/usr/bin/env bash
# Runs all of Passerelle on this machine: builds the jars if needed, then starts a Kafka broker process, a MongoDB
# wire-protocol server, the facility-API simulator and every service, seeds demo cases and prints the URLs.
# Data lives in .local-data/ (delete it to start afresh). Ctrl-C stops everything.
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
if $rebuild || [ ! -f operations-dashboard/target/operations-dashboard.jar ] || [ ! -d local-stack/target/lib ]; then
  echo "Building Passerelle (first run takes a few minutes)..."
  ./mvnw -B -q -DskipTests package
fi
exec java -Xmx512m -XX:+UseSerialGC -Dpasserelle.root="$PWD" \
  -cp "local-stack/target/classes:local-stack/target/lib/*" ca.passerelle.localstack.LocalStack "${args[@]}"

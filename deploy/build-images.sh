#!/usr/bin/env bash
# Builds the jar of every runnable module, then one image per module from its Dockerfile.
#   deploy/build-images.sh                   # images passerelle/<module>:0.1.0-SNAPSHOT
#   REGISTRY=registry.example/passerelle TAG=1.2.0 PUSH=true deploy/build-images.sh
# Needs a JDK 17 and a Docker engine (or any CLI that speaks `docker build`, e.g. DOCKER=podman).
set -euo pipefail
cd "$(dirname "$0")/.."

REGISTRY="${REGISTRY:-passerelle}"
TAG="${TAG:-0.1.0-SNAPSHOT}"
DOCKER="${DOCKER:-docker}"
PUSH="${PUSH:-false}"

# Every module with a Dockerfile (deployment-tests checks this list against the modules).
MODULES=(
  identity-provider
  facility-api-simulator
  facility-gateway
  intake-service
  assessment-service
  travel-coordination-service
  rehab-followup-service
  operations-dashboard
)

./mvnw -B package -DskipTests -pl "$(IFS=,; echo "${MODULES[*]}")" -am

for module in "${MODULES[@]}"; do
  image="${REGISTRY}/${module}:${TAG}"
  echo "Building ${image}"
  "${DOCKER}" build --tag "${image}" "${module}"
  if [ "${PUSH}" = "true" ]; then
    "${DOCKER}" push "${image}"
  fi
done

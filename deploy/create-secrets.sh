#!/usr/bin/env bash
# Creates the Secrets the Kubernetes manifests reference, in namespace ${NAMESPACE:-passerelle}, with fresh random
# values. Never overwrites one that exists (re-running is safe; delete a Secret to rotate it, then restart its users).
# Nothing here is committed: the values exist only in the cluster.
#
#   deploy/create-secrets.sh                      # dev: intake uses the PUBLIC demo keysets of the repository
#   INTAKE_KEYSET_FILE=aead.json INTAKE_LOOKUP_KEYSET_FILE=siv.json \
#   KEYCLOAK_DB_URL=jdbc:postgresql://db.example:5432/keycloak KEYCLOAK_DB_USERNAME=keycloak KEYCLOAK_DB_PASSWORD=… \
#     deploy/create-secrets.sh                    # prod: real keysets (tinkey create-keyset), Keycloak's PostgreSQL
set -euo pipefail
cd "$(dirname "$0")/.."
NAMESPACE="${NAMESPACE:-passerelle}"
KUBECTL="${KUBECTL:-kubectl}"

random() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }
exists() { "$KUBECTL" -n "$NAMESPACE" get secret "$1" >/dev/null 2>&1; }
create() {
  local name="$1"; shift
  if exists "$name"; then
    echo "secret/$name exists, kept"
  else
    "$KUBECTL" -n "$NAMESPACE" create secret generic "$name" "$@"
  fi
}

"$KUBECTL" get namespace "$NAMESPACE" >/dev/null 2>&1 || "$KUBECTL" create namespace "$NAMESPACE"

# Realm placeholders (users' passwords, clients' secrets): the PASSERELLE_* names of .env.example.
oidc_args=()
metrics_scraper_secret=""
for name in $(grep -E '^PASSERELLE_(SECRET|PASSWORD)_[A-Z0-9_]+=' .env.example | cut -d= -f1); do
  value="$(random)"
  oidc_args+=("--from-literal=${name}=${value}")
  if [ "$name" = PASSERELLE_SECRET_METRICS_SCRAPER ]; then metrics_scraper_secret="$value"; fi
done
if exists passerelle-oidc-clients; then
  echo "secret/passerelle-oidc-clients exists, kept"
  metrics_scraper_secret="$("$KUBECTL" -n "$NAMESPACE" get secret passerelle-oidc-clients \
    -o jsonpath='{.data.PASSERELLE_SECRET_METRICS_SCRAPER}' | base64 -d)"
else
  "$KUBECTL" -n "$NAMESPACE" create secret generic passerelle-oidc-clients "${oidc_args[@]}"
fi
# Prometheus' client (ServiceMonitor oauth2): the same secret as the realm's metrics-scraper client.
create metrics-scraper --from-literal=client-id=metrics-scraper --from-literal=client-secret="$metrics_scraper_secret"

create keycloak-admin --from-literal=username=admin --from-literal=password="$(random)"
if [ -n "${KEYCLOAK_DB_URL:-}" ]; then
  create keycloak-db --from-literal=url="$KEYCLOAK_DB_URL" --from-literal=username="${KEYCLOAK_DB_USERNAME:?}" \
    --from-literal=password="${KEYCLOAK_DB_PASSWORD:?}"
else
  echo "KEYCLOAK_DB_URL not set: no secret/keycloak-db (the dev overlay does not need it; prod does)"
fi

# MongoDB: administrator, replica-set key file, one user per service.
create passerelle-mongo --from-literal=root-password="$(random)" \
  --from-literal=key-file="$(od -An -N756 -tx1 /dev/urandom | tr -d ' \n' | head -c 1008)"
mongo_args=()
for service in intake-service assessment-service travel-coordination-service rehab-followup-service facility-gateway operations-dashboard; do
  mongo_args+=("--from-literal=${service}=$(random)")
done
create passerelle-mongo-users "${mongo_args[@]}"

# KEDA's Kafka credentials (its KafkaUser takes its password from here).
create keda-kafka-auth --from-literal=sasl=scram_sha512 --from-literal=username=keda-lag-reader \
  --from-literal=password="$(random)" --from-literal=tls=enable

# travel's key of the per-hospital patient pseudonyms; rehab's AES-256 key for follow-up notes (base64 of 32 bytes).
create travel-hospital-feed --from-literal=pseudonym-key="$(random)"
create rehab-notes --from-literal=notes-key="$(head -c 32 /dev/urandom | base64)"

# intake's Tink keysets.
if [ -n "${INTAKE_KEYSET_FILE:-}" ]; then
  create intake-encryption --from-file=keyset="$INTAKE_KEYSET_FILE" --from-file=lookup-keyset="${INTAKE_LOOKUP_KEYSET_FILE:?}"
else
  echo "WARNING: INTAKE_KEYSET_FILE not set: intake-encryption gets the PUBLIC demo keysets (dev only, never real data)"
  create intake-encryption \
    --from-file=keyset=intake-service/src/main/resources/demo-keys/intake-aead-demo-keyset.json \
    --from-file=lookup-keyset=intake-service/src/main/resources/demo-keys/intake-lookup-demo-keyset.json
fi

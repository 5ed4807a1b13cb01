#!/usr/bin/env bash
# Creates every Passerelle topic listed in $TOPICS_FILE ("<topic> <partitions>" per line) on $BOOTSTRAP_SERVERS.
# Idempotent (--if-not-exists): safe on every `docker compose up`. Exits non-zero if one creation fails.
set -euo pipefail
BOOTSTRAP_SERVERS="${BOOTSTRAP_SERVERS:-kafka:9092}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"
TOPICS_FILE="${TOPICS_FILE:-/opt/passerelle/topics.txt}"
KAFKA_TOPICS="${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"

for attempt in $(seq 1 30); do
  if "$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP_SERVERS" --list >/dev/null 2>&1; then
    break
  fi
  echo "waiting for the broker ($attempt)"
  sleep 2
done

while read -r topic partitions _; do
  case "$topic" in ''|'#'*) continue ;; esac
  "$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP_SERVERS" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor "$REPLICATION_FACTOR"
done < "$TOPICS_FILE"

echo "all topics of $TOPICS_FILE exist"

#!/usr/bin/env bash
# Writes .env at the repository root from .env.example, giving every empty value a fresh random one (24 bytes, hex).
# Never overwrites an existing .env. The values stay on this machine: .env is not committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -e .env ]; then
  echo ".env exists already; delete it to generate a new one" >&2
  exit 1
fi
umask 077
previous=""
while IFS= read -r line; do
  if [[ "$line" =~ ^([A-Z0-9_]+)=$ ]]; then
    if [[ "$previous" == *"(base64, 32 bytes)"* ]]; then
      echo "${BASH_REMATCH[1]}=$(head -c 32 /dev/urandom | base64)"
    else
      echo "${BASH_REMATCH[1]}=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
    fi
  else
    echo "$line"
  fi
  previous="$line"
done < .env.example > .env
echo "wrote .env"

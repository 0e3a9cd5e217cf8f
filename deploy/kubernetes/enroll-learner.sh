#!/usr/bin/env bash
# Creates a learner's lab namespace and binds the bot's lab role in it (and only there).
# Usage: deploy/kubernetes/enroll-learner.sh LEARNER_ID [kubectl args...]
#   e.g. deploy/kubernetes/enroll-learner.sh teams-29-1a2b3c --context prod
# LEARNER_ID is the id /progress shows: lower-case letters, digits and dashes (DNS-1123).
set -euo pipefail
id="${1:?usage: enroll-learner.sh LEARNER_ID [kubectl args...]}"
shift
if ! [[ "$id" =~ ^[a-z0-9]([-a-z0-9]{0,55}[a-z0-9])?$ ]]; then
  echo "'$id' is not a learner id: use lower-case letters, digits and dashes, at most 57 characters." >&2
  exit 2
fi
sed "s/LEARNER_ID/$id/g" "$(dirname "$0")/learner-namespace.yaml" | kubectl apply "$@" -f -

#!/usr/bin/env bash
# Creates a kind cluster with Istio and the Bookinfo sample in one learner namespace, then prints the
# appsettings.json section that points IstioTutor at it (Mesh:Mode = kubeconfig).
#
# Needs: a container engine kind can use (Docker or Podman), kind, kubectl, curl.
# Settings (environment): CLUSTER, ISTIO_VERSION, PROFILE (demo|minimal), LEARNER_NS, KUBECONFIG_OUT.
set -euo pipefail

CLUSTER="${CLUSTER:-istiotutor}"
ISTIO_VERSION="${ISTIO_VERSION:-1.27.0}"
PROFILE="${PROFILE:-demo}"
LEARNER_NS="${LEARNER_NS:-learn-demo}"
KUBECONFIG_OUT="${KUBECONFIG_OUT:-$PWD/istiotutor-kind.kubeconfig}"
WORK="${WORK:-$PWD/.istiotutor-kind}"

fail() { echo "error: $*" >&2; exit 1; }

case "$PROFILE" in
  demo|minimal) ;;
  *) fail "PROFILE must be demo or minimal (got '$PROFILE')" ;;
esac
[[ "$LEARNER_NS" =~ ^learn-[a-z0-9]([-a-z0-9]*[a-z0-9])?$ ]] || fail "LEARNER_NS must look like learn-<learner id> (got '$LEARNER_NS')"
for tool in kind kubectl curl; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed; see deploy/sandbox/README.md"
done
if ! command -v docker >/dev/null 2>&1 && ! command -v podman >/dev/null 2>&1; then
  fail "kind needs a container engine (Docker or Podman) and none was found"
fi

# 1. The cluster (kept if it already exists, so the script can be re-run).
if kind get clusters 2>/dev/null | grep -qx "$CLUSTER"; then
  echo "kind cluster '$CLUSTER' exists; reusing it"
else
  kind create cluster --name "$CLUSTER" --wait 5m
fi
kind get kubeconfig --name "$CLUSTER" > "$KUBECONFIG_OUT"
export KUBECONFIG="$KUBECONFIG_OUT"
CONTEXT="kind-$CLUSTER"

# 2. Istio (istioctl from the release archive, which also holds the Bookinfo manifests).
mkdir -p "$WORK"
if [ ! -x "$WORK/istio-$ISTIO_VERSION/bin/istioctl" ]; then
  (cd "$WORK" && curl -fsSL https://istio.io/downloadIstio | ISTIO_VERSION="$ISTIO_VERSION" sh -)
fi
ISTIO_DIR="$WORK/istio-$ISTIO_VERSION"
"$ISTIO_DIR/bin/istioctl" install --context "$CONTEXT" --set profile="$PROFILE" -y
kubectl --context "$CONTEXT" -n istio-system rollout status deployment/istiod --timeout=5m

# 3. The learner namespace with sidecar injection and Bookinfo (no Istio config: labs add it).
kubectl --context "$CONTEXT" create namespace "$LEARNER_NS" --dry-run=client -o yaml | kubectl --context "$CONTEXT" apply -f -
kubectl --context "$CONTEXT" label namespace "$LEARNER_NS" istio-injection=enabled --overwrite
kubectl --context "$CONTEXT" -n "$LEARNER_NS" apply -f "$ISTIO_DIR/samples/bookinfo/platform/kube/bookinfo.yaml"
kubectl --context "$CONTEXT" -n "$LEARNER_NS" wait --for=condition=available deployment --all --timeout=10m
"$ISTIO_DIR/bin/istioctl" analyze --context "$CONTEXT" -n "$LEARNER_NS" || true

cat <<SETTINGS

Cluster ready: kind '$CLUSTER', Istio $ISTIO_VERSION ($PROFILE profile), Bookinfo in $LEARNER_NS.
Point IstioTutor at it by adding this to appsettings.json (or the ISTIOTUTOR_Mesh__* variables):

  "Mesh": {
    "Mode": "kubeconfig",
    "Kubeconfig": "$KUBECONFIG_OUT",
    "Context": "$CONTEXT"
  }

  export ISTIOTUTOR_Mesh__Mode=kubeconfig
  export ISTIOTUTOR_Mesh__Kubeconfig=$KUBECONFIG_OUT
  export ISTIOTUTOR_Mesh__Context=$CONTEXT

Learner namespaces are learn-<learner id>; IstioTutor creates missing ones (with istio-injection=enabled),
but only this script installs Bookinfo into them: re-run it with LEARNER_NS=learn-<id> for each learner.
Remove everything with: kind delete cluster --name $CLUSTER
SETTINGS

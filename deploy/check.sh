#!/usr/bin/env bash
# The checks of deploy/ that need tools CI does not have (Docker, kubectl/kustomize, a cluster).
# CI runs the rest in Java (./mvnw -pl deploy-tests verify): Compose schema, manifests with fabric8 and the
# vendored CRD schemas, cross-checks with the services' configuration, the image layout on a real jar.
#
#   deploy/check.sh            # every check whose tool is installed; says which were skipped and why
#   deploy/check.sh --server   # also kubectl apply --dry-run=server against the current kube context
set -euo pipefail
cd "$(dirname "$0")/.."
SERVER=false; [[ "${1:-}" == --server ]] && SERVER=true
SERVICES=(gateway-service webhook-ingest-service conversation-service ai-agent-service outbound-messaging-service automation-service template-service)
VERSION=0.1.0-SNAPSHOT
ran=(); skipped=()
have() { command -v "$1" >/dev/null 2>&1; }

echo "== deploy-tests (Java, as in CI)"
./mvnw -B -q -DskipTests install -pl deploy-tests -am
./mvnw -B -q -pl deploy-tests verify && ran+=("deploy-tests")

if have docker && docker info >/dev/null 2>&1; then
  echo "== docker compose config"
  [[ -f .env ]] || { cp .env.example .env; echo "   (created .env from .env.example)"; }
  docker compose --profile dev config --quiet && ran+=("docker compose config")
  echo "== docker build (one image per service)"
  ./mvnw -B -q -DskipTests package
  for s in "${SERVICES[@]}"; do
    docker build -q -f deploy/docker/Dockerfile --build-arg SERVICE="$s" --build-arg VERSION="$VERSION" \
      --build-arg REVISION="$(git rev-parse HEAD 2>/dev/null || echo unknown)" -t "omni-messaging/$s:$VERSION" "$s" >/dev/null
    user=$(docker image inspect -f '{{.Config.User}}' "omni-messaging/$s:$VERSION")
    [[ "$user" == 10001:10001 ]] || { echo "$s runs as '$user'"; exit 1; }
    # starts with a read-only root filesystem and only /tmp writable (no broker: it must get as far as Spring)
    docker run --rm --read-only --tmpfs /tmp --entrypoint java "omni-messaging/$s:$VERSION" -version >/dev/null 2>&1
  done
  ran+=("docker build x${#SERVICES[@]}")
else
  skipped+=("docker compose config, docker build: no Docker engine")
fi

render() { if have kubectl; then kubectl kustomize "$1"; elif have kustomize; then kustomize build "$1"; else return 127; fi; }
if have kubectl || have kustomize; then
  for o in deploy/k8s/overlays/local deploy/k8s/overlays/production; do
    echo "== kustomize build $o"
    out=$(mktemp); render "$o" > "$out"
    echo "   $(grep -c '^kind:' "$out") objects"
    if $SERVER; then kubectl apply --dry-run=server -f "$out"; fi
    rm -f "$out"
  done
  ran+=("kustomize build"); $SERVER && ran+=("kubectl apply --dry-run=server")
else
  skipped+=("kustomize build, kubectl apply --dry-run=server: neither kubectl nor kustomize")
fi

echo; echo "ran: ${ran[*]:-nothing}"
for s in "${skipped[@]}"; do echo "skipped: $s"; done

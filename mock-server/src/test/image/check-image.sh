#!/usr/bin/env bash
# Checks the image tar $1 as `docker run` would run it, without a Docker engine (none runs where the mock is built):
# unpacks its layers in order into a root file system, starts the image's entrypoint with the image's environment
# under chroot (so only the image's files are used: its Java, its libraries), and asks the mock over HTTP. Needs root.
set -euo pipefail

image=$1
work=$(mktemp -d)
mock=
cleanup() {
    if [ -n "$mock" ]; then
        kill "$mock" 2>/dev/null || true
        wait "$mock" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "Image check FAILED: $*" >&2
    [ -f "$work/mock.log" ] && cat "$work/mock.log" >&2
    exit 1
}

mkdir -p "$work/image" "$work/root"
tar --warning=no-unknown-keyword -xf "$image" -C "$work/image"
config=$work/image/$(jq -r '.[0].Config' "$work/image/manifest.json")
for layer in $(jq -r '.[0].Layers[]' "$work/image/manifest.json"); do
    tar --warning=no-unknown-keyword -xf "$work/image/$layer" -C "$work/root"
done
[ "$(jq -r '.config.ExposedPorts | keys[]' "$config")" = "8089/tcp" ] || fail "the image does not expose 8089/tcp"

# The image's environment, then what a `docker run -e` would add: a free port of this machine (chroot shares its
# network) and an admin token, which the mock needs to listen on every interface.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
mapfile -t environment < <(jq -r '.config.Env[]' "$config")
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
env -i "${environment[@]}" COUNT_MOCK_PORT="$port" COUNT_MOCK_ADMIN_TOKEN="$token" COUNT_MOCK_RATE_LIMIT=7 \
    "$(command -v chroot)" "$work/root" "${entrypoint[@]}" >"$work/mock.log" 2>&1 &
mock=$!

for _ in $(seq 1 120); do
    grep -q "Mock COUNT listening" "$work/mock.log" && break
    kill -0 "$mock" 2>/dev/null || fail "the entrypoint exited"
    sleep 1
done
grep -q "Mock COUNT listening" "$work/mock.log" || fail "the mock did not start within two minutes"
grep -q "rate limit     7 requests" "$work/mock.log" || fail "COUNT_MOCK_RATE_LIMIT did not reach the mock"

base=http://127.0.0.1:$port
status() {
    curl -s -o "$work/body" -w '%{http_code}' "$@"
}

[ "$(status "$base/partners/invoices")" = 401 ] && grep -q missing_credentials "$work/body" \
    || fail "an unsigned request was not refused: $(cat "$work/body")"

# A signed request of the demo workspace: hex(HMAC-SHA256(secret, METHOD:path without /partners:timestamp:body hash)),
# the body hash empty for a request without a body.
timestamp=$(date +%s)
signature=$(printf 'GET:/invoices:%s:' "$timestamp" \
    | openssl dgst -sha256 -hmac demo-secret | awk '{print $NF}')
[ "$(status -H 'x-client-id: demo-client' -H "x-timestamp: $timestamp" -H "x-signature: $signature" \
    -H 'Authorization: Bearer demo-access-token' "$base/partners/invoices")" = 200 ] \
    || fail "a signed request was not served: $(cat "$work/body")"

[ "$(status "$base/__admin/count/state")" = 401 ] || fail "the admin API answered without the token"
[ "$(status -H "Authorization: Bearer $token" "$base/__admin/count/state")" = 200 ] && grep -q '"Demo Workspace"' "$work/body" \
    || fail "the admin API did not answer with the token: $(cat "$work/body")"

echo "Image check passed: $(du -h "$image" | cut -f1) $image; entrypoint ${entrypoint[*]} served signed and admin requests on port $port"

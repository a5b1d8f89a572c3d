#!/usr/bin/env bash
# bench/ecr-inner.sh — started by bench/ecr inside tests/run. See bench/ecr.
# shellcheck disable=SC2016  # backticks are markdown, not expansions
set -euo pipefail

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
BIN="${HUBINT_BENCH_BIN:?set by bench/ecr}"
RUNS="${HUBINT_BENCH_RUNS:-50}" WARMUP="${HUBINT_BENCH_WARMUP:-2}" ROUNDS="${HUBINT_BENCH_ROUNDS:-5}"
W="$(mktemp -d "$HOME/bench-ecr.XXXXXX")"
mkdir -p "$W/bin"
ln -s "$BIN" "$W/bin/docker-credential-hubint"
export PATH="$W/bin:$PATH" NO_COLOR=1
HOST=210987654321.dkr.ecr.us-east-1.amazonaws.com

# moto behind the counting proxy, also an HTTPS proxy for the real API host
# (docker-credential-ecr-login has no endpoint override).
(cd "$W" &&
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=bench-ca &&
    openssl req -newkey rsa:2048 -nodes -keyout leaf.key -out leaf.csr -subj "/CN=api.ecr.us-east-1.amazonaws.com" &&
    printf 'subjectAltName=DNS:api.ecr.us-east-1.amazonaws.com\nbasicConstraints=CA:FALSE\n' >ext &&
    openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out leaf.pem -days 2 -extfile ext) 2>/dev/null
coproc AWS { "${HUBINT_TEST_MOTO_PYTHON:-python3}" "$ROOT/tests/ecr/aws.py" --tls "$W/leaf.pem" "$W/leaf.key" 2>/dev/null; }
read -r _ PORT _ <&"${AWS[0]}"
control() { curl -s -X "$1" "http://127.0.0.1:$PORT/_hubint/$2"; }
export HTTPS_PROXY="http://127.0.0.1:$PORT" SSL_CERT_FILE="$W/ca.pem" AWS_CA_BUNDLE="$W/ca.pem"
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY AWS_REGION=us-east-1
export HUBINT_HOME="$W/hubint"

printf 'AKIDEXAMPLE:%s' "$AWS_SECRET_ACCESS_KEY" | "$BIN" add --no-input --type ecr --name ecr \
    --url "$HOST" --username AWS --password-stdin --secret-store keyring >/dev/null 2>&1
printf 'AKIDEXAMPLE:%s' "$AWS_SECRET_ACCESS_KEY" | "$BIN" add --no-input --type ecr --name ecr-cold \
    --url "${HOST/210987654321/111122223333}" --username AWS --password-stdin --secret-store keyring >/dev/null 2>&1
printf 'bench-pw' | "$BIN" add --no-input --name hub --url registry.example.com \
    --username bench --password-stdin --secret-store keyring >/dev/null 2>&1

printf '%s' "$HOST" >"$W/url-ecr"
printf '%s' registry.example.com >"$W/url-hub"
printf '%s' "${HOST/210987654321/111122223333}" >"$W/url-cold"
# Through the shell (stdin redirection); hyperfine subtracts its start-up.
get() { printf '%s' "$2 get <$W/url-$1"; }
# Warm: a 12-hour token, cached by both after the first get.
control POST expires/43200 >/dev/null
measure "$W/warm" \
    "$(get ecr docker-credential-hubint)" \
    "$(get hub docker-credential-hubint)" \
    "$(get ecr docker-credential-ecr-login)"
calls_before=$(control GET count)
# Every command must serve (hyperfine would time failures as well).
for c in docker-credential-hubint docker-credential-ecr-login; do
    "$c" get <"$W/url-ecr" | grep -q '"Secret"' || die "$c get served nothing"
done
docker-credential-hubint get <"$W/url-hub" | grep -q '"Secret"' || die "keyring get served nothing"
# Cold: another registry, and moto's own expiry (long past), which is never
# cached: every get mints.
control POST expires/moto >/dev/null
measure "$W/cold" "$(get cold docker-credential-hubint)"
calls_after=$(control GET count)

warm=$(median_ms "$W/warm" 0) keyring=$(median_ms "$W/warm" 1) upstream=$(median_ms "$W/warm" 2)
cold=$(median_ms "$W/cold" 0)
ratio=$(awk -v a="$warm" -v b="$keyring" 'BEGIN { printf "%.2f", a / b }')
echo "| measure | median wall | CPU (user+sys) |"
echo "|---|---|---|"
echo "| warm ECR \`get\` (cached token, keyring) | $warm ms | $(cpu_ms "$W/warm" 0) ms |"
echo "| keyring \`get\` (docker type) | $keyring ms | $(cpu_ms "$W/warm" 1) ms |"
echo "| \`docker-credential-ecr-login get\` (warm, plaintext cache) | $upstream ms | $(cpu_ms "$W/warm" 2) ms |"
echo "| cold ECR \`get\` (mint against moto, via the proxy) | $cold ms | $(cpu_ms "$W/cold" 0) ms |"
echo
echo "warm ECR / keyring get: ${ratio}x (target 1.2x); AWS calls during the warm rows: $calls_before (the first gets), cold rows: $((calls_after - calls_before))"

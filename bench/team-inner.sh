#!/usr/bin/env bash
# bench/team-inner.sh — started by bench/team inside tests/run. See bench/team.
# shellcheck disable=SC2016  # backticks are markdown, not expansions
set -euo pipefail

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
BIN="${HUBINT_BENCH_BIN:?set by bench/team}"
BAO="${HUBINT_TEST_BAO:?set by tests/run}"
RUNS="${HUBINT_BENCH_RUNS:-50}" WARMUP="${HUBINT_BENCH_WARMUP:-2}" ROUNDS="${HUBINT_BENCH_ROUNDS:-5}"
W="$(mktemp -d "$HOME/bench-team.XXXXXX")"
export NO_COLOR=1 HUBINT_HOME="$W/hubint"

# A dev server on a free loopback port, stopped on exit.
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
ROOT_TOKEN="bench-root"
HOME="$W" "$BAO" server -dev -dev-listen-address="127.0.0.1:$PORT" \
    -dev-root-token-id="$ROOT_TOKEN" >"$W/bao.log" 2>&1 &
BAO_PID=$!
trap 'kill "$BAO_PID" 2>/dev/null || true' EXIT
export BAO_ADDR="http://127.0.0.1:$PORT" VAULT_ADDR="http://127.0.0.1:$PORT"
for _ in $(seq 100); do
    BAO_TOKEN="$ROOT_TOKEN" "$BAO" status >/dev/null 2>&1 && break
    sleep 0.1
done
root() { BAO_TOKEN="$ROOT_TOKEN" "$BAO" "$@"; }
root status >/dev/null || die "bao server -dev did not start (see $W/bao.log)"

# The secret, a policy that reads it, and an AppRole with that policy.
root secrets enable -path=hubint kv-v2 >/dev/null
root kv put -mount=hubint secrets/bench password=bench-pw >/dev/null
printf 'path "hubint/data/secrets/bench" {\n  capabilities = ["read"]\n}\n' >"$W/policy.hcl"
root policy write bench "$W/policy.hcl" >/dev/null
root auth enable approle >/dev/null
root write auth/approle/role/bench token_policies=bench token_ttl=1h >/dev/null
export HUBINT_TEAM_AUTH=approle
HUBINT_TEAM_ROLE_ID="$(root read -field=role_id auth/approle/role/bench/role-id)"
export HUBINT_TEAM_ROLE_ID HUBINT_TEAM_SECRET_ID_FILE="$W/secret-id"
(umask 077 && root write -f -field=secret_id auth/approle/role/bench/secret-id >"$W/secret-id")
# The peer's token: the same policy.
BAO_TOKEN="$(root token create -policy=bench -field=token)"
export BAO_TOKEN

# Every command must work (hyperfine would time failures as well); the
# first login fills the cache.
[[ "$("$BAO" kv get -mount=hubint -field=password secrets/bench)" == bench-pw ]] ||
    die "bao kv get served nothing"
"$BIN" team login --json | jq -e '.source == "login"' >/dev/null || die "hubint team login failed"
"$BIN" team login --json | jq -e '.source == "cache"' >/dev/null || die "the token cache is not used"
tokens_before="$(root list -format=json auth/token/accessors | jq length)"

measure "$W/get" \
    "$BAO kv get -mount=hubint -field=password secrets/bench" \
    "$BIN team login"
tokens_after="$(root list -format=json auth/token/accessors | jq length)"

# The team catalog, as a machine with a token uses it (every command from
# here on): one integration the helper serves, then 1,000 more added by 8
# processes at once (the add throughput), for `list`.
export HUBINT_STORE=team HUBINT_TEAM_ADDR="$VAULT_ADDR" HUBINT_TEAM_AUTH=token
export VAULT_TOKEN="$ROOT_TOKEN" HUBINT_HOME="$W/team-home" BIN
"$BIN" add --name bench-get --url registry.bench.example --username bench \
    --password-stdin <<<"bench-pw" >/dev/null 2>&1 || die "hubint add (team store) failed"
mkdir -p "$W/bin" && ln -sf "$BIN" "$W/bin/docker-credential-hubint"
HELPER="$W/bin/docker-credential-hubint"
[[ "$(printf registry.bench.example | "$HELPER" get | jq -r .Secret)" == bench-pw ]] ||
    die "the helper's get served nothing"
start=$(date +%s%N)
seq 1000 | xargs -P 8 -I{} bash -c \
    '"$BIN" add --name n{} --url r{}.example --username u --password-stdin <<<pw >/dev/null 2>&1' ||
    die "the 8-process adds failed"
adds_ms=$((($(date +%s%N) - start) / 1000000))
[[ "$("$BIN" list --json | jq length)" == 1001 ]] || die "list does not show 1,001 integrations"
# hyperfine runs each command through sh (and subtracts the shell's start).
measure "$W/team" \
    "$BAO kv get -mount=hubint -field=password secrets/bench" \
    "printf registry.bench.example | $HELPER get" \
    "$BIN list"

peer=$(median_ms "$W/get" 0) login=$(median_ms "$W/get" 1)
echo "| measure | median wall | CPU (user+sys) |"
echo "|---|---|---|"
echo "| \`bao kv get -field=password\` (the peer) | $peer ms | $(cpu_ms "$W/get" 0) ms |"
echo "| \`hubint team login\` (cached AppRole token + lookup-self) | $login ms | $(cpu_ms "$W/get" 1) ms |"
echo
echo "tokens created during the timed runs: $((tokens_after - tokens_before)) (the cache: expect 0)"
echo
echo "With the root token, 1,001 integrations in the team store:"
echo
echo "| measure | median wall | CPU (user+sys) |"
echo "|---|---|---|"
echo "| \`bao kv get -field=password\` (the peer) | $(median_ms "$W/team" 0) ms | $(cpu_ms "$W/team" 0) ms |"
echo "| helper \`get\` from the team store | $(median_ms "$W/team" 1) ms | $(cpu_ms "$W/team" 1) ms |"
echo "| \`hubint list\` (1,001 integrations) | $(median_ms "$W/team" 2) ms | $(cpu_ms "$W/team" 2) ms |"
echo "| \`hubint add\` x 1,000 from 8 processes | $adds_ms ms in all | $((1000000 / (adds_ms > 0 ? adds_ms : 1))) adds/s |"

#!/usr/bin/env bash
# bench/bulk-inner.sh — the bulk-write benchmark. Started by bench/bulk INSIDE
# tests/run (private D-Bus session + unlocked throwaway gnome-keyring, HOME a
# throwaway directory). Each timed run starts from a fresh HUBINT_HOME (and,
# for the keyring rows, an empty keyring), prepared outside the timing.
# shellcheck disable=SC2016  # backticks are markdown, not expansions
set -euo pipefail

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

BIN="${HUBINT_BENCH_BIN:?set by bench/bulk: the hubint binary to measure}"
W="$(mktemp -d "$HOME/bulk.XXXXXX")"
LOGS="${HUBINT_BENCH_LOG_DIR:-$W/logs}"
mkdir -p "$LOGS" "$W/bin"
ln -s "$BIN" "$W/bin/hubint"
export PATH="$W/bin:$PATH"
export NO_COLOR=1
export HUBINT_PASSPHRASE="bench-throwaway-passphrase"
# Alternate hubint and its peer run by run: one timed run per round.
RUNS="${HUBINT_BULK_RUNS:-3}" ROUNDS="${HUBINT_BULK_RUNS:-3}" WARMUP=0
FILE_SIZES="${HUBINT_BULK_FILE_SIZES-30 10000}"
KEYRING_SIZES="${HUBINT_BULK_KEYRING_SIZES-30 1000}"
MOVE="${HUBINT_BULK_MOVE-1000}"

# config N: a docker config.json with N plaintext logins, printed as its path.
config() {
    local path="$W/config-$1.json"
    [[ -s "$path" ]] || jq -n --argjson n "$1" '{auths: ([range(1; $n + 1)
        | {key: "reg-\(.).example.com", value: {username: "user\(.)", password: "pw-\(.)"}}]
        | from_entries)}' >"$path"
    printf '%s' "$path"
}

# The scripts hyperfine runs (sh -c, so their start-up is subtracted).
cat >"$W/fresh" <<SH
# fresh [STORE [N]]: a new HUBINT_HOME at $W/h, no hubint item in the
# keyring; with STORE and N, N logins imported into STORE.
set -e
if [ -s "$W/h/hubint.db" ] && sqlite3 "$W/h/hubint.db" "SELECT 1 FROM integrations WHERE secret_store = 'keyring' LIMIT 1" | grep -q 1; then
    # Slow at 1,000 items (the daemon rewrites its file per item) and may
    # time out; what is left only makes the next run's keyring bigger.
    secret-tool clear service hubint || true
fi
rm -rf "$W/h"; mkdir -p "$W/h"
HUBINT_HOME="$W/h" hubint list >/dev/null
if [ -n "\${1:-}" ]; then
    HUBINT_HOME="$W/h" HUBINT_SECRET_STORE="\$1" hubint import docker-config "$W/config-\$2.json" >/dev/null 2>&1
fi
SH
cat >"$W/secret-tool-clear" <<'SH'
secret-tool clear service bulk || true
SH

ROW_NO=0
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
line() {
    local cell out="|"
    for cell in "$@"; do out+=" $cell |"; done
    printf '%s\n' "$out"
}
shown() { local c="${1//$W\//}"; c="${c//$ROOT\//}"; printf '`%s`' "${c//HUBINT_HOME=h /}"; }

# bulk MEASURE TARGET_S HUB_CMD HUB_PREP [PEER_CMD PEER_PREP]: one table line,
# medians in seconds. TARGET_S: "-" or a number of seconds (hubint under it).
bulk() {
    local measure="$1" target="$2" hub="$3" hub_prep="$4" peer="${5:-}" peer_prep="${6:-}"
    local dir hub_s peer_s="-" ratio="-" holds="-" cpu args
    ROW_NO=$((ROW_NO + 1))
    dir="$LOGS/row$ROW_NO"
    args=(--prepare "$hub_prep" "HUBINT_HOME=$W/h $hub")
    [[ -n "$peer" ]] && args+=(--prepare "$peer_prep" "$peer")
    log "bulk row $ROW_NO: $measure"
    if ! measure "$dir" "${args[@]}"; then
        sed 's/^/    /' "$dir/log" >&2
        line "$measure" "$(shown "$hub")" "**failed** (log: row$ROW_NO/log)" - - - - - -
        return 0
    fi
    hub_s="$(calc "$(median_ms "$dir" 0) / 1000")" cpu="$(calc "$(cpu_ms "$dir" 0) / 1000")"
    if [[ -n "$peer" ]]; then
        peer_s="$(calc "$(median_ms "$dir" 1) / 1000")"
        ratio="$(calc "$hub_s / $peer_s")"
        cpu+=" / $(calc "$(cpu_ms "$dir" 1) / 1000")"
    fi
    if [[ "$target" != - ]]; then
        holds="$(awk "BEGIN { print ($hub_s < $target) ? \"yes\" : \"**NO**\" }")"
        target="< $target s"
    fi
    line "$measure" "$(shown "$hub")" "$hub_s" "$(shown "${peer:--}")" "$peer_s" "$ratio" \
        "$target" "$holds" "$cpu"
}

printf '## hubint bulk writes, %s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
printf -- '- binary: %s; %s runs per command, alternating with the peer; medians\n' \
    "$("$BIN" --version)" "$RUNS"
printf -- '- load average at the start: %s\n\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| measure | hubint | median s | peer | median s | ratio | target | holds | CPU s hubint / peer |\n'
printf '| --- | --- | ---: | --- | ---: | ---: | --- | --- | ---: |\n'
for n in $FILE_SIZES; do
    target=-
    ((n == 10000)) && target=10
    bulk "import $n (file store)" "$target" \
        "HUBINT_SECRET_STORE=file hubint import docker-config $(config "$n")" "sh $W/fresh"
done
for n in $KEYRING_SIZES; do
    bulk "import $n (keyring)" - \
        "HUBINT_SECRET_STORE=keyring hubint import docker-config $(config "$n")" "sh $W/fresh" \
        "sh $ROOT/bench/secret-tool-loop $n" "sh $W/secret-tool-clear"
done
if [[ -n "$MOVE" ]]; then
    config "$MOVE" >/dev/null
    bulk "move --all $MOVE to the file store" - \
        "hubint move --all --to file" "sh $W/fresh keyring $MOVE"
    bulk "move --all $MOVE to the keyring" - \
        "hubint move --all --to keyring" "sh $W/fresh file $MOVE"
fi
printf '\nLoad average at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
log "hyperfine logs and JSON: $LOGS"

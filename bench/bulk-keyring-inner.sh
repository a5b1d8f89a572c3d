#!/usr/bin/env bash
# bench/bulk-keyring-inner.sh — one side of bench/bulk-keyring, started by it
# INSIDE tests/run (private D-Bus, unlocked throwaway gnome-keyring, HOME a
# throwaway directory). Writes one markdown table row to $HUBINT_BULK_OUT.
# shellcheck disable=SC2016  # backticks are markdown, not expansions
set -euo pipefail

SIDE="${HUBINT_BULK_SIDE:?hubint or secret-tool}"
N="${HUBINT_BULK_N:?number of items}"
OUT="${HUBINT_BULK_OUT:?row file}"
BIN="${HUBINT_BENCH_BIN:?the hubint binary}"
ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
W="$(mktemp -d "$HOME/bulk-keyring.XXXXXX")"
export NO_COLOR=1 HUBINT_HOME="$W/h" HUBINT_SECRET_STORE=keyring

# The daemon that owns org.freedesktop.secrets on this private bus.
daemon="$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets |
    awk '/uint32/ { print $2 }')"
ticks() { awk '{ print $14 + $15 }' "/proc/$daemon/stat"; }
hz="$(getconf CLK_TCK)"

case "$SIDE" in
hubint)
    jq -n --argjson n "$N" '{auths: ([range(1; $n + 1)
        | {key: "reg-\(.).example.com", value: {username: "user\(.)", password: "pw-\(.)"}}]
        | from_entries)}' >"$W/config.json"
    "$BIN" list >/dev/null
    # --verbose: a failure shows the keyring's raw error too.
    cmd=("$BIN" --verbose import docker-config "$W/config.json")
    shown='`hubint import docker-config` (one process)'
    ;;
secret-tool)
    cmd=(sh "$ROOT/bench/secret-tool-loop" "$N")
    shown='`secret-tool store` loop'
    ;;
*) echo "bench/bulk-keyring-inner.sh: unknown side '$SIDE'" >&2; exit 2 ;;
esac

d0="$(ticks)"
t0="$(date +%s.%N)"
/usr/bin/time -f '%U %S' -o "$W/cpu" "${cmd[@]}" >"$W/out" 2>&1 || {
    sed 's/^/    /' "$W/out" >&2
    exit 1
}
t1="$(date +%s.%N)"
d1="$(ticks)"

# Every item really stored: hubint's items, or the loop's, counted by one
# SearchItems call (`secret-tool search --all` times out at 10,000).
count() {
    dbus-send --session --print-reply --reply-timeout=120000 --dest=org.freedesktop.secrets \
        /org/freedesktop/secrets org.freedesktop.Secret.Service.SearchItems \
        "dict:string:string:service,$1" | grep -c 'object path' || true
}
case "$SIDE" in
hubint) items="$(count hubint)" ;;
*) items="$(count bulk)" ;;
esac
read -r user sys <"$W/cpu"
awk -v side="$SIDE" -v cmd="$shown" -v t0="$t0" -v t1="$t1" -v u="$user" -v s="$sys" \
    -v d0="$d0" -v d1="$d1" -v hz="$hz" -v items="$items" 'BEGIN {
    printf "| %s | %s | %.1f | %.2f | %.1f | %d |\n", side, cmd, t1 - t0, u + s, (d1 - d0) / hz, items
}' >"$OUT"

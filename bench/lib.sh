# bench/lib.sh — shared by bench/inner.sh and bench/profile (source it; it
# shellcheck shell=bash
# defines functions and constants only).
#
# A "store" is a HUBINT_HOME directory. Large stores are seeded quickly: the
# database is created by running hubint once, the integrations that are
# actually fetched are added with `hubint add` (so they have real secrets),
# and the rest are INSERTed with sqlite3 in one transaction (they have no
# secret, which is fine: nothing reads it).

# How much to measure (see `measure`): per command RUNS timed runs, in ROUNDS
# rounds, each after WARMUP untimed runs.
RUNS="${HUBINT_BENCH_RUNS:-50}"
ROUNDS="${HUBINT_BENCH_ROUNDS:-10}"
WARMUP="${HUBINT_BENCH_WARMUP:-2}"

BENCH_PASSWORD="bench-throwaway-password"   # private keyring, never a secret
BENCH_TIME="2026-11-29T00:00:00Z"

log() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: ERROR: %s\n' "$*" >&2; exit 1; }

# build_release [cargo env assignments...]: `cargo build --release --locked`
# (with the given CARGO_* overrides), progress on stderr; prints the binary's
# path. With overrides it builds into target/bench-variant, so the normal
# release build stays as it is.
build_release() {
    local target_dir
    target_dir="$(cargo metadata --format-version 1 --no-deps |
        sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
    target_dir="${target_dir:-$ROOT/target}"
    if (($#)); then
        target_dir="$target_dir/bench-variant"
        log "cargo build --release --locked with $*"
    else
        log "cargo build --release --locked"
    fi
    env "$@" CARGO_TARGET_DIR="$target_dir" cargo build --release --locked >&2 ||
        die "cargo build failed"
    printf '%s/release/hubint' "$target_dir"
}

# The query `hubint list --json` runs (src/db/integrations.rs: COLUMNS + list
# without filters), for the sqlite3 CLI to run on the same database.
list_sql() {
    cat <<'SQL'
SELECT i.id, i.name, i.family, i.type, i.registry, i.username, i.email,
       i.secret_store, i.created_at, i.updated_at, i.last_verified_at,
       i.last_verification, i.is_default,
       (SELECT group_concat(name, char(10)) FROM (SELECT s.name AS name
            FROM subscription_integrations si
            JOIN subscriptions s ON s.id = si.subscription_id
            WHERE si.integration_id = i.id ORDER BY s.name COLLATE NOCASE)) AS subscriptions
FROM integrations i
ORDER BY i.name COLLATE NOCASE;
SQL
}

# create_store DIR: an empty store with its database (created by hubint).
create_store() {
    mkdir -p "$1"
    HUBINT_HOME="$1" "$BIN" list >/dev/null 2>&1 || die "hubint list failed in $1"
    [[ -s "$1/hubint.db" ]] || die "hubint did not create $1/hubint.db"
}

# fill_store DIR N: add seeded integrations until DIR holds N in all, with one
# subscription per 10 integrations (each seeded integration attached to one).
fill_store() {
    local db="$1/hubint.db" total="$2" have missing subs
    have="$(sqlite3 "$db" 'SELECT count(*) FROM integrations')"
    missing=$((total - have))
    ((missing > 0)) || return 0
    subs=$(((missing + 9) / 10))
    sqlite3 "$db" <<SQL || die "seeding $db failed"
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $missing)
INSERT INTO integrations (id, name, family, type, registry, username, email,
                          secret_store, created_at, updated_at)
SELECT printf('00000000-0000-4000-8000-%012d', i), printf('seed-%05d', i),
       'hub', 'docker', printf('reg-%05d.example.com', i), printf('user%05d', i),
       CASE WHEN i % 2 = 1 THEN printf('user%05d@example.com', i) END,
       'keyring', '$BENCH_TIME', '$BENCH_TIME'
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $subs)
INSERT INTO subscriptions (name, created_at)
SELECT printf('team-%04d', i), '$BENCH_TIME' FROM n;
INSERT INTO subscription_integrations (subscription_id, integration_id, attached_at)
SELECT s.id, i.id, '$BENCH_TIME'
FROM integrations i
JOIN subscriptions s ON s.name = printf('team-%04d', (CAST(substr(i.name, 6) AS INTEGER) - 1) / 10 + 1)
WHERE i.name LIKE 'seed-%';
COMMIT;
SQL
}

# add_integration DIR NAME URL [hubint add flags...]: a real integration,
# with a real secret, added the way a user would.
add_integration() {
    local dir="$1" name="$2" url="$3"
    shift 3
    local err
    err="$(printf '%s' "$BENCH_PASSWORD" |
        HUBINT_HOME="$dir" "$BIN" add --no-input --name "$name" --url "$url" \
            --username bench --password-stdin "$@" 2>&1 >/dev/null)" ||
        die "hubint add $name failed in $dir: $err"
}

# measure DIR HYPERFINE_ARGS...: run hyperfine (options, then the commands)
# in $ROUNDS rounds of $RUNS/$ROUNDS timed runs each, so that all the commands
# of a row see the same background load even when it changes (this machine is
# shared). Writes DIR/round-N.json and appends hyperfine's output to DIR/log.
measure() {
    local dir="$1" r per=$(((RUNS + ROUNDS - 1) / ROUNDS))
    shift
    mkdir -p "$dir"
    for ((r = 1; r <= ROUNDS; r++)); do
        hyperfine --warmup "$WARMUP" --runs "$per" --style basic \
            --export-json "$dir/round-$r.json" "$@" >>"$dir/log" 2>&1 || return 1
    done
}

# median_ms DIR N: the median wall time of the N-th command (0-based) over
# all the rounds of `measure DIR`, in ms.
median_ms() {
    jq -s --argjson n "$2" '[.[].results[$n].times[]] | sort | length as $l
        | if $l % 2 == 1 then .[($l - 1) / 2] else (.[$l / 2 - 1] + .[$l / 2]) / 2 end' \
        "$1"/round-*.json | awk '{ printf "%.2f", $1 * 1000 }'
}

# cpu_ms DIR N: its mean user + system CPU time, in ms (less disturbed than
# wall time when other programs compete for the CPUs).
cpu_ms() {
    jq -s --argjson n "$2" '[.[].results[$n] | .user + .system] | add / length' \
        "$1"/round-*.json | awk '{ printf "%.2f", $1 * 1000 }'
}

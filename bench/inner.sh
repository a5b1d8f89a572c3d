#!/usr/bin/env bash
# bench/inner.sh — the benchmark itself. Started by bench/run INSIDE tests/run
# (private D-Bus session + unlocked throwaway gnome-keyring, HOME a throwaway
# directory), with HUBINT_BENCH_BIN pointing at the release binary.
#
# Prints ONE markdown table on stdout (hubint command vs peer, medians, ratio,
# target, whether it holds), then sizes, memory and start-up checks. Progress
# and hyperfine's own output go to stderr / $HUBINT_BENCH_LOG_DIR.
#
# Rows that need a feature this binary does not have (the credential helper,
# the encrypted file store) print "n/a (not built)"; they run by themselves
# once the feature exists.
# shellcheck disable=SC2016  # backticks are markdown, not expansions
set -euo pipefail

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

BIN="${HUBINT_BENCH_BIN:?set by bench/run: the hubint binary to measure}"
W="$(mktemp -d "$HOME/bench.XXXXXX")" # inside tests/run's throwaway dir
LOGS="${HUBINT_BENCH_LOG_DIR:-$W/logs}"
mkdir -p "$LOGS"

for c in hyperfine jq sqlite3 secret-tool docker-credential-secretservice /usr/bin/time; do
    command -v "$c" >/dev/null 2>&1 || die "'$c' not found (bash bench/run installs it)"
done
[[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]] || die "no D-Bus session: run me via bash bench/run"

# Commands in the rows read as a user would type them: `hubint` and
# `docker-credential-hubint` are symlinks to the binary under test.
mkdir -p "$W/bin"
ln -s "$BIN" "$W/bin/hubint"
ln -s "$BIN" "$W/bin/docker-credential-hubint"
export PATH="$W/bin:$PATH"
export NO_COLOR=1
export HUBINT_PASSPHRASE="bench-throwaway-passphrase" # file store (issue 3)
unset COLUMNS

# --------------------------------------------------------------------------
# Features that may not be built yet
# --------------------------------------------------------------------------
have_helper() { hubint credential-helper --help >/dev/null 2>&1; }
have_file() { hubint add --help 2>/dev/null | grep -q -- --secret-store; }
HAVE_HELPER=no HAVE_FILE=no
have_helper && HAVE_HELPER=yes
have_file && HAVE_FILE=yes

# needs: "-", "helper", "file" or "helper+file"
have() {
    local need
    for need in ${1//+/ }; do
        case "$need" in
        -) ;;
        helper) [[ "$HAVE_HELPER" == yes ]] || return 1 ;;
        file) [[ "$HAVE_FILE" == yes ]] || return 1 ;;
        *) die "unknown feature '$need'" ;;
        esac
    done
}

# --------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------
SIZES="10 1000 10000"
GET_URL="bench.example.com:5000"  # keyring integration `bench-get`
FILE_URL="file.example.com:5000"  # file-store integration `bench-file`
printf '%s' "$GET_URL" >"$W/url-keyring"
printf '%s' "$FILE_URL" >"$W/url-file"
printf '%s' "$BENCH_PASSWORD" >"$W/password"
list_sql >"$W/list.sql"

setup_stores() {
    local n dir
    for n in $SIZES; do
        dir="$W/s$n"
        log "seeding store with $n integrations ..."
        create_store "$dir"
        add_integration "$dir" bench-get "$GET_URL"
        if [[ "$HAVE_FILE" == yes ]]; then
            add_integration "$dir" bench-file "$FILE_URL" --secret-store file
        fi
        fill_store "$dir" "$n"
    done
    GET_ID="$(sqlite3 "$W/s10/hubint.db" "SELECT id FROM integrations WHERE name = 'bench-get'")"
    # The peer helper keeps the same credential on the same keyring.
    printf '{"ServerURL":"%s","Username":"bench","Secret":"%s"}' "$GET_URL" "$BENCH_PASSWORD" |
        docker-credential-secretservice store || die "docker-credential-secretservice store failed"
}

# --------------------------------------------------------------------------
# THE ROW LIST. One `row` per line of the table:
#   row MEASURE NEEDS HUBINT_HOME TARGET HUBINT_CMD PEER_CMD [HUBINT_PREP PEER_PREP]
# TARGET: ratio<=X (hubint/peer), diff<=X (ms over peer), under=X (ms), or -.
# PEER_CMD "" means no peer. A command with "<" (stdin) or a PREP runs in sh
# (hyperfine subtracts the shell's start-up); others run without a shell (-N).
# --------------------------------------------------------------------------
rows() {
    local s10="$W/s10" s10k="$W/s10000" n target
    row "helper get (keyring)" helper "$s10" "ratio<=0.50" \
        "docker-credential-hubint get <$W/url-keyring" \
        "docker-credential-secretservice get <$W/url-keyring"
    row "show" - "$s10" - \
        "hubint integration show bench-get" \
        "secret-tool lookup service hubint username $GET_ID"
    row "add (keyring)" - "$s10" "ratio<=1.20" \
        "hubint add --no-input --name bench-add --url add.example.com --username bench --password-stdin <$W/password" \
        "secret-tool store --label=bench-add service bench-add user bench <$W/password" \
        "hubint delete bench-add --yes >/dev/null 2>&1 || true" \
        "secret-tool clear service bench-add user bench || true"
    for n in $SIZES; do
        target=-
        ((n == 10000)) && target="ratio<=1.50"
        row "list --json @$n" - "$W/s$n" "$target" \
            "hubint list --json" \
            "sqlite3 -json $W/s$n/hubint.db '.read $W/list.sql'"
    done
    for n in $SIZES; do
        target=-
        ((n == 10000)) && target="under=100"
        row "list (table) @$n" - "$W/s$n" "$target" "hubint list" ""
    done
    # As on a terminal: fitted to the width (the rows above are piped).
    row "list (table, 120 columns) @10000" - "$s10k" - "COLUMNS=120 hubint list" ""
    row "--version" - "$s10" "diff<=2" "hubint --version" "true"
    row "file-store get (vs keyring get)" helper+file "$s10" - \
        "docker-credential-hubint get <$W/url-file" \
        "docker-credential-hubint get <$W/url-keyring"
    row "get @10k (vs @10)" helper - "ratio<=1.10" \
        "HUBINT_HOME=$s10k docker-credential-hubint get <$W/url-keyring" \
        "HUBINT_HOME=$s10 docker-credential-hubint get <$W/url-keyring"
    row "show @10k (vs @10)" - - - \
        "HUBINT_HOME=$s10k hubint integration show bench-get" \
        "HUBINT_HOME=$s10 hubint integration show bench-get"
}

# --------------------------------------------------------------------------
# Running a row and printing its line
# --------------------------------------------------------------------------
ROW_NO=0

# How a command is shown: without the throwaway directory, stdin file and uuid.
display() {
    local c="${1%% <*}"
    [[ -n "$c" ]] || { printf -- '-'; return; }
    c="${c//$W\//}"
    printf '`%s`' "${c//$GET_ID/ID}"
}

# target_text TARGET: how a target reads in the table.
target_text() {
    case "$1" in
    -) printf -- '-' ;;
    ratio\<=*) printf '≤ %s× peer' "${1#ratio<=}" ;;
    diff\<=*) printf 'within %s ms of peer' "${1#diff<=}" ;;
    under=*) printf '< %s ms' "${1#under=}" ;;
    *) die "unknown target '$1'" ;;
    esac
}

# holds TARGET HUB_MS PEER_MS: "yes", "**NO**" or "-".
holds() {
    local test
    case "$1" in
    -) printf -- '-'; return ;;
    ratio\<=*) test="$2 / $3 <= ${1#ratio<=}" ;;
    diff\<=*) test="$2 - $3 <= ${1#diff<=}" ;;
    under=*) test="$2 < ${1#under=}" ;;
    esac
    awk "BEGIN { print (($test) ? \"yes\" : \"**NO**\") }"
}
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }

row() {
    local measure="$1" needs="$2" store="$3" target="$4" hub="$5" peer="$6"
    local hub_prep="${7:-}" peer_prep="${8:-}"
    local hub_ms peer_ms="-" ratio="-" cpu
    ROW_NO=$((ROW_NO + 1))
    if [[ -n "${HUBINT_BENCH_ONLY:-}" ]] && ! grep -qE -- "$HUBINT_BENCH_ONLY" <<<"$measure"; then
        return 0
    fi
    if ! have "$needs"; then
        line "$measure" "$(display "$hub")" "n/a (not built)" "$(display "$peer")" - - \
            "$(target_text "$target")" n/a -
        return 0
    fi
    local dir="$LOGS/row$ROW_NO" args=()
    if [[ "$hub$peer" != *[\<=]* && -z "$hub_prep$peer_prep" ]]; then
        args+=(-N) # no shell needed: measure the bare exec
    fi
    if [[ -n "$hub_prep$peer_prep" ]]; then
        args+=(--prepare "${hub_prep:-true}")
        [[ -n "$peer" ]] && args+=(--prepare "${peer_prep:-true}")
    fi
    args+=("$hub")
    [[ -n "$peer" ]] && args+=("$peer")
    log "row $ROW_NO: $measure"
    if ! (if [[ "$store" != - ]]; then export HUBINT_HOME="$store"; fi
        measure "$dir" "${args[@]}"); then
        sed 's/^/    /' "$dir/log" >&2
        line "$measure" "$(display "$hub")" "**failed** (log: row$ROW_NO/log)" \
            "$(display "$peer")" - - "$(target_text "$target")" - -
        return 0
    fi
    hub_ms="$(median_ms "$dir" 0)" cpu="$(cpu_ms "$dir" 0)"
    if [[ -n "$peer" ]]; then
        peer_ms="$(median_ms "$dir" 1)"
        ratio="$(calc "$hub_ms / $peer_ms")"
        cpu+=" / $(cpu_ms "$dir" 1)"
    fi
    line "$measure" "$(display "$hub")" "$hub_ms" "$(display "$peer")" "$peer_ms" "$ratio" \
        "$(target_text "$target")" "$(holds "$target" "$hub_ms" "$peer_ms")" "$cpu"
}

# One markdown table line from its cells.
line() {
    local cell out="|"
    for cell in "$@"; do out+=" $cell |"; done
    printf '%s\n' "$out"
}

print_table() {
    printf '| measure | hubint | median ms | peer | median ms | ratio | target | holds | CPU ms hubint / peer |\n'
    printf '| --- | --- | ---: | --- | ---: | ---: | --- | --- | ---: |\n'
    rows
}

# --------------------------------------------------------------------------
# Size, memory, start-up
# --------------------------------------------------------------------------
# Did COMMAND connect to the D-Bus session (i.e. open the keyring)?
uses_dbus() {
    local trace="$W/strace.out" socket="${DBUS_SESSION_BUS_ADDRESS#unix:path=}"
    socket="${socket%%,*}"
    strace -f -qq -e trace=connect -o "$trace" "$@" >/dev/null 2>&1 </dev/null || true
    if grep -qF "$socket" "$trace"; then echo yes; else echo no; fi
}

print_extras() {
    local size rss_table rss_json
    size="$(stat -c %s "$BIN")"
    rss_table="$(HUBINT_HOME="$W/s10000" /usr/bin/time -f %M hubint list 2>&1 >/dev/null | tail -n1)"
    rss_json="$(HUBINT_HOME="$W/s10000" /usr/bin/time -f %M hubint list --json 2>&1 >/dev/null | tail -n1)"
    printf '\n| size and memory | value |\n| --- | --- |\n'
    printf '| release binary (`%s`) | %s bytes (%s MiB) |\n' "${BIN##*/}" "$size" "$(calc "$size / 1048576")"
    printf '| peak RSS, `hubint list` @10000 | %s KiB |\n' "$rss_table"
    printf '| peak RSS, `hubint list --json` @10000 | %s KiB |\n' "$rss_json"
    if have helper+file; then
        printf '| peak RSS, file-store `docker-credential-hubint get` | %s KiB |\n' \
            "$(HUBINT_HOME="$W/s10" /usr/bin/time -f %M docker-credential-hubint get \
                <"$W/url-file" 2>&1 >/dev/null | tail -n1)"
    fi
    if command -v strace >/dev/null 2>&1; then
        printf '\n| start-up: command | connects to D-Bus (opens the keyring) |\n| --- | --- |\n'
        local -a cmds=("hubint --version" "hubint list" "hubint list --json" "hubint integration show bench-get")
        [[ "$HAVE_HELPER" == yes ]] && cmds+=("docker-credential-hubint get")
        local c
        for c in "${cmds[@]}"; do
            if [[ "$c" == docker-credential-hubint* ]]; then
                printf '| `%s` | %s |\n' "$c" \
                    "$(HUBINT_HOME="$W/s10" uses_dbus sh -c "exec $c <$W/url-keyring")"
            else
                # shellcheck disable=SC2086  # split the command line on purpose
                printf '| `%s` | %s |\n' "$c" "$(HUBINT_HOME="$W/s10" uses_dbus $c)"
            fi
        done
    fi
}

print_header() {
    printf '## hubint benchmark, %s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf -- '- binary: %s (%s)\n' "$("$BIN" --version)" "$BIN"
    printf -- '- machine: %s CPUs (%s), %s RAM, %s, kernel %s\n' "$(nproc)" \
        "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)" \
        "$(free -h | awk '/^Mem:/ { print $2 }')" \
        "$(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release)" "$(uname -r)"
    printf -- '- %s; per command %s timed runs in %s interleaved rounds (%s warm-up runs each); medians\n' \
        "$(hyperfine --version)" "$RUNS" "$ROUNDS" "$WARMUP"
    printf -- '- credential helper: %s; encrypted file store: %s\n' "$HAVE_HELPER" "$HAVE_FILE"
    printf -- '- load average at the start: %s (other programs on the machine skew wall times;\n' \
        "$(cut -d' ' -f1-3 /proc/loadavg)"
    printf '  the last column, mean user + system CPU of the client process alone, much less)\n\n'
}

print_footer() {
    printf '\nLoad average at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
}

setup_stores
print_header
print_table
print_extras
print_footer
log "hyperfine logs and JSON: $LOGS"

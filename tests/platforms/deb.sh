#!/usr/bin/env bash
# tests/platforms/deb.sh — the Debian package, for real: build it with
# cargo-deb, install it with `dpkg -i` (as root), check what a user gets
# (`man hubint`, bash completion loaded from the system directory in a login
# shell, `docker-credential-hubint version`, a full add/get/delete round with
# the installed binary), then `dpkg -r` and check that no file is left behind.
#
# Usage: bash tests/platforms/deb.sh   (tests/run runs it in a full run)
# Needs: root (or sudo -n), dpkg, man-db, bash-completion (PACKAGES in
# tests/run); cargo-deb is installed into $HUBINT_CI_CACHE/tools if missing.
# The package is built with the `ci-deb` profile (release without fat LTO):
# this checks the packaging, not the optimiser. Releases use `cargo deb`.
set -euo pipefail

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)"
# shellcheck source=tests/platforms/toolchains.sh
. "$ROOT/tests/platforms/toolchains.sh"

CARGO_DEB_VERSION=3.8.0
fails=0
pass() { printf 'deb: ok   %s\n' "$*" >&2; }
fail() { printf 'deb: FAIL %s\n' "$*" >&2; fails=$((fails + 1)); }

SUDO=()
if ((EUID != 0)); then
    sudo -n true 2>/dev/null || { platform_log "ERROR: deb.sh needs root (dpkg -i)"; exit 1; }
    SUDO=(sudo -n)
fi

# cargo-deb, cached
CARGO_DEB="$HUBINT_CI_CACHE/tools/bin/cargo-deb"
if ! "$CARGO_DEB" --version 2>/dev/null | grep -qx "cargo-deb $CARGO_DEB_VERSION"; then
    platform_log "installing cargo-deb $CARGO_DEB_VERSION into $HUBINT_CI_CACHE/tools"
    cargo install --locked --quiet --version "$CARGO_DEB_VERSION" cargo-deb --root "$HUBINT_CI_CACHE/tools"
fi

if dpkg-query -W -f='${Status}' hubint 2>/dev/null | grep -q 'ok installed'; then
    platform_log "ERROR: a hubint package is already installed; remove it first (dpkg -r hubint)"
    exit 1
fi
for f in /usr/bin/hubint /usr/bin/docker-credential-hubint; do
    [[ ! -e "$f" ]] || { platform_log "ERROR: $f exists outside the package; not overwriting it"; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/hubint-deb.XXXXXXXX")"
installed=0
cleanup() {
    local rc=$?
    ((installed)) && "${SUDO[@]}" dpkg -r hubint >/dev/null 2>&1
    rm -rf -- "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

platform_log "building the .deb (cargo deb --profile ci-deb)"
start=$SECONDS
(cd "$ROOT" && PATH="$HUBINT_CI_CACHE/tools/bin:$PATH" "$CARGO_DEB" --locked --profile ci-deb --fast --output "$WORK/" -q)
DEB="$(ls "$WORK"/hubint_*.deb)"
platform_log "built $(basename "$DEB") ($(du -k "$DEB" | cut -f1) KiB) in $((SECONDS - start)) s"

# What the package holds (paths without the leading ./).
dpkg-deb -c "$DEB" | awk '{ p = $6; sub(/^\.\//, "", p); print p ($7 == "->" ? " -> " $8 : "") }' >"$WORK/contents"
expect_in_deb() {
    if grep -qx -- "$1" "$WORK/contents"; then pass "package holds $1"; else fail "package lacks $1"; fi
}
expect_in_deb "usr/bin/hubint"
expect_in_deb "usr/bin/docker-credential-hubint -> hubint"
expect_in_deb "usr/share/man/man1/hubint.1.gz"
expect_in_deb "usr/share/man/man1/hubint-integration-add.1.gz"
expect_in_deb "usr/share/bash-completion/completions/hubint"
expect_in_deb "usr/share/zsh/vendor-completions/_hubint"
expect_in_deb "usr/share/fish/vendor_completions.d/hubint.fish"
expect_in_deb "usr/share/doc/hubint/README.md"
expect_in_deb "usr/share/doc/hubint/LICENSE-MIT"
expect_in_deb "usr/share/doc/hubint/LICENSE-APACHE"
expect_in_deb "usr/share/doc/hubint/copyright"
man_count="$(grep -c '^usr/share/man/man1/.*\.1\.gz$' "$WORK/contents" || true)"
repo_count="$(find "$ROOT/man" -name '*.1' | wc -l)"
if [[ "$man_count" == "$repo_count" ]]; then pass "all $repo_count man pages are packaged"; else fail "$man_count man pages packaged, $repo_count in man/"; fi

"${SUDO[@]}" dpkg -i "$DEB" >"$WORK/dpkg.log" 2>&1 || { cat "$WORK/dpkg.log" >&2; fail "dpkg -i"; exit 1; }
installed=1
pass "dpkg -i $(basename "$DEB")"

# A clean user environment: the installed files only, nothing from the repo.
USER_HOME="$WORK/home"
mkdir -m 700 "$USER_HOME"
as_user() {
    env -i HOME="$USER_HOME" PATH=/usr/local/bin:/usr/bin:/bin TERM=dumb LANG=C.UTF-8 \
        ${DBUS_SESSION_BUS_ADDRESS:+DBUS_SESSION_BUS_ADDRESS="$DBUS_SESSION_BUS_ADDRESS"} \
        HUBINT_HOME="$USER_HOME/hubint" "$@"
}

if [[ "$(as_user command -v hubint 2>/dev/null || as_user sh -c 'command -v hubint')" == /usr/bin/hubint ]]; then
    pass "hubint is /usr/bin/hubint on PATH"
else
    fail "hubint is not /usr/bin/hubint on PATH"
fi

if as_user man -P cat hubint 2>/dev/null | grep -q 'hubint-integration-add'; then
    pass "man hubint"
else
    fail "man hubint: $(as_user man -P cat hubint 2>&1 | head -3)"
fi
if as_user man -P cat hubint-integration-add 2>/dev/null | grep -q -- '--password-stdin'; then
    pass "man hubint-integration-add"
else
    fail "man hubint-integration-add"
fi

# bash: a login shell loads bash-completion (/etc/profile.d), which loads
# hubint's script from /usr/share/bash-completion/completions on demand.
# shellcheck disable=SC2016
complete_script='
__load_completion hubint || exit 3
complete -p hubint
COMP_WORDS=(hubint integ); COMP_CWORD=1; COMP_LINE="hubint integ"; COMP_POINT=${#COMP_LINE}
_hubint hubint integ hubint
printf "reply: %s\n" "${COMPREPLY[@]}"
'
out="$(as_user bash --login -i -c "$complete_script" 2>/dev/null </dev/null || true)"
if grep -q -- '-F _hubint hubint$' <<<"$out" && grep -qx 'reply: integration' <<<"$out"; then
    pass "bash completion loaded from the system directory in a login shell"
else
    fail "bash completion in a login shell: $out"
fi

out="$(as_user docker-credential-hubint version 2>&1 || true)"
if [[ "$out" == "docker-credential-hubint (hubint) v$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -n1)" ]]; then
    pass "docker-credential-hubint version: $out"
else
    fail "docker-credential-hubint version: $out"
fi

round() { # store
    local store="$1" reg="deb-$1.example.com:5000" pw="deb-pw-$1-$RANDOM" got
    if ! printf '%s' "$pw" | as_user env HUBINT_PASSPHRASE="a long throwaway passphrase" \
        hubint add --no-input --name "deb-$store" --url "$reg" --username alice \
        --password-stdin --secret-store "$store" >/dev/null 2>"$WORK/err"; then
        fail "[$store] add: $(cat "$WORK/err")"
        return
    fi
    got="$(printf '%s' "$reg" | as_user env HUBINT_PASSPHRASE="a long throwaway passphrase" docker-credential-hubint get 2>&1)"
    if [[ "$got" == "{\"ServerURL\":\"$reg\",\"Username\":\"alice\",\"Secret\":\"$pw\"}" ]]; then
        pass "[$store] add, then docker-credential-hubint get"
    else
        fail "[$store] helper get: $got"
    fi
    if as_user env HUBINT_PASSPHRASE="a long throwaway passphrase" hubint delete "deb-$store" --yes >/dev/null 2>"$WORK/err"; then
        pass "[$store] delete"
    else
        fail "[$store] delete: $(cat "$WORK/err")"
    fi
    got="$(printf '%s' "$reg" | as_user docker-credential-hubint get 2>&1)" && fail "[$store] get after delete succeeded: $got" ||
        pass "[$store] get after delete: $got"
}
round file
if [[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]]; then
    round keyring
else
    platform_log "no D-Bus session (run through tests/run): keyring round skipped"
fi

"${SUDO[@]}" dpkg -r hubint >"$WORK/dpkg.log" 2>&1 || { cat "$WORK/dpkg.log" >&2; fail "dpkg -r"; }
installed=0
left=()
while read -r path _; do
    [[ -e "/$path" || -L "/$path" ]] || continue
    # Shared directories (usr/bin, usr/share/man/man1, ...) stay, of course.
    [[ -d "/$path" && ! -L "/$path" ]] && dpkg -S "/${path%/}" >/dev/null 2>&1 && continue
    [[ -d "/$path" && ! -L "/$path" && -n "$(ls -A "/$path")" && "$path" != usr/share/doc/hubint/ ]] && continue
    left+=("/$path")
done <"$WORK/contents"
if ((${#left[@]} == 0)) && ! dpkg-query -W -f='${Status}' hubint 2>/dev/null | grep -q installed; then
    pass "dpkg -r hubint leaves no file behind"
else
    fail "left behind after dpkg -r: ${left[*]:-} ($(dpkg-query -W -f='${Status}' hubint 2>&1))"
fi

if ((fails)); then
    printf 'deb: %d check(s) failed\n' "$fails" >&2
    exit 1
fi
printf 'deb: all checks passed\n' >&2

#!/usr/bin/env bash
# tests/platforms/toolchains.sh — source me. Sets up, and caches, what
# cross-checking hubint for other targets needs:
#   * the rustup targets x86_64-apple-darwin, aarch64-apple-darwin and
#     x86_64-pc-windows-gnu (cached in RUSTUP_HOME);
#   * the C compilers the bundled SQLite and ring need: Debian's mingw-w64 for
#     Windows (a package in tests/run), `zig cc` from PyPI `ziglang` for macOS,
#     in a venv under $HUBINT_CI_CACHE (default ~/.cache/hubint-ci);
#   * small wrappers that make `zig cc` look like a macOS clang to the cc crate.
# After sourcing, `platform_env TARGET` prints the env assignments for cargo.
# Needs: HUBINT_CI_CACHE (or REAL_HOME/HOME), cargo and rustup on PATH.

PLATFORM_TARGETS="x86_64-apple-darwin aarch64-apple-darwin x86_64-pc-windows-gnu"
ZIGLANG_VERSION=0.17.1
HUBINT_CI_CACHE="${HUBINT_CI_CACHE:-${REAL_HOME:-$HOME}/.cache/hubint-ci}"
export HUBINT_CI_CACHE

platform_log() { printf 'tests/platforms: %s\n' "$*" >&2; }

# rustup targets (one `rustup target list` call when all are there)
ensure_rust_targets() {
    local installed missing=() t
    installed="$(rustup target list --installed)"
    for t in $PLATFORM_TARGETS; do
        grep -qx "$t" <<<"$installed" || missing+=("$t")
    done
    if ((${#missing[@]})); then
        platform_log "rustup target add ${missing[*]}"
        rustup target add "${missing[@]}" >&2
    fi
}

# zig from PyPI `ziglang`, in a cached venv; wrappers in $HUBINT_CI_CACHE/bin.
ensure_zig() {
    local venv="$HUBINT_CI_CACHE/venv" bin="$HUBINT_CI_CACHE/bin" zig
    zig="$(find "$venv" -path '*/ziglang/zig' -type f 2>/dev/null | head -n1)"
    if [[ -n "$zig" ]] && ! "$venv/bin/pip" show ziglang 2>/dev/null | grep -qx "Version: $ZIGLANG_VERSION"; then
        zig=""
    fi
    if [[ -z "$zig" ]]; then
        platform_log "installing ziglang $ZIGLANG_VERSION (PyPI) into $venv"
        mkdir -p "$HUBINT_CI_CACHE"
        python3 -m venv "$venv" >&2
        "$venv/bin/pip" install -q "ziglang==$ZIGLANG_VERSION" >&2
        zig="$(find "$venv" -path '*/ziglang/zig' -type f | head -n1)"
        [[ -n "$zig" ]] || { platform_log "ERROR: no zig in $venv"; return 1; }
    fi
    mkdir -p "$bin"
    local arch
    for arch in x86_64 aarch64; do
        # cc passes `-arch ARCH` (zig rejects it; -target already says it)
        # and `--target=ARCH-apple-macosx` (a clang spelling zig does not know).
        cat >"$bin/zigcc-$arch-macos.tmp" <<WRAP
#!/usr/bin/env bash
args=()
while ((\$#)); do
    case "\$1" in
        -arch) shift ;;
        --target=*|-target) [[ "\$1" == -target ]] && shift ;;
        *) args+=("\$1") ;;
    esac
    shift
done
exec "$zig" cc -target $arch-macos "\${args[@]}"
WRAP
        chmod +x "$bin/zigcc-$arch-macos.tmp"
        mv "$bin/zigcc-$arch-macos.tmp" "$bin/zigcc-$arch-macos"
    done
    printf '#!/bin/sh\nexec "%s" ar "$@"\n' "$zig" >"$bin/zigar.tmp"
    chmod +x "$bin/zigar.tmp"
    mv "$bin/zigar.tmp" "$bin/zigar"
}

ensure_platform_toolchains() {
    ensure_rust_targets
    ensure_zig
    command -v x86_64-w64-mingw32-gcc >/dev/null ||
        { platform_log "ERROR: x86_64-w64-mingw32-gcc missing (gcc-mingw-w64-x86-64)"; return 1; }
}

# The environment cargo needs for TARGET (one VAR=value per line).
platform_env() {
    local t="$1" u arch
    u="$(tr 'a-z-' 'A-Z_' <<<"$t")"
    case "$t" in
        *-apple-darwin)
            arch="${t%%-*}"
            printf 'CC_%s=%s\n' "${t//-/_}" "$HUBINT_CI_CACHE/bin/zigcc-$arch-macos"
            printf 'AR_%s=%s\n' "${t//-/_}" "$HUBINT_CI_CACHE/bin/zigar"
            # cc asks xcrun for the SDK otherwise; zig brings its own libc headers.
            printf 'SDKROOT=%s\n' "$HUBINT_CI_CACHE"
            printf 'CARGO_TARGET_%s_LINKER=%s\n' "$u" "$HUBINT_CI_CACHE/bin/zigcc-$arch-macos"
            ;;
        x86_64-pc-windows-gnu)
            printf 'CC_%s=x86_64-w64-mingw32-gcc\n' "${t//-/_}"
            printf 'AR_%s=x86_64-w64-mingw32-ar\n' "${t//-/_}"
            printf 'CARGO_TARGET_%s_LINKER=x86_64-w64-mingw32-gcc\n' "$u"
            ;;
    esac
}

//! Completion in real shells: bash, zsh and fish load the script that
//! `hubint completions SHELL` prints (dynamic) or the committed file under
//! `completions/` (static), complete a command line, and the test checks
//! the candidates. `bash tests/run` installs the shells; a missing one fails.

mod common;

use std::path::Path;
use std::process::Command;

use common::TestEnv;

#[derive(Clone, Copy)]
enum Shell {
    Bash,
    Zsh,
    Fish,
}

#[derive(Clone, Copy)]
enum Script {
    /// `hubint completions SHELL`, loaded the way the man page says.
    Dynamic,
    /// The committed static script.
    Static,
}

/// Two integrations and two subscriptions, added through hubint itself.
fn populated() -> TestEnv {
    common::require_keyring();
    let env = TestEnv::new();
    env.add("dockerhub", "pw-one", &["--subscription", "team-a"]);
    env.add(
        "acme-registry",
        "pw-two",
        &[
            "--url",
            "registry.acme.test:5000",
            "--subscription",
            "team-b",
        ],
    );
    env
}

fn require(program: &str) {
    let found = Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "this test needs `{program}`; `bash tests/run` installs it (see PACKAGES in tests/run)"
    );
}

fn static_script(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("completions")
        .join(name)
        .display()
        .to_string()
}

/// Complete `line` (the cursor at its end) in `shell`; the candidates.
fn complete(env: &TestEnv, shell: Shell, script: Script, line: &str) -> Vec<String> {
    let (program, args) = match shell {
        Shell::Bash => ("bash", bash_args(script, line)),
        Shell::Zsh => ("zsh", zsh_args(env, script, line)),
        Shell::Fish => ("fish", fish_args(script, line)),
    };
    require(program);
    let out = env
        .program("timeout", &[])
        .arg("60")
        .arg(program)
        .args(&args)
        .output()
        .expect("run the shell");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.trim().is_empty(),
        "{program} failed completing '{line}' ({}):\nstdout:\n{stdout}\nstderr:\n{stderr}",
        out.status
    );
    stdout
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// bash: load the script, then call the function registered for `hubint`
/// the way readline does (COMP_WORDS, COMP_CWORD, ...) and print COMPREPLY.
fn bash_args(script: Script, line: &str) -> Vec<String> {
    let load = match script {
        Script::Dynamic => "source <(hubint completions bash)".to_string(),
        Script::Static => format!("source '{}'", static_script("hubint.bash")),
    };
    let program = format!(
        r#"{load}
spec=$(complete -p hubint) || exit 3
fn=${{spec#* -F }}; fn=${{fn%% *}}
line=$1
read -ra COMP_WORDS <<<"$line"
[[ $line == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE=$line COMP_POINT=${{#line}} COMP_TYPE=9
COMPREPLY=()
"$fn" hubint "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}"
"#
    );
    ["--norc", "--noprofile", "-c", &program, "bash", line]
        .map(String::from)
        .to_vec()
}

/// fish: `complete -C` prints what TAB would offer.
fn fish_args(script: Script, line: &str) -> Vec<String> {
    let load = match script {
        Script::Dynamic => "hubint completions fish | source".to_string(),
        Script::Static => format!("source '{}'", static_script("hubint.fish")),
    };
    let program = format!("{load}; complete -C $argv[1]");
    ["--no-config", "-c", &program, line]
        .map(String::from)
        .to_vec()
}

/// zsh: completion only runs inside zle, so an interactive zsh runs in a
/// pseudo-terminal (zpty); `compadd` is wrapped to print every candidate
/// between two markers, and TAB is pressed after the line.
fn zsh_args(env: &TestEnv, script: Script, line: &str) -> Vec<String> {
    let load = match script {
        Script::Dynamic => "source <(hubint completions zsh)".to_string(),
        Script::Static => format!("fpath=('{}' $fpath); compinit -u -D", static_script("")),
    };
    let setup = env.path().join("setup.zsh");
    std::fs::write(
        &setup,
        format!(
            r#"PS1='' PROMPT='' RPROMPT=''
autoload -Uz compinit && compinit -u -D
{load}
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
bindkey '^I' complete-word
_hubint_test_begin() {{ print -r -- BEGIN-OF-CANDIDATES }}
_hubint_test_end() {{ print -r -- END-OF-CANDIDATES; exit }}
compprefuncs=(_hubint_test_begin)
comppostfuncs=(_hubint_test_end)
compadd() {{
  if [[ ${{@[1,(i)(-|--)]}} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
  local -a hits
  builtin compadd -A hits "$@"
  print -rl -- $hits
}}
"#
        ),
    )
    .expect("write setup.zsh");
    let driver = r#"zmodload zsh/zpty || exit 2
zpty z zsh -f -i
# The marker is computed, so the echo of the typed line does not match it.
zpty -w z "source ${(q)1}; print -r -- SETUP-\$((6*7))"
while zpty -r z line; do [[ $line == SETUP-42* ]] && break; done
zpty -w z "$2"$'\t'
integer on=0
while zpty -r z line; do
  line=${line%$'\r'}
  [[ $line == *END-OF-CANDIDATES* ]] && break
  (( on )) && print -r -- "$line"
  [[ $line == *BEGIN-OF-CANDIDATES* ]] && on=1
done
zpty -d z
"#;
    vec![
        "-f".into(),
        "-c".into(),
        driver.into(),
        "zsh".into(),
        setup.display().to_string(),
        line.into(),
    ]
}

/// What each command line must offer: exactly these, or at least these.
const DYNAMIC_CASES: &[(&str, bool, &[&str])] = &[
    (
        "hubint ",
        false,
        &["integration", "subscription", "add", "edit", "completions"],
    ),
    ("hubint ed", true, &["edit"]),
    ("hubint integration sh", true, &["show"]),
    ("hubint edit ", false, &["acme-registry", "dockerhub"]),
    ("hubint delete d", true, &["dockerhub"]),
    ("hubint show a", true, &["acme-registry"]),
    ("hubint integration edit d", true, &["dockerhub"]),
    ("hubint subscription attach t", true, &["team-a", "team-b"]),
    (
        "hubint subscription attach team-a a",
        true,
        &["acme-registry"],
    ),
    // Detach offers only what is attached to team-b, attach only the rest.
    (
        "hubint subscription detach team-b ",
        false,
        &["acme-registry"],
    ),
    ("hubint subscription attach team-b ", false, &["dockerhub"]),
    ("hubint list --subscription t", true, &["team-a", "team-b"]),
    (
        "hubint add --subscription team-",
        true,
        &["team-a", "team-b"],
    ),
    ("hubint add --family ", true, &["hub"]),
    (
        "hubint list --type ",
        true,
        &["docker", "ghcr", "quay", "gitlab", "acr", "gcr", "ecr"],
    ),
    ("hubint add --type g", true, &["ghcr", "gitlab", "gcr"]),
    ("hubint completions z", true, &["zsh"]),
];

fn check(shell: Shell, script: Script, env: &TestEnv, cases: &[(&str, bool, &[&str])]) {
    for (line, exact, expected) in cases {
        let got = complete(env, shell, script, line);
        if *exact {
            assert_eq!(&got, expected, "completing '{line}'");
        } else {
            for want in *expected {
                assert!(
                    got.iter().any(|g| g == want),
                    "'{line}': no {want} in {got:?}"
                );
            }
        }
        assert!(
            !got.iter().any(|g| g == "generate"),
            "'{line}': the hidden generate command is offered: {got:?}"
        );
    }
}

#[test]
fn bash_completes_commands_and_names() {
    needs_keyring!();
    needs_commands!("bash");
    check(Shell::Bash, Script::Dynamic, &populated(), DYNAMIC_CASES);
}

#[test]
fn zsh_completes_commands_and_names() {
    needs_keyring!();
    needs_commands!("zsh");
    check(Shell::Zsh, Script::Dynamic, &populated(), DYNAMIC_CASES);
}

#[test]
fn fish_completes_commands_and_names() {
    needs_keyring!();
    needs_commands!("fish");
    check(Shell::Fish, Script::Dynamic, &populated(), DYNAMIC_CASES);
}

/// The committed static scripts complete commands and flags (no names).
const STATIC_CASES: &[(&str, bool, &[&str])] = &[
    (
        "hubint ",
        false,
        &[
            "integration",
            "subscription",
            "add",
            "edit",
            "delete",
            "list",
            "show",
            "completions",
        ],
    ),
    ("hubint subscription ", false, &["attach", "detach", "list"]),
    (
        "hubint integration ",
        false,
        &["add", "edit", "delete", "list", "show"],
    ),
    (
        "hubint add --pass",
        false,
        &["--password-stdin", "--password-file"],
    ),
];

#[test]
fn static_scripts_complete_commands_in_every_shell() {
    needs_commands!("bash", "zsh", "fish");
    let env = TestEnv::new();
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        check(shell, Script::Static, &env, STATIC_CASES);
    }
}

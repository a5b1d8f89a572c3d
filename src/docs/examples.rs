//! Examples per command, shown at the end of `--help` and in the man pages.

/// One example: what it does, then the command line.
pub struct Example {
    pub about: &'static str,
    pub command: &'static str,
}

pub(super) const fn ex(about: &'static str, command: &'static str) -> Example {
    Example { about, command }
}

/// Examples per command, keyed by the command path without the program name
/// ("" is `hubint` itself).
pub const EXAMPLES: &[(&str, &[Example])] = &[
    (
        "",
        &[
            ex(
                "Add a Docker Hub login; the access token comes from standard input:",
                "hubint add --name dockerhub --username alice \\\n    --password-stdin < token.txt",
            ),
            ex(
                "Add a private registry and attach it to a subscription:",
                "hubint add --name acme --url registry.acme.test:5000 \\\n    --username ci --password-file acme.pw --subscription acme-ci",
            ),
            ex("List the integrations as JSON:", "hubint list --json"),
            ex(
                "Complete names in bash (add to ~/.bashrc):",
                "source <(hubint completions bash)",
            ),
        ],
    ),
    (
        "integration",
        &[
            ex(
                "List the integrations of one family:",
                "hubint integration list --family hub",
            ),
            ex(
                "The same commands work without the word integration:",
                "hubint show dockerhub",
            ),
        ],
    ),
    (
        "integration add",
        &[
            ex("On a terminal, prompt for everything:", "hubint add"),
            ex(
                "Without prompts, for Docker Hub:",
                "hubint add --name dockerhub --username alice \\\n    --password-stdin < token.txt",
            ),
            ex(
                "A private registry, attached to a subscription:",
                "hubint add --name acme --url registry.acme.test:5000 \\\n    --username ci --password-file acme.pw --subscription acme-ci",
            ),
        ],
    ),
    (
        "integration edit",
        &[
            ex(
                "Rename an integration:",
                "hubint edit dockerhub --name hub-alice",
            ),
            ex(
                "Replace its password:",
                "hubint edit acme --password-stdin < new-token.txt",
            ),
            ex(
                "Remove its email address:",
                "hubint edit dockerhub --clear-email",
            ),
        ],
    ),
    (
        "integration delete",
        &[
            ex("Delete without a prompt:", "hubint delete acme --yes"),
            ex(
                "Delete one still in use, detaching it everywhere:",
                "hubint delete acme --yes --detach-all",
            ),
        ],
    ),
    (
        "integration list",
        &[
            ex("List every integration:", "hubint list"),
            ex(
                "Those of one subscription, as JSON:",
                "hubint list --subscription acme-ci --json",
            ),
        ],
    ),
    (
        "integration show",
        &[
            ex("Show one integration:", "hubint show dockerhub"),
            ex("As JSON:", "hubint show dockerhub --json"),
        ],
    ),
    (
        "docker-config",
        &[
            ex(
                "Point docker, podman and skopeo at hubint (no password in the file):",
                "hubint docker-config",
            ),
            ex(
                "A config for one subscription's pipeline:",
                "hubint docker-config --subscription web-app --output auth.json\nexport HUBINT_SUBSCRIPTION=web-app\nskopeo inspect --authfile auth.json docker://reg.example.com/app",
            ),
        ],
    ),
    (
        "import",
        &[ex(
            "Move docker logins into hubint, then remove the plaintext:",
            "hubint import docker-config --scrub",
        )],
    ),
    (
        "import docker-config",
        &[
            ex(
                "Import ~/.docker/config.json:",
                "hubint import docker-config",
            ),
            ex(
                "Import a containers auth.json:",
                "hubint import docker-config \\\n    \"$XDG_RUNTIME_DIR/containers/auth.json\"",
            ),
        ],
    ),
    (
        "env",
        &[
            ex(
                "Load one integration into the shell:",
                "eval \"$(hubint env dockerhub)\"",
            ),
            ex(
                "The same in fish:",
                "hubint env dockerhub --shell fish | source",
            ),
        ],
    ),
    (
        "exec",
        &[ex(
            "Run a command with one integration in its environment:",
            "hubint exec dockerhub -- sh -c \\\n    'echo \"$DOCKERHUB_INTEGRATION_USERNAME\"'",
        )],
    ),
    (
        "install-helper",
        &[ex(
            "Install docker-credential-hubint next to hubint:",
            "hubint install-helper --dir ~/.local/bin",
        )],
    ),
    (
        "credential-helper",
        &[ex(
            "What docker runs on a pull:",
            "echo registry.example.com | hubint credential-helper get",
        )],
    ),
    (
        "doctor",
        &[
            ex(
                "Check everything; exit 7 if a problem is found:",
                "hubint doctor",
            ),
            ex(
                "Remove what interrupted operations left, tighten permissions:",
                "hubint doctor --fix",
            ),
            ex(
                "After moving a damaged database away, rebuild its integrations:",
                "hubint doctor --recover",
            ),
            ex(
                "Check the encrypted file store too, in a script:",
                "HUBINT_PASSPHRASE_FILE=~/.hubint-pass hubint doctor --json",
            ),
        ],
    ),
    (
        "integration move",
        &[
            ex(
                "Move one secret into the encrypted file store:",
                "export HUBINT_PASSPHRASE_FILE=~/.hubint-pass\nhubint move dockerhub --to file",
            ),
            ex(
                "Move every secret back to the OS keyring:",
                "hubint move --all --to keyring",
            ),
        ],
    ),
    (
        "config",
        &[ex(
            "Keep new secrets in the encrypted file store by default:",
            "hubint config set secret-store file",
        )],
    ),
    (
        "config get",
        &[ex(
            "Where new secrets go:",
            "hubint config get secret-store",
        )],
    ),
    (
        "config set",
        &[ex(
            "Let hubint choose (the keyring if there is one):",
            "hubint config set secret-store auto",
        )],
    ),
    (
        "config unset",
        &[ex(
            "Go back to the default store for new secrets:",
            "hubint config unset secret-store",
        )],
    ),
    (
        "config list",
        &[ex(
            "Every setting and where it comes from:",
            "hubint config list",
        )],
    ),
    (
        "secret-store",
        &[ex(
            "Change the passphrase of the encrypted file store:",
            "hubint secret-store passwd",
        )],
    ),
    (
        "secret-store passwd",
        &[ex(
            "Change it from a script:",
            "hubint secret-store passwd --new-passphrase-file new-pass.txt",
        )],
    ),
    (
        "integration verify",
        &[
            ex("Check that a login still works:", "hubint verify dockerhub"),
            ex(
                "Check them all from CI (exit 6 if any fails):",
                "hubint verify --all --json --timeout 10",
            ),
        ],
    ),
    (
        "subscription",
        &[ex(
            "Attach, then list:",
            "hubint subscription attach acme-ci dockerhub\nhubint subscription list",
        )],
    ),
    (
        "subscription attach",
        &[ex(
            "Attach dockerhub to acme-ci (created if missing):",
            "hubint subscription attach acme-ci dockerhub",
        )],
    ),
    (
        "subscription detach",
        &[ex(
            "Detach dockerhub from acme-ci:",
            "hubint subscription detach acme-ci dockerhub",
        )],
    ),
    (
        "subscription create",
        &[ex(
            "Create acme-ci before attaching anything:",
            "hubint subscription create acme-ci",
        )],
    ),
    (
        "subscription rename",
        &[ex(
            "Rename acme-ci to acme-prod:",
            "hubint subscription rename acme-ci acme-prod",
        )],
    ),
    (
        "subscription delete",
        &[
            ex(
                "Delete an empty subscription:",
                "hubint subscription delete acme-ci",
            ),
            ex(
                "Detach its integrations and delete it:",
                "hubint subscription delete acme-ci --detach-all",
            ),
            ex(
                "Delete it from a script, without a question:",
                "hubint subscription delete acme-ci --detach-all --yes",
            ),
        ],
    ),
    (
        "subscription list",
        &[
            ex(
                "List subscriptions and their integrations:",
                "hubint subscription list",
            ),
            ex("As JSON:", "hubint subscription list --json"),
        ],
    ),
    (
        "completions",
        &[
            ex(
                "bash (add to ~/.bashrc):",
                "source <(hubint completions bash)",
            ),
            ex(
                "zsh (add to ~/.zshrc, after compinit):",
                "source <(hubint completions zsh)",
            ),
            ex(
                "fish:",
                "hubint completions fish > ~/.config/fish/completions/hubint.fish",
            ),
        ],
    ),
    // The team store (src/team).
    (
        "team",
        &[ex(
            "Check the team store login (AppRole, from a CI job):",
            "export VAULT_ADDR=https://bao.example.com:8200\n\
             export HUBINT_TEAM_AUTH=approle HUBINT_TEAM_ROLE_ID=...\n\
             export HUBINT_TEAM_SECRET_ID_FILE=/run/secrets/secret-id\n\
             hubint team login",
        )],
    ),
    (
        "team login",
        &[
            ex(
                "Log in with the CI job's OIDC token (GitLab id_tokens):",
                "echo \"$VAULT_ID_TOKEN\" > id-token\n\
                 HUBINT_TEAM_AUTH=jwt HUBINT_TEAM_JWT_ROLE=ci \\\n  \
                 HUBINT_TEAM_JWT_FILE=id-token hubint team login",
            ),
            ex("As JSON (TTL and policies):", "hubint team login --json"),
        ],
    ),
    (
        "team policy",
        &[ex(
            "Let the CI token of acme-ci read only acme-ci's credentials:",
            "hubint team policy acme-ci | bao policy write hubint-acme-ci -\n\
             bao write auth/approle/role/acme-ci token_policies=hubint-acme-ci",
        )],
    ),
    (
        "team push",
        &[
            ex(
                "Copy this machine's integrations into the team store:",
                "HUBINT_TEAM_ADDR=https://bao.example.com:8200 hubint team push",
            ),
            ex(
                "Only count what would change:",
                "hubint team push --dry-run --json",
            ),
        ],
    ),
    (
        "team pull",
        &[
            ex(
                "Copy the team store's integrations here, passwords into the keyring:",
                "hubint team pull --secret-store keyring",
            ),
            ex("As JSON (counts):", "hubint team pull --json"),
        ],
    ),
];

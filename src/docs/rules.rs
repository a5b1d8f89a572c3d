//! What each command's man page says beyond its flags: its rules, and the
//! exit codes it can end with, in its own words. The full lists of
//! environment variables and files are on hubint(1) only.

use crate::error::Code::{self, *};

/// One command's rules and exit codes.
pub struct Page {
    pub rules: &'static [&'static str],
    pub exits: &'static [(Code, &'static str)],
}

const fn page(rules: &'static [&'static str], exits: &'static [(Code, &'static str)]) -> Page {
    Page { rules, exits }
}

const USAGE: (Code, &str) = (
    Usage,
    "a flag or value is missing or invalid; nothing changed",
);
const NO_INTEGRATION: (Code, &str) = (NotFound, "no integration has that name");
const STORE: (Code, &str) = (
    SecretStore,
    "the secret store cannot be reached, is locked, or its passphrase is missing or wrong; \
     nothing changed",
);
const CANCELLED: (Code, &str) = (Cancelled, "cancelled at a prompt; nothing changed");

/// Rules and exit codes per command path ("integration delete").
pub const PAGES: &[(&str, Page)] = &[
    (
        "integration add",
        page(
            &[
                "The name is unique (ignoring case): 1-64 letters, digits, '-', '_' and '.', \
                 starting with a letter or digit.",
                "The password is read from --password-stdin or --password-file, or asked for on \
                 a terminal; --password works but leaves it visible to other processes and in \
                 shell history.",
                "The password goes to the OS keyring, or to the encrypted file store when no \
                 keyring answers or --secret-store file is given; never to the database.",
                "Each --subscription is attached, and created if it does not exist yet.",
                "Without a terminal nothing is asked: a missing value is an error naming its flag.",
            ],
            &[
                USAGE,
                (Conflict, "an integration with that name already exists"),
                STORE,
                (
                    Code::VerifyFailed,
                    "with --verify: the registry rejected the login; nothing was saved",
                ),
                CANCELLED,
            ],
        ),
    ),
    (
        "integration edit",
        page(
            &[
                "Only the fields given change; the secret stays in the store it is in.",
                "A new name must be free (ignoring case); the secret keeps its id.",
                "--clear-email removes the email.",
            ],
            &[
                USAGE,
                NO_INTEGRATION,
                (
                    Conflict,
                    "the new name is taken, or another process changed the integration meanwhile",
                ),
                STORE,
                (
                    Code::VerifyFailed,
                    "with --verify: the registry rejected the login; nothing was saved",
                ),
                CANCELLED,
            ],
        ),
    ),
    (
        "integration delete",
        page(
            &[
                "An integration cannot be deleted while subscriptions use it: the refusal names \
                 them and the commands that detach it (exit 4).",
                "--detach-all detaches it from every subscription, then deletes it.",
                "On a terminal the deletion is confirmed first, unless --yes is given.",
                "The secret is removed from its store; if that fails after the row is gone, \
                 `hubint doctor --fix` removes it later.",
            ],
            &[
                NO_INTEGRATION,
                (
                    Conflict,
                    "subscriptions still use the integration (and --detach-all was not given)",
                ),
                STORE,
                CANCELLED,
            ],
        ),
    ),
    (
        "integration list",
        page(
            &[
                "A filter that names an unknown family, type or subscription is an error, not an \
                 empty list.",
                "On a terminal the table fits the window: UPDATED, then EMAIL, then STORE are \
                 left out, then long values are cut with '…'; --wide shows every column.",
                "When stdout is not a terminal: every column in full, tab-separated, one \
                 integration per line, no header line and no borders.",
                "Passwords are never shown; the secret store is not touched.",
            ],
            &[USAGE, (NotFound, "--subscription names no subscription")],
        ),
    ),
    (
        "integration show",
        page(
            &["The password is never shown, only the store that holds it."],
            &[NO_INTEGRATION],
        ),
    ),
    (
        "integration move",
        page(
            &[
                "The secret is written to the new store, the row switched, then the old copy \
                 removed: a crash at any point leaves a readable secret.",
            ],
            &[
                USAGE,
                NO_INTEGRATION,
                (
                    Conflict,
                    "another process changed the integration meanwhile",
                ),
                STORE,
            ],
        ),
    ),
    (
        "integration verify",
        page(
            &[
                "Logs in to the registry with the stored credentials and records the result; \
                 nothing else changes.",
            ],
            &[
                NO_INTEGRATION,
                STORE,
                (
                    Code::VerifyFailed,
                    "a login was rejected, or the registry could not be checked",
                ),
            ],
        ),
    ),
    (
        "subscription attach",
        page(
            &[
                "The subscription is created if it does not exist. When its name is close to an \
                 existing one (edit distance of at most 2, or the same ignoring case and \
                 punctuation), a warning names the close one; on a terminal hubint asks first.",
                "Attaching twice is not an error.",
            ],
            &[
                USAGE,
                NO_INTEGRATION,
                (Cancelled, "the new subscription was declined at the prompt"),
            ],
        ),
    ),
    (
        "subscription detach",
        page(
            &["The subscription stays, even with nothing attached."],
            &[(
                NotFound,
                "no such subscription or integration, or it is not attached",
            )],
        ),
    ),
    (
        "subscription create",
        page(
            &["Names follow the rules of integration names and are unique ignoring case."],
            &[USAGE, (Conflict, "a subscription with that name exists")],
        ),
    ),
    (
        "subscription rename",
        page(
            &["The integrations stay attached. A change of case alone is a rename."],
            &[
                USAGE,
                (NotFound, "no subscription has the old name"),
                (Conflict, "the new name is taken"),
            ],
        ),
    ),
    (
        "subscription delete",
        page(
            &[
                "A subscription cannot be deleted while integrations are attached: the refusal \
                 names them (exit 4). --detach-all detaches them first; the integrations stay.",
                "On a terminal the deletion is confirmed first, unless --yes is given: a whole \
                 line 'y', or, when --detach-all would detach integrations, the subscription's \
                 name typed. Keys typed before the question are discarded.",
                "Without a terminal (or with --no-input) nothing is asked: the deletion needs \
                 --yes.",
            ],
            &[
                (
                    Usage,
                    "no terminal to confirm on and --yes was not given; nothing changed",
                ),
                (NotFound, "no subscription has that name"),
                (
                    Conflict,
                    "integrations are attached (and --detach-all was not given)",
                ),
                CANCELLED,
            ],
        ),
    ),
    (
        "subscription list",
        page(
            &[
                "When stdout is not a terminal: tab-separated, one subscription per line, no header.",
            ],
            &[],
        ),
    ),
    (
        "env",
        page(
            &[
                "Variables are named <PREFIX>_INTEGRATION_USERNAME, _PASSWORD, _EMAIL and _URL. \
                 PREFIX is the name upper-cased, with every character that is not a letter, digit \
                 or '_' removed and leading digits dropped: my-key-1 gives MYKEY1, my_key_1 gives \
                 MY_KEY_1.",
                "A name that leaves nothing (only digits and punctuation) is an error.",
            ],
            &[
                (Usage, "the name gives no variable name"),
                NO_INTEGRATION,
                STORE,
            ],
        ),
    ),
    (
        "exec",
        page(
            &[
                "COMMAND gets the variables of hubint-env(1) in its environment, and nothing is \
                 written to disk. Its exit status is hubint's.",
            ],
            &[
                (Usage, "no COMMAND, or the name gives no variable name"),
                NO_INTEGRATION,
                STORE,
            ],
        ),
    ),
    (
        "docker-config",
        page(
            &[
                "--helper (the default) points each registry at docker-credential-hubint and \
                 writes no password; Docker Hub gets both of its names.",
                "--inline writes the passwords in plaintext (mode 0600), for throwaway containers.",
            ],
            &[(NotFound, "--subscription names no subscription"), STORE],
        ),
    ),
    (
        "install-helper",
        page(
            &["The directory should be on PATH; hubint says so when it is not."],
            &[(Conflict, "another file is in the way (use --force)")],
        ),
    ),
    (
        "doctor",
        page(
            &[
                "Without --fix nothing changes. A secret is only removed when hubint can prove it is garbage.",
            ],
            &[(
                DoctorProblems,
                "problems are left (each is printed with its fix)",
            )],
        ),
    ),
    (
        "config get",
        page(
            &["Prints the value in effect: from the environment, the config file, or the default."],
            &[(Usage, "no such setting")],
        ),
    ),
    (
        "config set",
        page(
            &[
                "Writes the config file (atomically); the environment still overrides it.",
                "The settings are the rows of ENVIRONMENT in hubint(1) that start with \"setting\": \
                 setting some-key is read from HUBINT_SOME_KEY. hubint config --help lists them \
                 with their defaults.",
            ],
            &[(Usage, "no such setting, or a value it does not take")],
        ),
    ),
    (
        "config unset",
        page(
            &[
                "Removes the setting from the config file (atomically): the environment, if it sets it, or the default applies again. A setting the file does not have is no error and changes nothing.",
            ],
            &[(Usage, "no such setting")],
        ),
    ),
    (
        "config list",
        page(
            &["Each setting with its value in effect and where that comes from."],
            &[],
        ),
    ),
    (
        "completions",
        page(
            &["The script calls hubint back on TAB, so names are always current."],
            &[(Usage, "an unknown shell")],
        ),
    ),
    (
        "import docker-config",
        page(
            &[
                "The whole file is checked first: a malformed file names the JSON path, and \
                 nothing is imported.",
                "--scrub removes the imported plaintext passwords after writing a 0600 backup \
                 beside the file.",
            ],
            &[
                (NotFound, "the file does not exist"),
                (Usage, "the file is malformed"),
                STORE,
            ],
        ),
    ),
    (
        "secret-store passwd",
        page(
            &[
                "The current passphrase comes from HUBINT_PASSPHRASE, HUBINT_PASSPHRASE_FILE or a \
                 prompt; the new one from a flag or a prompt (asked twice). The store is \
                 re-encrypted atomically.",
            ],
            &[
                (NotFound, "there is no encrypted file store yet"),
                STORE,
                CANCELLED,
            ],
        ),
    ),
    (
        "credential-helper",
        page(
            &[
                "Speaks the docker credential-helper protocol: store, get, erase, list, version. \
                 It never prompts; HUBINT_SUBSCRIPTION and HUBINT_INTEGRATION narrow what it \
                 serves.",
            ],
            &[(
                Failure,
                "the request failed; the message is on stdout, as docker expects",
            )],
        ),
    ),
];

/// The rules and exit codes of a command, if it has a page here.
pub fn page_of(path: &str) -> Option<&'static Page> {
    PAGES.iter().find(|(p, _)| *p == path).map(|(_, page)| page)
}

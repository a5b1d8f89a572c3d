
use builtin;
use str;

set edit:completion:arg-completer[hubint] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'hubint'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'hubint'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand integration 'Add, edit, delete, list, show and verify integrations'
            cand subscription 'Attach integrations to subscriptions, detach them, list subscriptions'
            cand config 'Get, set, unset and list settings in the config file'
            cand secret-store 'Manage the encrypted file secret store'
            cand add 'Add an integration; prompts for what is missing on a terminal'
            cand edit 'Change an integration''s name, registry, username, email or password'
            cand delete 'Delete an integration and its secret'
            cand list 'List integrations'
            cand show 'Show one integration (never its password)'
            cand verify 'Check credentials against their registry, as `docker login` does (exit 6 if any fails)'
            cand move 'Move secrets between the OS keyring and the encrypted file store'
            cand completions 'Print the script that enables shell completion, integration names included'
            cand docker-config 'Write a docker config.json that gives container tools the integrations'
            cand import 'Import credentials from other tools'' files'
            cand env 'Print one integration as environment variables (for `eval`)'
            cand exec 'Run a command with one integration in its environment'
            cand install-helper 'Install docker-credential-hubint (a symlink to hubint) into a directory'
            cand credential-helper 'Speak the Docker credential helper protocol (as docker-credential-hubint does)'
            cand doctor 'Check the database, the secret stores and docker''s config files; exit 7 on problems'
            cand team 'The team store on OpenBao or Vault: log in, print a subscription''s policy'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hubint;integration'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add an integration; prompts for what is missing on a terminal'
            cand edit 'Change an integration''s name, registry, username, email or password'
            cand delete 'Delete an integration and its secret'
            cand list 'List integrations'
            cand show 'Show one integration (never its password)'
            cand verify 'Check credentials against their registry, as `docker login` does (exit 6 if any fails)'
            cand move 'Move secrets between the OS keyring and the encrypted file store'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hubint;integration;add'= {
            cand --family 'Integration family (add: the new one''s, default hub; list: only this family)'
            cand --type 'Integration type: docker, ghcr, quay, gitlab, acr, gcr or ecr (add: the new one''s, default docker; list: only this type)'
            cand --name 'Unique name: 1-64 letters, digits, ''-'', ''_'', ''.'', starting with a letter or digit'
            cand --url 'Registry URL or host[:port] [default: Docker Hub]'
            cand --username 'Registry username'
            cand --email 'Email registered with the registry (optional)'
            cand --password-file 'Read the password from FILE (at most 16 KiB; one trailing newline is removed)'
            cand --password 'The password itself. Insecure: it is visible to other processes and kept in shell history. Prefer --password-stdin'
            cand --subscription 'Attach to this subscription, creating it if needed (repeatable)'
            cand --timeout 'Seconds the whole check may take [default: 15]'
            cand --secret-store 'Where to keep the password [default: HUBINT_SECRET_STORE, else the config file, else the OS keyring if there is one, else the encrypted file]'
            cand --password-stdin 'Read the password from standard input (at most 16 KiB; one trailing newline is removed)'
            cand --verify 'Check the credentials against the registry first (as `hubint verify`, with --timeout and --insecure) and refuse to save them if the check fails'
            cand --no-verify 'Save without checking (the default; overrides an earlier --verify)'
            cand --insecure 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;integration;edit'= {
            cand --name 'Rename the integration (its secret is kept)'
            cand --type 'Change the type (within the family); the registry becomes the type''s own unless --url is given. Not to or from ecr, whose secret is AWS keys'
            cand --url 'New registry URL or host[:port]'
            cand --username 'New registry username'
            cand --email 'New email address'
            cand --password-file 'Read the password from FILE (at most 16 KiB; one trailing newline is removed)'
            cand --password 'The password itself. Insecure: it is visible to other processes and kept in shell history. Prefer --password-stdin'
            cand --timeout 'Seconds the whole check may take [default: 15]'
            cand --clear-email 'Remove the email address'
            cand --password-stdin 'Read the password from standard input (at most 16 KiB; one trailing newline is removed)'
            cand --verify 'Check the credentials against the registry first (as `hubint verify`, with --timeout and --insecure) and refuse to save them if the check fails'
            cand --no-verify 'Save without checking (the default; overrides an earlier --verify)'
            cand --insecure 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)'
            cand --default 'Make this the registry''s default integration: the credential helper serves it when several integrations match the registry, also to tools that logged out of the registry without a subscription'
            cand --no-default 'Stop being the registry''s default integration'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;integration;delete'= {
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --detach-all 'Detach it from everything it is attached to, then delete it (what it was attached to is kept)'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;integration;list'= {
            cand --family 'Integration family (add: the new one''s, default hub; list: only this family)'
            cand --type 'Integration type: docker, ghcr, quay, gitlab, acr, gcr or ecr (add: the new one''s, default docker; list: only this type)'
            cand --subscription 'Only integrations attached to this subscription'
            cand --columns 'Only these columns, in this order (comma-separated)'
            cand --wide 'Show every column in full, even wider than the terminal'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;integration;show'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;integration;verify'= {
            cand --timeout 'Seconds the whole check may take [default: 15]'
            cand --all 'Check every integration'
            cand --insecure 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;integration;move'= {
            cand --to 'The store to move the secret to'
            cand --all 'Move the secret of every integration that is not in STORE yet'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;integration;help'= {
            cand add 'Add an integration; prompts for what is missing on a terminal'
            cand edit 'Change an integration''s name, registry, username, email or password'
            cand delete 'Delete an integration and its secret'
            cand list 'List integrations'
            cand show 'Show one integration (never its password)'
            cand verify 'Check credentials against their registry, as `docker login` does (exit 6 if any fails)'
            cand move 'Move secrets between the OS keyring and the encrypted file store'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hubint;integration;help;add'= {
        }
        &'hubint;integration;help;edit'= {
        }
        &'hubint;integration;help;delete'= {
        }
        &'hubint;integration;help;list'= {
        }
        &'hubint;integration;help;show'= {
        }
        &'hubint;integration;help;verify'= {
        }
        &'hubint;integration;help;move'= {
        }
        &'hubint;integration;help;help'= {
        }
        &'hubint;subscription'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand attach 'Attach an integration to a subscription (created on first attach)'
            cand detach 'Detach an integration from a subscription'
            cand create 'Create a subscription (attach also creates one on first use)'
            cand rename 'Rename a subscription'
            cand delete 'Delete a subscription; refused while integrations are attached, unless --detach-all'
            cand list 'List subscriptions and their integrations'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hubint;subscription;attach'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;subscription;detach'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;subscription;create'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;subscription;rename'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;subscription;delete'= {
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --detach-all 'Detach it from everything it is attached to, then delete it (what it was attached to is kept)'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;subscription;list'= {
            cand --wide 'Show every integration name in full, even wider than the terminal'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;subscription;help'= {
            cand attach 'Attach an integration to a subscription (created on first attach)'
            cand detach 'Detach an integration from a subscription'
            cand create 'Create a subscription (attach also creates one on first use)'
            cand rename 'Rename a subscription'
            cand delete 'Delete a subscription; refused while integrations are attached, unless --detach-all'
            cand list 'List subscriptions and their integrations'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hubint;subscription;help;attach'= {
        }
        &'hubint;subscription;help;detach'= {
        }
        &'hubint;subscription;help;create'= {
        }
        &'hubint;subscription;help;rename'= {
        }
        &'hubint;subscription;help;delete'= {
        }
        &'hubint;subscription;help;list'= {
        }
        &'hubint;subscription;help;help'= {
        }
        &'hubint;config'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand get 'Print the value of a setting in effect'
            cand set 'Change a setting in the config file'
            cand unset 'Remove a setting from the config file: the environment or the default applies again'
            cand list 'List every setting, its value in effect and where that comes from'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hubint;config;get'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;config;set'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;config;unset'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;config;list'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;config;help'= {
            cand get 'Print the value of a setting in effect'
            cand set 'Change a setting in the config file'
            cand unset 'Remove a setting from the config file: the environment or the default applies again'
            cand list 'List every setting, its value in effect and where that comes from'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hubint;config;help;get'= {
        }
        &'hubint;config;help;set'= {
        }
        &'hubint;config;help;unset'= {
        }
        &'hubint;config;help;list'= {
        }
        &'hubint;config;help;help'= {
        }
        &'hubint;secret-store'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand passwd 'Re-encrypt the encrypted file store under a new passphrase'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hubint;secret-store;passwd'= {
            cand --new-passphrase-file 'Read the new passphrase from FILE (at most 4 KiB; one trailing newline is removed)'
            cand --new-passphrase-stdin 'Read the new passphrase from standard input (at most 4 KiB; one trailing newline is removed)'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;secret-store;help'= {
            cand passwd 'Re-encrypt the encrypted file store under a new passphrase'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hubint;secret-store;help;passwd'= {
        }
        &'hubint;secret-store;help;help'= {
        }
        &'hubint;add'= {
            cand --family 'Integration family (add: the new one''s, default hub; list: only this family)'
            cand --type 'Integration type: docker, ghcr, quay, gitlab, acr, gcr or ecr (add: the new one''s, default docker; list: only this type)'
            cand --name 'Unique name: 1-64 letters, digits, ''-'', ''_'', ''.'', starting with a letter or digit'
            cand --url 'Registry URL or host[:port] [default: Docker Hub]'
            cand --username 'Registry username'
            cand --email 'Email registered with the registry (optional)'
            cand --password-file 'Read the password from FILE (at most 16 KiB; one trailing newline is removed)'
            cand --password 'The password itself. Insecure: it is visible to other processes and kept in shell history. Prefer --password-stdin'
            cand --subscription 'Attach to this subscription, creating it if needed (repeatable)'
            cand --timeout 'Seconds the whole check may take [default: 15]'
            cand --secret-store 'Where to keep the password [default: HUBINT_SECRET_STORE, else the config file, else the OS keyring if there is one, else the encrypted file]'
            cand --password-stdin 'Read the password from standard input (at most 16 KiB; one trailing newline is removed)'
            cand --verify 'Check the credentials against the registry first (as `hubint verify`, with --timeout and --insecure) and refuse to save them if the check fails'
            cand --no-verify 'Save without checking (the default; overrides an earlier --verify)'
            cand --insecure 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;edit'= {
            cand --name 'Rename the integration (its secret is kept)'
            cand --type 'Change the type (within the family); the registry becomes the type''s own unless --url is given. Not to or from ecr, whose secret is AWS keys'
            cand --url 'New registry URL or host[:port]'
            cand --username 'New registry username'
            cand --email 'New email address'
            cand --password-file 'Read the password from FILE (at most 16 KiB; one trailing newline is removed)'
            cand --password 'The password itself. Insecure: it is visible to other processes and kept in shell history. Prefer --password-stdin'
            cand --timeout 'Seconds the whole check may take [default: 15]'
            cand --clear-email 'Remove the email address'
            cand --password-stdin 'Read the password from standard input (at most 16 KiB; one trailing newline is removed)'
            cand --verify 'Check the credentials against the registry first (as `hubint verify`, with --timeout and --insecure) and refuse to save them if the check fails'
            cand --no-verify 'Save without checking (the default; overrides an earlier --verify)'
            cand --insecure 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)'
            cand --default 'Make this the registry''s default integration: the credential helper serves it when several integrations match the registry, also to tools that logged out of the registry without a subscription'
            cand --no-default 'Stop being the registry''s default integration'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;delete'= {
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --detach-all 'Detach it from everything it is attached to, then delete it (what it was attached to is kept)'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;list'= {
            cand --family 'Integration family (add: the new one''s, default hub; list: only this family)'
            cand --type 'Integration type: docker, ghcr, quay, gitlab, acr, gcr or ecr (add: the new one''s, default docker; list: only this type)'
            cand --subscription 'Only integrations attached to this subscription'
            cand --columns 'Only these columns, in this order (comma-separated)'
            cand --wide 'Show every column in full, even wider than the terminal'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;show'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;verify'= {
            cand --timeout 'Seconds the whole check may take [default: 15]'
            cand --all 'Check every integration'
            cand --insecure 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;move'= {
            cand --to 'The store to move the secret to'
            cand --all 'Move the secret of every integration that is not in STORE yet'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;completions'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;docker-config'= {
            cand --subscription 'Only the registries of the integrations attached to this subscription'
            cand -o 'The file to write [default: $DOCKER_CONFIG/config.json, else ~/.docker/config.json]'
            cand --output 'The file to write [default: $DOCKER_CONFIG/config.json, else ~/.docker/config.json]'
            cand --helper 'Point each registry at docker-credential-hubint in credHelpers (the default)'
            cand --inline 'Write the passwords base64-encoded in auths, for a throwaway CI container (the file is made 0600)'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;import'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand docker-config 'Import the logins of a docker config.json or a containers auth.json'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hubint;import;docker-config'= {
            cand --scrub 'Then remove the plaintext passwords from FILE (a backup is kept beside it)'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;import;help'= {
            cand docker-config 'Import the logins of a docker config.json or a containers auth.json'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hubint;import;help;docker-config'= {
        }
        &'hubint;import;help;help'= {
        }
        &'hubint;env'= {
            cand --shell 'The syntax to print: posix (sh, bash, dash, zsh) or fish [default: fish if $SHELL is fish, else posix]'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;exec'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;install-helper'= {
            cand --dir 'The directory to put docker-credential-hubint in; it should be on PATH [default: ~/.local/bin]'
            cand --force 'Replace an existing docker-credential-hubint that is not ours'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;credential-helper'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;doctor'= {
            cand --fix 'Repair what is safe to repair: remove the secrets left by an interrupted operation of this database, write the details kept next to each password, tighten permissions (an integration is never deleted, nor a secret hubint cannot prove is garbage)'
            cand --recover 'Rebuild the integrations the database lost (damaged, emptied or replaced) from the details kept next to their passwords in the secret stores'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;team'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Get a client token as team-auth says (or reuse the cached one); print its TTL and policies'
            cand policy 'Print the policy (HCL) that lets a token read exactly one subscription''s integrations'
            cand push 'Copy the local integrations, their secrets, subscriptions and links into the team store'
            cand pull 'Copy the team store''s integrations, secrets, subscriptions and links into the local catalog'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hubint;team;login'= {
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;team;policy'= {
            cand --write 'Write it to the team store as hubint-SUBSCRIPTION (needs a token that may manage policies); hubint then rewrites it whenever the subscription''s links change'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;team;push'= {
            cand --dry-run 'Count what would change, change nothing'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;team;pull'= {
            cand --secret-store 'Where to keep the passwords of new local integrations [default: HUBINT_SECRET_STORE, else the config file, else the OS keyring if there is one, else the encrypted file]'
            cand --dry-run 'Count what would change, change nothing'
            cand --json 'Print results as JSON on stdout'
            cand --no-input 'Never prompt; a missing value is an error naming its flag'
            cand --verbose 'Show raw errors (such as D-Bus''s) next to their plain-words explanation'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hubint;team;help'= {
            cand login 'Get a client token as team-auth says (or reuse the cached one); print its TTL and policies'
            cand policy 'Print the policy (HCL) that lets a token read exactly one subscription''s integrations'
            cand push 'Copy the local integrations, their secrets, subscriptions and links into the team store'
            cand pull 'Copy the team store''s integrations, secrets, subscriptions and links into the local catalog'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hubint;team;help;login'= {
        }
        &'hubint;team;help;policy'= {
        }
        &'hubint;team;help;push'= {
        }
        &'hubint;team;help;pull'= {
        }
        &'hubint;team;help;help'= {
        }
        &'hubint;help'= {
            cand integration 'Add, edit, delete, list, show and verify integrations'
            cand subscription 'Attach integrations to subscriptions, detach them, list subscriptions'
            cand config 'Get, set, unset and list settings in the config file'
            cand secret-store 'Manage the encrypted file secret store'
            cand add 'Add an integration; prompts for what is missing on a terminal'
            cand edit 'Change an integration''s name, registry, username, email or password'
            cand delete 'Delete an integration and its secret'
            cand list 'List integrations'
            cand show 'Show one integration (never its password)'
            cand verify 'Check credentials against their registry, as `docker login` does (exit 6 if any fails)'
            cand move 'Move secrets between the OS keyring and the encrypted file store'
            cand completions 'Print the script that enables shell completion, integration names included'
            cand docker-config 'Write a docker config.json that gives container tools the integrations'
            cand import 'Import credentials from other tools'' files'
            cand env 'Print one integration as environment variables (for `eval`)'
            cand exec 'Run a command with one integration in its environment'
            cand install-helper 'Install docker-credential-hubint (a symlink to hubint) into a directory'
            cand credential-helper 'Speak the Docker credential helper protocol (as docker-credential-hubint does)'
            cand doctor 'Check the database, the secret stores and docker''s config files; exit 7 on problems'
            cand team 'The team store on OpenBao or Vault: log in, print a subscription''s policy'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hubint;help;integration'= {
            cand add 'Add an integration; prompts for what is missing on a terminal'
            cand edit 'Change an integration''s name, registry, username, email or password'
            cand delete 'Delete an integration and its secret'
            cand list 'List integrations'
            cand show 'Show one integration (never its password)'
            cand verify 'Check credentials against their registry, as `docker login` does (exit 6 if any fails)'
            cand move 'Move secrets between the OS keyring and the encrypted file store'
        }
        &'hubint;help;integration;add'= {
        }
        &'hubint;help;integration;edit'= {
        }
        &'hubint;help;integration;delete'= {
        }
        &'hubint;help;integration;list'= {
        }
        &'hubint;help;integration;show'= {
        }
        &'hubint;help;integration;verify'= {
        }
        &'hubint;help;integration;move'= {
        }
        &'hubint;help;subscription'= {
            cand attach 'Attach an integration to a subscription (created on first attach)'
            cand detach 'Detach an integration from a subscription'
            cand create 'Create a subscription (attach also creates one on first use)'
            cand rename 'Rename a subscription'
            cand delete 'Delete a subscription; refused while integrations are attached, unless --detach-all'
            cand list 'List subscriptions and their integrations'
        }
        &'hubint;help;subscription;attach'= {
        }
        &'hubint;help;subscription;detach'= {
        }
        &'hubint;help;subscription;create'= {
        }
        &'hubint;help;subscription;rename'= {
        }
        &'hubint;help;subscription;delete'= {
        }
        &'hubint;help;subscription;list'= {
        }
        &'hubint;help;config'= {
            cand get 'Print the value of a setting in effect'
            cand set 'Change a setting in the config file'
            cand unset 'Remove a setting from the config file: the environment or the default applies again'
            cand list 'List every setting, its value in effect and where that comes from'
        }
        &'hubint;help;config;get'= {
        }
        &'hubint;help;config;set'= {
        }
        &'hubint;help;config;unset'= {
        }
        &'hubint;help;config;list'= {
        }
        &'hubint;help;secret-store'= {
            cand passwd 'Re-encrypt the encrypted file store under a new passphrase'
        }
        &'hubint;help;secret-store;passwd'= {
        }
        &'hubint;help;add'= {
        }
        &'hubint;help;edit'= {
        }
        &'hubint;help;delete'= {
        }
        &'hubint;help;list'= {
        }
        &'hubint;help;show'= {
        }
        &'hubint;help;verify'= {
        }
        &'hubint;help;move'= {
        }
        &'hubint;help;completions'= {
        }
        &'hubint;help;docker-config'= {
        }
        &'hubint;help;import'= {
            cand docker-config 'Import the logins of a docker config.json or a containers auth.json'
        }
        &'hubint;help;import;docker-config'= {
        }
        &'hubint;help;env'= {
        }
        &'hubint;help;exec'= {
        }
        &'hubint;help;install-helper'= {
        }
        &'hubint;help;credential-helper'= {
        }
        &'hubint;help;doctor'= {
        }
        &'hubint;help;team'= {
            cand login 'Get a client token as team-auth says (or reuse the cached one); print its TTL and policies'
            cand policy 'Print the policy (HCL) that lets a token read exactly one subscription''s integrations'
            cand push 'Copy the local integrations, their secrets, subscriptions and links into the team store'
            cand pull 'Copy the team store''s integrations, secrets, subscriptions and links into the local catalog'
        }
        &'hubint;help;team;login'= {
        }
        &'hubint;help;team;policy'= {
        }
        &'hubint;help;team;push'= {
        }
        &'hubint;help;team;pull'= {
        }
        &'hubint;help;help'= {
        }
    ]
    $completions[$command]
}

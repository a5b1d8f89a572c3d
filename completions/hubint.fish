# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hubint_global_optspecs
    string join \n json no-input h/help V/version
end

function __fish_hubint_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_hubint_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_hubint_using_subcommand
    set -l cmd (__fish_hubint_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c hubint -n "__fish_hubint_needs_command" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_needs_command" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hubint -n "__fish_hubint_needs_command" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "integration" -d 'Add, edit, delete, list, show and verify integrations'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "subscription" -d 'Attach integrations to subscriptions, detach them, list subscriptions'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "config" -d 'Get, set and list settings in the config file'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "secret-store" -d 'Manage the encrypted file secret store'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "add" -d 'Add an integration; prompts for what is missing on a terminal'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "edit" -d 'Change an integration\'s name, registry, username, email or password'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "delete" -d 'Delete an integration and its secret'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "list" -d 'List integrations'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "show" -d 'Show one integration (never its password)'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "verify" -d 'Check credentials against their registry, as `docker login` does (exit 6 if any fails)'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "move" -d 'Move secrets between the OS keyring and the encrypted file store'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "completions" -d 'Print the script that enables shell completion, integration names included'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "docker-config" -d 'Write a docker config.json that gives container tools the integrations'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "import" -d 'Import credentials from other tools\' files'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "env" -d 'Print one integration as environment variables (for `eval`)'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "exec" -d 'Run a command with one integration in its environment'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "install-helper" -d 'Install docker-credential-hubint (a symlink to hubint) into a directory'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "credential-helper" -d 'Speak the Docker credential helper protocol (as docker-credential-hubint does)'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "doctor" -d 'Check the database, the secret stores and docker\'s config files; exit 7 on problems'
complete -c hubint -n "__fish_hubint_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and not __fish_seen_subcommand_from add edit delete list show verify move help" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and not __fish_seen_subcommand_from add edit delete list show verify move help" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and not __fish_seen_subcommand_from add edit delete list show verify move help" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and not __fish_seen_subcommand_from add edit delete list show verify move help" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and not __fish_seen_subcommand_from add edit delete list show verify move help" -f -a "add" -d 'Add an integration; prompts for what is missing on a terminal'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and not __fish_seen_subcommand_from add edit delete list show verify move help" -f -a "edit" -d 'Change an integration\'s name, registry, username, email or password'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and not __fish_seen_subcommand_from add edit delete list show verify move help" -f -a "delete" -d 'Delete an integration and its secret'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and not __fish_seen_subcommand_from add edit delete list show verify move help" -f -a "list" -d 'List integrations'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and not __fish_seen_subcommand_from add edit delete list show verify move help" -f -a "show" -d 'Show one integration (never its password)'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and not __fish_seen_subcommand_from add edit delete list show verify move help" -f -a "verify" -d 'Check credentials against their registry, as `docker login` does (exit 6 if any fails)'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and not __fish_seen_subcommand_from add edit delete list show verify move help" -f -a "move" -d 'Move secrets between the OS keyring and the encrypted file store'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and not __fish_seen_subcommand_from add edit delete list show verify move help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -l family -d 'Integration family [default: hub]' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -l type -d 'Integration type within the family [default: docker]' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -l name -d 'Unique name: 1-64 letters, digits, \'-\', \'_\', \'.\', starting with a letter or digit' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -l url -d 'Registry URL or host[:port] [default: Docker Hub]' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -l username -d 'Registry username' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -l email -d 'Email registered with the registry (optional)' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -l password-file -d 'Read the password from FILE (one trailing newline is removed)' -r -F
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -l password -d 'The password itself. Insecure: it is visible to other processes and kept in shell history. Prefer --password-stdin' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -l subscription -d 'Attach to this subscription, creating it if needed (repeatable)' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -l timeout -d 'Seconds the whole check may take [default: 15]' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -l secret-store -d 'Where to keep the password [default: HUBINT_SECRET_STORE, else the config file, else the OS keyring if it answers, else the encrypted file]' -r -f -a "keyring\t'The OS keyring: Secret Service, macOS Keychain or Windows Credential Manager'
file\t'One age-encrypted file in the data directory, unlocked with a passphrase'"
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -l password-stdin -d 'Read the password from standard input (one trailing newline is removed)'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -l verify -d 'Check the credentials against the registry first (as `hubint verify`, with --timeout and --insecure) and refuse to save them if the check fails'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -l no-verify -d 'Save without checking (the default; overrides an earlier --verify)'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -l insecure -d 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -l name -d 'Rename the integration (its secret is kept)' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -l url -d 'New registry URL or host[:port]' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -l username -d 'New registry username' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -l email -d 'New email address' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -l password-file -d 'Read the password from FILE (one trailing newline is removed)' -r -F
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -l password -d 'The password itself. Insecure: it is visible to other processes and kept in shell history. Prefer --password-stdin' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -l timeout -d 'Seconds the whole check may take [default: 15]' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -l clear-email -d 'Remove the email address'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -l password-stdin -d 'Read the password from standard input (one trailing newline is removed)'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -l verify -d 'Check the credentials against the registry first (as `hubint verify`, with --timeout and --insecure) and refuse to save them if the check fails'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -l no-verify -d 'Save without checking (the default; overrides an earlier --verify)'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -l insecure -d 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -l default -d 'Make this the registry\'s default integration: the credential helper serves it when several integrations match the registry, also to tools that logged out of the registry without a subscription'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -l no-default -d 'Stop being the registry\'s default integration'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from edit" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from delete" -l detach-all -d 'Detach the integration from every subscription that uses it, then delete it'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from delete" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from list" -l family -d 'Only integrations of this family' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from list" -l type -d 'Only integrations of this type' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from list" -l subscription -d 'Only integrations attached to this subscription' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from list" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from show" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from verify" -l timeout -d 'Seconds the whole check may take [default: 15]' -r
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from verify" -l all -d 'Check every integration'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from verify" -l insecure -d 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from verify" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from verify" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from move" -l to -d 'The store to move the secret to' -r -f -a "keyring\t'The OS keyring: Secret Service, macOS Keychain or Windows Credential Manager'
file\t'One age-encrypted file in the data directory, unlocked with a passphrase'"
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from move" -l all -d 'Move the secret of every integration that is not in STORE yet'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from move" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from move" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from move" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from move" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add an integration; prompts for what is missing on a terminal'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change an integration\'s name, registry, username, email or password'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an integration and its secret'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from help" -f -a "list" -d 'List integrations'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one integration (never its password)'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check credentials against their registry, as `docker login` does (exit 6 if any fails)'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from help" -f -a "move" -d 'Move secrets between the OS keyring and the encrypted file store'
complete -c hubint -n "__fish_hubint_using_subcommand integration; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and not __fish_seen_subcommand_from attach detach list help" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and not __fish_seen_subcommand_from attach detach list help" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and not __fish_seen_subcommand_from attach detach list help" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and not __fish_seen_subcommand_from attach detach list help" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and not __fish_seen_subcommand_from attach detach list help" -f -a "attach" -d 'Attach an integration to a subscription (created on first attach)'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and not __fish_seen_subcommand_from attach detach list help" -f -a "detach" -d 'Detach an integration from a subscription'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and not __fish_seen_subcommand_from attach detach list help" -f -a "list" -d 'List subscriptions and their integrations'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and not __fish_seen_subcommand_from attach detach list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and __fish_seen_subcommand_from attach" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and __fish_seen_subcommand_from attach" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and __fish_seen_subcommand_from attach" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and __fish_seen_subcommand_from attach" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and __fish_seen_subcommand_from detach" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and __fish_seen_subcommand_from detach" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and __fish_seen_subcommand_from detach" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and __fish_seen_subcommand_from detach" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and __fish_seen_subcommand_from list" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and __fish_seen_subcommand_from help" -f -a "attach" -d 'Attach an integration to a subscription (created on first attach)'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and __fish_seen_subcommand_from help" -f -a "detach" -d 'Detach an integration from a subscription'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and __fish_seen_subcommand_from help" -f -a "list" -d 'List subscriptions and their integrations'
complete -c hubint -n "__fish_hubint_using_subcommand subscription; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hubint -n "__fish_hubint_using_subcommand config; and not __fish_seen_subcommand_from get set list help" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand config; and not __fish_seen_subcommand_from get set list help" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand config; and not __fish_seen_subcommand_from get set list help" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand config; and not __fish_seen_subcommand_from get set list help" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand config; and not __fish_seen_subcommand_from get set list help" -f -a "get" -d 'Print the value of a setting in effect'
complete -c hubint -n "__fish_hubint_using_subcommand config; and not __fish_seen_subcommand_from get set list help" -f -a "set" -d 'Change a setting in the config file'
complete -c hubint -n "__fish_hubint_using_subcommand config; and not __fish_seen_subcommand_from get set list help" -f -a "list" -d 'List every setting, its value in effect and where that comes from'
complete -c hubint -n "__fish_hubint_using_subcommand config; and not __fish_seen_subcommand_from get set list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hubint -n "__fish_hubint_using_subcommand config; and __fish_seen_subcommand_from get" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand config; and __fish_seen_subcommand_from get" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand config; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand config; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand config; and __fish_seen_subcommand_from list" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand config; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand config; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print the value of a setting in effect'
complete -c hubint -n "__fish_hubint_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change a setting in the config file'
complete -c hubint -n "__fish_hubint_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "list" -d 'List every setting, its value in effect and where that comes from'
complete -c hubint -n "__fish_hubint_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hubint -n "__fish_hubint_using_subcommand secret-store; and not __fish_seen_subcommand_from passwd help" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand secret-store; and not __fish_seen_subcommand_from passwd help" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand secret-store; and not __fish_seen_subcommand_from passwd help" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand secret-store; and not __fish_seen_subcommand_from passwd help" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand secret-store; and not __fish_seen_subcommand_from passwd help" -f -a "passwd" -d 'Re-encrypt the encrypted file store under a new passphrase'
complete -c hubint -n "__fish_hubint_using_subcommand secret-store; and not __fish_seen_subcommand_from passwd help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hubint -n "__fish_hubint_using_subcommand secret-store; and __fish_seen_subcommand_from passwd" -l new-passphrase-file -d 'Read the new passphrase from FILE (one trailing newline is removed)' -r -F
complete -c hubint -n "__fish_hubint_using_subcommand secret-store; and __fish_seen_subcommand_from passwd" -l new-passphrase-stdin -d 'Read the new passphrase from standard input (one trailing newline is removed)'
complete -c hubint -n "__fish_hubint_using_subcommand secret-store; and __fish_seen_subcommand_from passwd" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand secret-store; and __fish_seen_subcommand_from passwd" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand secret-store; and __fish_seen_subcommand_from passwd" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hubint -n "__fish_hubint_using_subcommand secret-store; and __fish_seen_subcommand_from passwd" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand secret-store; and __fish_seen_subcommand_from help" -f -a "passwd" -d 'Re-encrypt the encrypted file store under a new passphrase'
complete -c hubint -n "__fish_hubint_using_subcommand secret-store; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hubint -n "__fish_hubint_using_subcommand add" -l family -d 'Integration family [default: hub]' -r
complete -c hubint -n "__fish_hubint_using_subcommand add" -l type -d 'Integration type within the family [default: docker]' -r
complete -c hubint -n "__fish_hubint_using_subcommand add" -l name -d 'Unique name: 1-64 letters, digits, \'-\', \'_\', \'.\', starting with a letter or digit' -r
complete -c hubint -n "__fish_hubint_using_subcommand add" -l url -d 'Registry URL or host[:port] [default: Docker Hub]' -r
complete -c hubint -n "__fish_hubint_using_subcommand add" -l username -d 'Registry username' -r
complete -c hubint -n "__fish_hubint_using_subcommand add" -l email -d 'Email registered with the registry (optional)' -r
complete -c hubint -n "__fish_hubint_using_subcommand add" -l password-file -d 'Read the password from FILE (one trailing newline is removed)' -r -F
complete -c hubint -n "__fish_hubint_using_subcommand add" -l password -d 'The password itself. Insecure: it is visible to other processes and kept in shell history. Prefer --password-stdin' -r
complete -c hubint -n "__fish_hubint_using_subcommand add" -l subscription -d 'Attach to this subscription, creating it if needed (repeatable)' -r
complete -c hubint -n "__fish_hubint_using_subcommand add" -l timeout -d 'Seconds the whole check may take [default: 15]' -r
complete -c hubint -n "__fish_hubint_using_subcommand add" -l secret-store -d 'Where to keep the password [default: HUBINT_SECRET_STORE, else the config file, else the OS keyring if it answers, else the encrypted file]' -r -f -a "keyring\t'The OS keyring: Secret Service, macOS Keychain or Windows Credential Manager'
file\t'One age-encrypted file in the data directory, unlocked with a passphrase'"
complete -c hubint -n "__fish_hubint_using_subcommand add" -l password-stdin -d 'Read the password from standard input (one trailing newline is removed)'
complete -c hubint -n "__fish_hubint_using_subcommand add" -l verify -d 'Check the credentials against the registry first (as `hubint verify`, with --timeout and --insecure) and refuse to save them if the check fails'
complete -c hubint -n "__fish_hubint_using_subcommand add" -l no-verify -d 'Save without checking (the default; overrides an earlier --verify)'
complete -c hubint -n "__fish_hubint_using_subcommand add" -l insecure -d 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)'
complete -c hubint -n "__fish_hubint_using_subcommand add" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand add" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hubint -n "__fish_hubint_using_subcommand add" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand edit" -l name -d 'Rename the integration (its secret is kept)' -r
complete -c hubint -n "__fish_hubint_using_subcommand edit" -l url -d 'New registry URL or host[:port]' -r
complete -c hubint -n "__fish_hubint_using_subcommand edit" -l username -d 'New registry username' -r
complete -c hubint -n "__fish_hubint_using_subcommand edit" -l email -d 'New email address' -r
complete -c hubint -n "__fish_hubint_using_subcommand edit" -l password-file -d 'Read the password from FILE (one trailing newline is removed)' -r -F
complete -c hubint -n "__fish_hubint_using_subcommand edit" -l password -d 'The password itself. Insecure: it is visible to other processes and kept in shell history. Prefer --password-stdin' -r
complete -c hubint -n "__fish_hubint_using_subcommand edit" -l timeout -d 'Seconds the whole check may take [default: 15]' -r
complete -c hubint -n "__fish_hubint_using_subcommand edit" -l clear-email -d 'Remove the email address'
complete -c hubint -n "__fish_hubint_using_subcommand edit" -l password-stdin -d 'Read the password from standard input (one trailing newline is removed)'
complete -c hubint -n "__fish_hubint_using_subcommand edit" -l verify -d 'Check the credentials against the registry first (as `hubint verify`, with --timeout and --insecure) and refuse to save them if the check fails'
complete -c hubint -n "__fish_hubint_using_subcommand edit" -l no-verify -d 'Save without checking (the default; overrides an earlier --verify)'
complete -c hubint -n "__fish_hubint_using_subcommand edit" -l insecure -d 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)'
complete -c hubint -n "__fish_hubint_using_subcommand edit" -l default -d 'Make this the registry\'s default integration: the credential helper serves it when several integrations match the registry, also to tools that logged out of the registry without a subscription'
complete -c hubint -n "__fish_hubint_using_subcommand edit" -l no-default -d 'Stop being the registry\'s default integration'
complete -c hubint -n "__fish_hubint_using_subcommand edit" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand edit" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand edit" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand edit" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c hubint -n "__fish_hubint_using_subcommand delete" -l detach-all -d 'Detach the integration from every subscription that uses it, then delete it'
complete -c hubint -n "__fish_hubint_using_subcommand delete" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand delete" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand delete" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand delete" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand list" -l family -d 'Only integrations of this family' -r
complete -c hubint -n "__fish_hubint_using_subcommand list" -l type -d 'Only integrations of this type' -r
complete -c hubint -n "__fish_hubint_using_subcommand list" -l subscription -d 'Only integrations attached to this subscription' -r
complete -c hubint -n "__fish_hubint_using_subcommand list" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand list" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand list" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand list" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand show" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand show" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand show" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand show" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand verify" -l timeout -d 'Seconds the whole check may take [default: 15]' -r
complete -c hubint -n "__fish_hubint_using_subcommand verify" -l all -d 'Check every integration'
complete -c hubint -n "__fish_hubint_using_subcommand verify" -l insecure -d 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)'
complete -c hubint -n "__fish_hubint_using_subcommand verify" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand verify" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand verify" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand verify" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand move" -l to -d 'The store to move the secret to' -r -f -a "keyring\t'The OS keyring: Secret Service, macOS Keychain or Windows Credential Manager'
file\t'One age-encrypted file in the data directory, unlocked with a passphrase'"
complete -c hubint -n "__fish_hubint_using_subcommand move" -l all -d 'Move the secret of every integration that is not in STORE yet'
complete -c hubint -n "__fish_hubint_using_subcommand move" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand move" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand move" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hubint -n "__fish_hubint_using_subcommand move" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand completions" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand completions" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand completions" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand completions" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand docker-config" -l subscription -d 'Only the registries of the integrations attached to this subscription' -r
complete -c hubint -n "__fish_hubint_using_subcommand docker-config" -s o -l output -d 'The file to write [default: $DOCKER_CONFIG/config.json, else ~/.docker/config.json]' -r -F
complete -c hubint -n "__fish_hubint_using_subcommand docker-config" -l helper -d 'Point each registry at docker-credential-hubint in credHelpers (the default)'
complete -c hubint -n "__fish_hubint_using_subcommand docker-config" -l inline -d 'Write the passwords base64-encoded in auths, for a throwaway CI container (the file is made 0600)'
complete -c hubint -n "__fish_hubint_using_subcommand docker-config" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand docker-config" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand docker-config" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand docker-config" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand import; and not __fish_seen_subcommand_from docker-config help" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand import; and not __fish_seen_subcommand_from docker-config help" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand import; and not __fish_seen_subcommand_from docker-config help" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand import; and not __fish_seen_subcommand_from docker-config help" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand import; and not __fish_seen_subcommand_from docker-config help" -f -a "docker-config" -d 'Import the logins of a docker config.json or a containers auth.json'
complete -c hubint -n "__fish_hubint_using_subcommand import; and not __fish_seen_subcommand_from docker-config help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hubint -n "__fish_hubint_using_subcommand import; and __fish_seen_subcommand_from docker-config" -l scrub -d 'Then remove the plaintext passwords from FILE (a backup is kept beside it)'
complete -c hubint -n "__fish_hubint_using_subcommand import; and __fish_seen_subcommand_from docker-config" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand import; and __fish_seen_subcommand_from docker-config" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand import; and __fish_seen_subcommand_from docker-config" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand import; and __fish_seen_subcommand_from docker-config" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand import; and __fish_seen_subcommand_from help" -f -a "docker-config" -d 'Import the logins of a docker config.json or a containers auth.json'
complete -c hubint -n "__fish_hubint_using_subcommand import; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hubint -n "__fish_hubint_using_subcommand env" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand env" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand env" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand env" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand exec" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand exec" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand exec" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand exec" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand install-helper" -l dir -d 'The directory to put docker-credential-hubint in; it should be on PATH [default: ~/.local/bin]' -r -F
complete -c hubint -n "__fish_hubint_using_subcommand install-helper" -l force -d 'Replace an existing docker-credential-hubint that is not ours'
complete -c hubint -n "__fish_hubint_using_subcommand install-helper" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand install-helper" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand install-helper" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand install-helper" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand credential-helper" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand credential-helper" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand credential-helper" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand credential-helper" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand doctor" -l fix -d 'Repair what is safe to repair: remove orphan secrets and tighten permissions (an integration is never deleted)'
complete -c hubint -n "__fish_hubint_using_subcommand doctor" -l json -d 'Print results as JSON on stdout'
complete -c hubint -n "__fish_hubint_using_subcommand doctor" -l no-input -d 'Never prompt; a missing value is an error naming its flag'
complete -c hubint -n "__fish_hubint_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c hubint -n "__fish_hubint_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "integration" -d 'Add, edit, delete, list, show and verify integrations'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "subscription" -d 'Attach integrations to subscriptions, detach them, list subscriptions'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "config" -d 'Get, set and list settings in the config file'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "secret-store" -d 'Manage the encrypted file secret store'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "add" -d 'Add an integration; prompts for what is missing on a terminal'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "edit" -d 'Change an integration\'s name, registry, username, email or password'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "delete" -d 'Delete an integration and its secret'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "list" -d 'List integrations'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "show" -d 'Show one integration (never its password)'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "verify" -d 'Check credentials against their registry, as `docker login` does (exit 6 if any fails)'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "move" -d 'Move secrets between the OS keyring and the encrypted file store'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "completions" -d 'Print the script that enables shell completion, integration names included'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "docker-config" -d 'Write a docker config.json that gives container tools the integrations'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "import" -d 'Import credentials from other tools\' files'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "env" -d 'Print one integration as environment variables (for `eval`)'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "exec" -d 'Run a command with one integration in its environment'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "install-helper" -d 'Install docker-credential-hubint (a symlink to hubint) into a directory'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "credential-helper" -d 'Speak the Docker credential helper protocol (as docker-credential-hubint does)'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "doctor" -d 'Check the database, the secret stores and docker\'s config files; exit 7 on problems'
complete -c hubint -n "__fish_hubint_using_subcommand help; and not __fish_seen_subcommand_from integration subscription config secret-store add edit delete list show verify move completions docker-config import env exec install-helper credential-helper doctor help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hubint -n "__fish_hubint_using_subcommand help; and __fish_seen_subcommand_from integration" -f -a "add" -d 'Add an integration; prompts for what is missing on a terminal'
complete -c hubint -n "__fish_hubint_using_subcommand help; and __fish_seen_subcommand_from integration" -f -a "edit" -d 'Change an integration\'s name, registry, username, email or password'
complete -c hubint -n "__fish_hubint_using_subcommand help; and __fish_seen_subcommand_from integration" -f -a "delete" -d 'Delete an integration and its secret'
complete -c hubint -n "__fish_hubint_using_subcommand help; and __fish_seen_subcommand_from integration" -f -a "list" -d 'List integrations'
complete -c hubint -n "__fish_hubint_using_subcommand help; and __fish_seen_subcommand_from integration" -f -a "show" -d 'Show one integration (never its password)'
complete -c hubint -n "__fish_hubint_using_subcommand help; and __fish_seen_subcommand_from integration" -f -a "verify" -d 'Check credentials against their registry, as `docker login` does (exit 6 if any fails)'
complete -c hubint -n "__fish_hubint_using_subcommand help; and __fish_seen_subcommand_from integration" -f -a "move" -d 'Move secrets between the OS keyring and the encrypted file store'
complete -c hubint -n "__fish_hubint_using_subcommand help; and __fish_seen_subcommand_from subscription" -f -a "attach" -d 'Attach an integration to a subscription (created on first attach)'
complete -c hubint -n "__fish_hubint_using_subcommand help; and __fish_seen_subcommand_from subscription" -f -a "detach" -d 'Detach an integration from a subscription'
complete -c hubint -n "__fish_hubint_using_subcommand help; and __fish_seen_subcommand_from subscription" -f -a "list" -d 'List subscriptions and their integrations'
complete -c hubint -n "__fish_hubint_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print the value of a setting in effect'
complete -c hubint -n "__fish_hubint_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Change a setting in the config file'
complete -c hubint -n "__fish_hubint_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'List every setting, its value in effect and where that comes from'
complete -c hubint -n "__fish_hubint_using_subcommand help; and __fish_seen_subcommand_from secret-store" -f -a "passwd" -d 'Re-encrypt the encrypted file store under a new passphrase'
complete -c hubint -n "__fish_hubint_using_subcommand help; and __fish_seen_subcommand_from import" -f -a "docker-config" -d 'Import the logins of a docker config.json or a containers auth.json'


using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'hubint' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'hubint'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'hubint' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('integration', 'integration', [CompletionResultType]::ParameterValue, 'Add, edit, delete, list, show and verify integrations')
            [CompletionResult]::new('subscription', 'subscription', [CompletionResultType]::ParameterValue, 'Attach integrations to subscriptions, detach them, list subscriptions')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Get, set, unset and list settings in the config file')
            [CompletionResult]::new('secret-store', 'secret-store', [CompletionResultType]::ParameterValue, 'Manage the encrypted file secret store')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an integration; prompts for what is missing on a terminal')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an integration''s name, registry, username, email or password')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an integration and its secret')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List integrations')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one integration (never its password)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check credentials against their registry, as `docker login` does (exit 6 if any fails)')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move secrets between the OS keyring and the encrypted file store')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the script that enables shell completion, integration names included')
            [CompletionResult]::new('docker-config', 'docker-config', [CompletionResultType]::ParameterValue, 'Write a docker config.json that gives container tools the integrations')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import credentials from other tools'' files')
            [CompletionResult]::new('env', 'env', [CompletionResultType]::ParameterValue, 'Print one integration as environment variables (for `eval`)')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command with one integration in its environment')
            [CompletionResult]::new('install-helper', 'install-helper', [CompletionResultType]::ParameterValue, 'Install docker-credential-hubint (a symlink to hubint) into a directory')
            [CompletionResult]::new('credential-helper', 'credential-helper', [CompletionResultType]::ParameterValue, 'Speak the Docker credential helper protocol (as docker-credential-hubint does)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the database, the secret stores and docker''s config files; exit 7 on problems')
            [CompletionResult]::new('team', 'team', [CompletionResultType]::ParameterValue, 'The team store on OpenBao or Vault: log in, print a subscription''s policy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hubint;integration' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an integration; prompts for what is missing on a terminal')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an integration''s name, registry, username, email or password')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an integration and its secret')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List integrations')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one integration (never its password)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check credentials against their registry, as `docker login` does (exit 6 if any fails)')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move secrets between the OS keyring and the encrypted file store')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hubint;integration;add' {
            [CompletionResult]::new('--family', '--family', [CompletionResultType]::ParameterName, 'Integration family (add: the new one''s, default hub; list: only this family)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Integration type: docker, ghcr, quay, gitlab, acr, gcr or ecr (add: the new one''s, default docker; list: only this type)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Unique name: 1-64 letters, digits, ''-'', ''_'', ''.'', starting with a letter or digit')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Registry URL or host[:port] [default: Docker Hub]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email registered with the registry (optional)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from FILE (at most 16 KiB; one trailing newline is removed)')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'The password itself. Insecure: it is visible to other processes and kept in shell history. Prefer --password-stdin')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Attach to this subscription, creating it if needed (repeatable)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds the whole check may take [default: 15]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where to keep the password [default: HUBINT_SECRET_STORE, else the config file, else the OS keyring if there is one, else the encrypted file]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input (at most 16 KiB; one trailing newline is removed)')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the credentials against the registry first (as `hubint verify`, with --timeout and --insecure) and refuse to save them if the check fails')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Save without checking (the default; overrides an earlier --verify)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;integration;edit' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Rename the integration (its secret is kept)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Change the type (within the family); the registry becomes the type''s own unless --url is given. Not to or from ecr, whose secret is AWS keys')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'New registry URL or host[:port]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'New registry username')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'New email address')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from FILE (at most 16 KiB; one trailing newline is removed)')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'The password itself. Insecure: it is visible to other processes and kept in shell history. Prefer --password-stdin')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds the whole check may take [default: 15]')
            [CompletionResult]::new('--clear-email', '--clear-email', [CompletionResultType]::ParameterName, 'Remove the email address')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input (at most 16 KiB; one trailing newline is removed)')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the credentials against the registry first (as `hubint verify`, with --timeout and --insecure) and refuse to save them if the check fails')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Save without checking (the default; overrides an earlier --verify)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)')
            [CompletionResult]::new('--default', '--default', [CompletionResultType]::ParameterName, 'Make this the registry''s default integration: the credential helper serves it when several integrations match the registry, also to tools that logged out of the registry without a subscription')
            [CompletionResult]::new('--no-default', '--no-default', [CompletionResultType]::ParameterName, 'Stop being the registry''s default integration')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;integration;delete' {
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--detach-all', '--detach-all', [CompletionResultType]::ParameterName, 'Detach it from everything it is attached to, then delete it (what it was attached to is kept)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;integration;list' {
            [CompletionResult]::new('--family', '--family', [CompletionResultType]::ParameterName, 'Integration family (add: the new one''s, default hub; list: only this family)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Integration type: docker, ghcr, quay, gitlab, acr, gcr or ecr (add: the new one''s, default docker; list: only this type)')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Only integrations attached to this subscription')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Only these columns, in this order (comma-separated)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column in full, even wider than the terminal')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;integration;show' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;integration;verify' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds the whole check may take [default: 15]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Check every integration')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;integration;move' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The store to move the secret to')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Move the secret of every integration that is not in STORE yet')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;integration;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an integration; prompts for what is missing on a terminal')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an integration''s name, registry, username, email or password')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an integration and its secret')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List integrations')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one integration (never its password)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check credentials against their registry, as `docker login` does (exit 6 if any fails)')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move secrets between the OS keyring and the encrypted file store')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hubint;integration;help;add' {
            break
        }
        'hubint;integration;help;edit' {
            break
        }
        'hubint;integration;help;delete' {
            break
        }
        'hubint;integration;help;list' {
            break
        }
        'hubint;integration;help;show' {
            break
        }
        'hubint;integration;help;verify' {
            break
        }
        'hubint;integration;help;move' {
            break
        }
        'hubint;integration;help;help' {
            break
        }
        'hubint;subscription' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('attach', 'attach', [CompletionResultType]::ParameterValue, 'Attach an integration to a subscription (created on first attach)')
            [CompletionResult]::new('detach', 'detach', [CompletionResultType]::ParameterValue, 'Detach an integration from a subscription')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a subscription (attach also creates one on first use)')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a subscription')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a subscription; refused while integrations are attached, unless --detach-all')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subscriptions and their integrations')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hubint;subscription;attach' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;subscription;detach' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;subscription;create' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;subscription;rename' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;subscription;delete' {
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--detach-all', '--detach-all', [CompletionResultType]::ParameterName, 'Detach it from everything it is attached to, then delete it (what it was attached to is kept)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;subscription;list' {
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every integration name in full, even wider than the terminal')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;subscription;help' {
            [CompletionResult]::new('attach', 'attach', [CompletionResultType]::ParameterValue, 'Attach an integration to a subscription (created on first attach)')
            [CompletionResult]::new('detach', 'detach', [CompletionResultType]::ParameterValue, 'Detach an integration from a subscription')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a subscription (attach also creates one on first use)')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a subscription')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a subscription; refused while integrations are attached, unless --detach-all')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subscriptions and their integrations')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hubint;subscription;help;attach' {
            break
        }
        'hubint;subscription;help;detach' {
            break
        }
        'hubint;subscription;help;create' {
            break
        }
        'hubint;subscription;help;rename' {
            break
        }
        'hubint;subscription;help;delete' {
            break
        }
        'hubint;subscription;help;list' {
            break
        }
        'hubint;subscription;help;help' {
            break
        }
        'hubint;config' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the value of a setting in effect')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a setting in the config file')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove a setting from the config file: the environment or the default applies again')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every setting, its value in effect and where that comes from')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hubint;config;get' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;config;set' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;config;unset' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;config;list' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;config;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the value of a setting in effect')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a setting in the config file')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove a setting from the config file: the environment or the default applies again')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every setting, its value in effect and where that comes from')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hubint;config;help;get' {
            break
        }
        'hubint;config;help;set' {
            break
        }
        'hubint;config;help;unset' {
            break
        }
        'hubint;config;help;list' {
            break
        }
        'hubint;config;help;help' {
            break
        }
        'hubint;secret-store' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Re-encrypt the encrypted file store under a new passphrase')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hubint;secret-store;passwd' {
            [CompletionResult]::new('--new-passphrase-file', '--new-passphrase-file', [CompletionResultType]::ParameterName, 'Read the new passphrase from FILE (at most 4 KiB; one trailing newline is removed)')
            [CompletionResult]::new('--new-passphrase-stdin', '--new-passphrase-stdin', [CompletionResultType]::ParameterName, 'Read the new passphrase from standard input (at most 4 KiB; one trailing newline is removed)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;secret-store;help' {
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Re-encrypt the encrypted file store under a new passphrase')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hubint;secret-store;help;passwd' {
            break
        }
        'hubint;secret-store;help;help' {
            break
        }
        'hubint;add' {
            [CompletionResult]::new('--family', '--family', [CompletionResultType]::ParameterName, 'Integration family (add: the new one''s, default hub; list: only this family)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Integration type: docker, ghcr, quay, gitlab, acr, gcr or ecr (add: the new one''s, default docker; list: only this type)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Unique name: 1-64 letters, digits, ''-'', ''_'', ''.'', starting with a letter or digit')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Registry URL or host[:port] [default: Docker Hub]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email registered with the registry (optional)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from FILE (at most 16 KiB; one trailing newline is removed)')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'The password itself. Insecure: it is visible to other processes and kept in shell history. Prefer --password-stdin')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Attach to this subscription, creating it if needed (repeatable)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds the whole check may take [default: 15]')
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where to keep the password [default: HUBINT_SECRET_STORE, else the config file, else the OS keyring if there is one, else the encrypted file]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input (at most 16 KiB; one trailing newline is removed)')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the credentials against the registry first (as `hubint verify`, with --timeout and --insecure) and refuse to save them if the check fails')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Save without checking (the default; overrides an earlier --verify)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;edit' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Rename the integration (its secret is kept)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Change the type (within the family); the registry becomes the type''s own unless --url is given. Not to or from ecr, whose secret is AWS keys')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'New registry URL or host[:port]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'New registry username')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'New email address')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from FILE (at most 16 KiB; one trailing newline is removed)')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'The password itself. Insecure: it is visible to other processes and kept in shell history. Prefer --password-stdin')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds the whole check may take [default: 15]')
            [CompletionResult]::new('--clear-email', '--clear-email', [CompletionResultType]::ParameterName, 'Remove the email address')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input (at most 16 KiB; one trailing newline is removed)')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the credentials against the registry first (as `hubint verify`, with --timeout and --insecure) and refuse to save them if the check fails')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Save without checking (the default; overrides an earlier --verify)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)')
            [CompletionResult]::new('--default', '--default', [CompletionResultType]::ParameterName, 'Make this the registry''s default integration: the credential helper serves it when several integrations match the registry, also to tools that logged out of the registry without a subscription')
            [CompletionResult]::new('--no-default', '--no-default', [CompletionResultType]::ParameterName, 'Stop being the registry''s default integration')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;delete' {
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--detach-all', '--detach-all', [CompletionResultType]::ParameterName, 'Detach it from everything it is attached to, then delete it (what it was attached to is kept)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;list' {
            [CompletionResult]::new('--family', '--family', [CompletionResultType]::ParameterName, 'Integration family (add: the new one''s, default hub; list: only this family)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Integration type: docker, ghcr, quay, gitlab, acr, gcr or ecr (add: the new one''s, default docker; list: only this type)')
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Only integrations attached to this subscription')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Only these columns, in this order (comma-separated)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every column in full, even wider than the terminal')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;show' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;verify' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds the whole check may take [default: 15]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Check every integration')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Also try plain http when https fails, for a registry that is not on this machine (loopback registries get this without the flag)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;move' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The store to move the secret to')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Move the secret of every integration that is not in STORE yet')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;completions' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;docker-config' {
            [CompletionResult]::new('--subscription', '--subscription', [CompletionResultType]::ParameterName, 'Only the registries of the integrations attached to this subscription')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The file to write [default: $DOCKER_CONFIG/config.json, else ~/.docker/config.json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'The file to write [default: $DOCKER_CONFIG/config.json, else ~/.docker/config.json]')
            [CompletionResult]::new('--helper', '--helper', [CompletionResultType]::ParameterName, 'Point each registry at docker-credential-hubint in credHelpers (the default)')
            [CompletionResult]::new('--inline', '--inline', [CompletionResultType]::ParameterName, 'Write the passwords base64-encoded in auths, for a throwaway CI container (the file is made 0600)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;import' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('docker-config', 'docker-config', [CompletionResultType]::ParameterValue, 'Import the logins of a docker config.json or a containers auth.json')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hubint;import;docker-config' {
            [CompletionResult]::new('--scrub', '--scrub', [CompletionResultType]::ParameterName, 'Then remove the plaintext passwords from FILE (a backup is kept beside it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;import;help' {
            [CompletionResult]::new('docker-config', 'docker-config', [CompletionResultType]::ParameterValue, 'Import the logins of a docker config.json or a containers auth.json')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hubint;import;help;docker-config' {
            break
        }
        'hubint;import;help;help' {
            break
        }
        'hubint;env' {
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'The syntax to print: posix (sh, bash, dash, zsh) or fish [default: fish if $SHELL is fish, else posix]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;exec' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;install-helper' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The directory to put docker-credential-hubint in; it should be on PATH [default: ~/.local/bin]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing docker-credential-hubint that is not ours')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;credential-helper' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;doctor' {
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Repair what is safe to repair: remove the secrets left by an interrupted operation of this database, write the details kept next to each password, tighten permissions (an integration is never deleted, nor a secret hubint cannot prove is garbage)')
            [CompletionResult]::new('--recover', '--recover', [CompletionResultType]::ParameterName, 'Rebuild the integrations the database lost (damaged, emptied or replaced) from the details kept next to their passwords in the secret stores')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;team' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Get a client token as team-auth says (or reuse the cached one); print its TTL and policies')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Print the policy (HCL) that lets a token read exactly one subscription''s integrations')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Copy the local integrations, their secrets, subscriptions and links into the team store')
            [CompletionResult]::new('pull', 'pull', [CompletionResultType]::ParameterValue, 'Copy the team store''s integrations, secrets, subscriptions and links into the local catalog')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hubint;team;login' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;team;policy' {
            [CompletionResult]::new('--write', '--write', [CompletionResultType]::ParameterName, 'Write it to the team store as hubint-SUBSCRIPTION (needs a token that may manage policies); hubint then rewrites it whenever the subscription''s links change')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;team;push' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Count what would change, change nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;team;pull' {
            [CompletionResult]::new('--secret-store', '--secret-store', [CompletionResultType]::ParameterName, 'Where to keep the passwords of new local integrations [default: HUBINT_SECRET_STORE, else the config file, else the OS keyring if there is one, else the encrypted file]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Count what would change, change nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print results as JSON on stdout')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming its flag')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show raw errors (such as D-Bus''s) next to their plain-words explanation')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hubint;team;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Get a client token as team-auth says (or reuse the cached one); print its TTL and policies')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Print the policy (HCL) that lets a token read exactly one subscription''s integrations')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Copy the local integrations, their secrets, subscriptions and links into the team store')
            [CompletionResult]::new('pull', 'pull', [CompletionResultType]::ParameterValue, 'Copy the team store''s integrations, secrets, subscriptions and links into the local catalog')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hubint;team;help;login' {
            break
        }
        'hubint;team;help;policy' {
            break
        }
        'hubint;team;help;push' {
            break
        }
        'hubint;team;help;pull' {
            break
        }
        'hubint;team;help;help' {
            break
        }
        'hubint;help' {
            [CompletionResult]::new('integration', 'integration', [CompletionResultType]::ParameterValue, 'Add, edit, delete, list, show and verify integrations')
            [CompletionResult]::new('subscription', 'subscription', [CompletionResultType]::ParameterValue, 'Attach integrations to subscriptions, detach them, list subscriptions')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Get, set, unset and list settings in the config file')
            [CompletionResult]::new('secret-store', 'secret-store', [CompletionResultType]::ParameterValue, 'Manage the encrypted file secret store')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an integration; prompts for what is missing on a terminal')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an integration''s name, registry, username, email or password')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an integration and its secret')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List integrations')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one integration (never its password)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check credentials against their registry, as `docker login` does (exit 6 if any fails)')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move secrets between the OS keyring and the encrypted file store')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the script that enables shell completion, integration names included')
            [CompletionResult]::new('docker-config', 'docker-config', [CompletionResultType]::ParameterValue, 'Write a docker config.json that gives container tools the integrations')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import credentials from other tools'' files')
            [CompletionResult]::new('env', 'env', [CompletionResultType]::ParameterValue, 'Print one integration as environment variables (for `eval`)')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command with one integration in its environment')
            [CompletionResult]::new('install-helper', 'install-helper', [CompletionResultType]::ParameterValue, 'Install docker-credential-hubint (a symlink to hubint) into a directory')
            [CompletionResult]::new('credential-helper', 'credential-helper', [CompletionResultType]::ParameterValue, 'Speak the Docker credential helper protocol (as docker-credential-hubint does)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the database, the secret stores and docker''s config files; exit 7 on problems')
            [CompletionResult]::new('team', 'team', [CompletionResultType]::ParameterValue, 'The team store on OpenBao or Vault: log in, print a subscription''s policy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hubint;help;integration' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an integration; prompts for what is missing on a terminal')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change an integration''s name, registry, username, email or password')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an integration and its secret')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List integrations')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one integration (never its password)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check credentials against their registry, as `docker login` does (exit 6 if any fails)')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move secrets between the OS keyring and the encrypted file store')
            break
        }
        'hubint;help;integration;add' {
            break
        }
        'hubint;help;integration;edit' {
            break
        }
        'hubint;help;integration;delete' {
            break
        }
        'hubint;help;integration;list' {
            break
        }
        'hubint;help;integration;show' {
            break
        }
        'hubint;help;integration;verify' {
            break
        }
        'hubint;help;integration;move' {
            break
        }
        'hubint;help;subscription' {
            [CompletionResult]::new('attach', 'attach', [CompletionResultType]::ParameterValue, 'Attach an integration to a subscription (created on first attach)')
            [CompletionResult]::new('detach', 'detach', [CompletionResultType]::ParameterValue, 'Detach an integration from a subscription')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a subscription (attach also creates one on first use)')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a subscription')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a subscription; refused while integrations are attached, unless --detach-all')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subscriptions and their integrations')
            break
        }
        'hubint;help;subscription;attach' {
            break
        }
        'hubint;help;subscription;detach' {
            break
        }
        'hubint;help;subscription;create' {
            break
        }
        'hubint;help;subscription;rename' {
            break
        }
        'hubint;help;subscription;delete' {
            break
        }
        'hubint;help;subscription;list' {
            break
        }
        'hubint;help;config' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the value of a setting in effect')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a setting in the config file')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove a setting from the config file: the environment or the default applies again')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every setting, its value in effect and where that comes from')
            break
        }
        'hubint;help;config;get' {
            break
        }
        'hubint;help;config;set' {
            break
        }
        'hubint;help;config;unset' {
            break
        }
        'hubint;help;config;list' {
            break
        }
        'hubint;help;secret-store' {
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Re-encrypt the encrypted file store under a new passphrase')
            break
        }
        'hubint;help;secret-store;passwd' {
            break
        }
        'hubint;help;add' {
            break
        }
        'hubint;help;edit' {
            break
        }
        'hubint;help;delete' {
            break
        }
        'hubint;help;list' {
            break
        }
        'hubint;help;show' {
            break
        }
        'hubint;help;verify' {
            break
        }
        'hubint;help;move' {
            break
        }
        'hubint;help;completions' {
            break
        }
        'hubint;help;docker-config' {
            break
        }
        'hubint;help;import' {
            [CompletionResult]::new('docker-config', 'docker-config', [CompletionResultType]::ParameterValue, 'Import the logins of a docker config.json or a containers auth.json')
            break
        }
        'hubint;help;import;docker-config' {
            break
        }
        'hubint;help;env' {
            break
        }
        'hubint;help;exec' {
            break
        }
        'hubint;help;install-helper' {
            break
        }
        'hubint;help;credential-helper' {
            break
        }
        'hubint;help;doctor' {
            break
        }
        'hubint;help;team' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Get a client token as team-auth says (or reuse the cached one); print its TTL and policies')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Print the policy (HCL) that lets a token read exactly one subscription''s integrations')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Copy the local integrations, their secrets, subscriptions and links into the team store')
            [CompletionResult]::new('pull', 'pull', [CompletionResultType]::ParameterValue, 'Copy the team store''s integrations, secrets, subscriptions and links into the local catalog')
            break
        }
        'hubint;help;team;login' {
            break
        }
        'hubint;help;team;policy' {
            break
        }
        'hubint;help;team;push' {
            break
        }
        'hubint;help;team;pull' {
            break
        }
        'hubint;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}

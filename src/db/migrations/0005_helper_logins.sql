-- Integrations that the credential helper created for a container tool's
-- login (`docker login`, `podman login`, ...). A logout deletes such a login,
-- with its secret, once no subscription uses it; an integration made with
-- `hubint add` is only detached from the logout's subscription.

CREATE TABLE helper_logins (
    integration_id TEXT PRIMARY KEY NOT NULL
        REFERENCES integrations (id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Registries that tools without a scope (neither HUBINT_SUBSCRIPTION nor
-- HUBINT_INTEGRATION) are logged out of. A logout without a scope deletes the
-- registry's unused logins but must keep those that subscriptions use; it
-- records the registry here so that an unscoped `get` or `list` no longer
-- serves it, while the subscriptions' (and a pinned integration's) still do.
-- A later unscoped login, `hubint add` for the registry, or
-- `hubint integration edit NAME --default` removes the row.

CREATE TABLE registry_logouts (
    registry TEXT PRIMARY KEY NOT NULL
) WITHOUT ROWID;

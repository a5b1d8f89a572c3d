-- One integration per registry may be marked as the registry's default: the
-- credential helper serves it when several integrations match a registry.

ALTER TABLE integrations
    ADD COLUMN is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1));

-- At most one default per registry.
CREATE UNIQUE INDEX integrations_registry_default
    ON integrations (registry) WHERE is_default = 1;

-- Lookups by registry (the credential helper's `get`, on every pull) and by
-- registry and username (`store`, imports) use this index; it replaces the
-- single-column one of 0001, which it covers.
DROP INDEX integrations_registry;
CREATE INDEX integrations_registry_username ON integrations (registry, username);

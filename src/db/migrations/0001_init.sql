-- Integrations, subscriptions and the links between them.
-- Secrets are never stored here: `secret_store` names the store that holds
-- the secret for `id`.

CREATE TABLE integrations (
    id           TEXT PRIMARY KEY NOT NULL,   -- stable id; the secret's key
    name         TEXT NOT NULL,
    family       TEXT NOT NULL,
    type         TEXT NOT NULL,
    registry     TEXT NOT NULL,               -- normalised registry key
    username     TEXT NOT NULL,
    email        TEXT,
    secret_store TEXT NOT NULL,
    created_at   TEXT NOT NULL,               -- RFC 3339, UTC
    updated_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX integrations_name ON integrations (name COLLATE NOCASE);
CREATE INDEX integrations_registry ON integrations (registry);

CREATE TABLE subscriptions (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX subscriptions_name ON subscriptions (name COLLATE NOCASE);

CREATE TABLE subscription_integrations (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    integration_id  TEXT NOT NULL REFERENCES integrations (id) ON DELETE RESTRICT,
    attached_at     TEXT NOT NULL,
    PRIMARY KEY (subscription_id, integration_id)
) WITHOUT ROWID;
CREATE INDEX subscription_integrations_integration
    ON subscription_integrations (integration_id);

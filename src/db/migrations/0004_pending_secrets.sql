-- Secrets that may exist in a store without a committed row: written just
-- before the row that will own them is committed (add), or left to remove
-- just after their row was deleted (delete). A row here is committed BEFORE
-- the secret is touched and removed in the same transaction that makes it
-- unnecessary, so a crash (kill -9, power loss) in between leaves it behind:
-- `hubint doctor` then knows which secrets of a shared store such as the OS
-- keyring belong to this database and may be removed.

CREATE TABLE pending_secrets (
    integration_id TEXT NOT NULL,   -- the secret's key in its store
    secret_store   TEXT NOT NULL,   -- keyring, file
    created_at     TEXT NOT NULL,   -- RFC 3339, UTC
    PRIMARY KEY (integration_id, secret_store)
) WITHOUT ROWID;

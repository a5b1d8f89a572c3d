-- The last check of an integration's credentials against its registry
-- (`hubint integration verify`, `add --verify`, `edit --verify`).
-- Both are NULL until the first check; a change of registry, username or
-- password clears them.

ALTER TABLE integrations ADD COLUMN last_verified_at TEXT;   -- RFC 3339, UTC
ALTER TABLE integrations ADD COLUMN last_verification TEXT;  -- ok, unauthorized, unreachable, not-a-registry, timeout

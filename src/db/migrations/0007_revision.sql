-- A revision counter per integration: the token of the one concurrency rule.
-- Every write of a row adds one, and a write back happens only if the row
-- still has the revision the writer read (check-and-set). `updated_at` is
-- kept to the second, so two edits in the same second could not be told
-- apart by it; a counter can. It maps onto the version of a key in
-- OpenBao/Vault KV v2, whose `cas` parameter takes the version read.

ALTER TABLE integrations ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

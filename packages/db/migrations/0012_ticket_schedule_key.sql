-- A schedule key opens at most one ticket (K9): a maintenance plan's occurrence (`<plan>:<day>`)
-- or a goods receipt's pick-and-pack ticket (`goods-receipt:<receipt>`). The key lives in the
-- ticket document; this index makes the lookup by key cheap and a second ticket with the same
-- key impossible, whatever path opens it. Runs unchanged on PGlite and PostgreSQL.
CREATE UNIQUE INDEX tickets_schedule_key_idx ON tickets ((document ->> 'scheduleKey'))
  WHERE document ->> 'scheduleKey' IS NOT NULL;

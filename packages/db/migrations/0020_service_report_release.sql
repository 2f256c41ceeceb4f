-- Billing release of service reports (K1 "back office (billing release)", C8): an installation
-- may have the back office check a closed month's services before anything goes to the customer
-- (billing setting `billingRelease: "back-office"`). The worker then stores the month's report
-- unreleased and mails neither it nor the invoice until the back office releases it
-- (`POST /v1/service-reports/{id}/release`). Runs unchanged on PGlite and PostgreSQL.

-- When and by whom the report was released for billing: a staff user's id, or 'automatic' when
-- the worker released it at month close (the default setting). Both NULL: held for the back
-- office. Portal users see only released reports (K10, K13: what was sent to them).
ALTER TABLE service_reports ADD COLUMN released_at timestamptz;
ALTER TABLE service_reports ADD COLUMN released_by text;

-- Every report stored so far was mailed when it was stored (the only behaviour before this
-- migration): released automatically, at that instant.
UPDATE service_reports SET released_at = created_at, released_by = 'automatic';

-- Both or neither: a release always names who made it.
ALTER TABLE service_reports ADD CONSTRAINT service_reports_release_check
  CHECK ((released_at IS NULL) = (released_by IS NULL) AND (released_by IS NULL OR length(released_by) > 0));

-- The back office's work list (`GET /v1/service-reports?released=false`), newest month first:
-- few rows wait at any time, so a partial index keeps the list cheap however long the history.
CREATE INDEX service_reports_unreleased_idx ON service_reports (month, id) WHERE released_at IS NULL;

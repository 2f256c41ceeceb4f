-- Review of inbound mail the intake kept or quarantined (K2–K4): service-desk staff release a
-- mail to an organization (the worker decides it again, treating the sender as a contact of that
-- organization) or discard it. Discarded mail keeps its raw bytes; who did what and when is
-- recorded on the row. Runs unchanged on PGlite and PostgreSQL.

-- A new final status: 'discarded' (reviewed by staff and dropped; the bytes stay).
ALTER TABLE inbound_mails DROP CONSTRAINT inbound_mails_status_check;
ALTER TABLE inbound_mails ADD CONSTRAINT inbound_mails_status_check
  CHECK (status IN ('received', 'ticket-created', 'appended', 'ignored', 'kept', 'quarantined', 'discarded'));

-- The organization staff assigned the mail to on release (K2: the sender was unknown).
ALTER TABLE inbound_mails ADD COLUMN assigned_organization_id text REFERENCES organizations (id);
-- Who released the mail last, and when.
ALTER TABLE inbound_mails ADD COLUMN released_by text;
ALTER TABLE inbound_mails ADD COLUMN released_at timestamptz;
-- Who discarded the mail, when, and why.
ALTER TABLE inbound_mails ADD COLUMN discarded_by text;
ALTER TABLE inbound_mails ADD COLUMN discarded_at timestamptz;
ALTER TABLE inbound_mails ADD COLUMN discard_note text;
ALTER TABLE inbound_mails ADD CONSTRAINT inbound_mails_discard_recorded_check
  CHECK (status <> 'discarded' OR (discarded_by IS NOT NULL AND discarded_at IS NOT NULL AND discard_note IS NOT NULL));

-- The review lists: mail in one status, oldest first, keyset-paginated by (received_at, id).
CREATE INDEX inbound_mails_review_idx ON inbound_mails (status, received_at, id)
  WHERE status IN ('kept', 'quarantined', 'discarded');

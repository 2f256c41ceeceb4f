-- The worker (apps/worker): inbound mail stored raw before anything else happens (K2), the
-- deliveries of outbound mail (one row per dedupe key, so a retried event never sends twice) and
-- the log of job runs. Runs unchanged on PGlite and PostgreSQL.

-- Every inbound message, raw bytes first; parsing and the K2–K4 decision fill in the rest.
CREATE TABLE inbound_mails (
  id text PRIMARY KEY,
  -- 'smtp' (our listener) or 'imap' (a polled mailbox).
  source text NOT NULL CHECK (source IN ('smtp', 'imap')),
  -- Where it came from: SMTP envelope and peer, or IMAP mailbox and UID.
  envelope jsonb NOT NULL,
  -- Unique per source message (IMAP: mailbox + UIDVALIDITY + UID), so a re-poll stores nothing twice.
  source_key text UNIQUE,
  raw bytea NOT NULL,
  size integer NOT NULL,
  -- Message-ID as sent (no brackets), for K3 threading of later replies.
  message_id text,
  -- The From address (lower case) once parsed: the K4 per-sender rate limit counts it.
  sender text,
  status text NOT NULL CHECK (status IN ('received', 'ticket-created', 'appended', 'ignored', 'kept', 'quarantined')),
  reason_code text,
  reason text,
  ticket_id text REFERENCES tickets (id),
  received_at timestamptz NOT NULL,
  processed_at timestamptz
);
CREATE INDEX inbound_mails_pending_idx ON inbound_mails (received_at, id) WHERE status = 'received';
CREATE INDEX inbound_mails_message_id_idx ON inbound_mails (message_id) WHERE message_id IS NOT NULL;
CREATE INDEX inbound_mails_received_idx ON inbound_mails (received_at, id);
CREATE INDEX inbound_mails_ticket_idx ON inbound_mails (ticket_id, received_at) WHERE ticket_id IS NOT NULL;

-- One row per outbound mail: written in the transaction that sends it, keyed by the mail's
-- dedupe key, so a retried outbox event finds it and does not send again.
CREATE TABLE mail_deliveries (
  dedupe_key text PRIMARY KEY,
  message_id text NOT NULL,
  recipients jsonb NOT NULL,
  subject text NOT NULL,
  outbox_id bigint,
  sent_at timestamptz NOT NULL
);

-- Which worker ran which pg-boss job, and how it ended: the audit trail of scheduled rules.
CREATE TABLE worker_job_runs (
  id bigserial PRIMARY KEY,
  job_id text NOT NULL,
  queue text NOT NULL,
  worker_id text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  outcome text CHECK (outcome IN ('completed', 'failed')),
  summary jsonb,
  error text
);
CREATE INDEX worker_job_runs_job_idx ON worker_job_runs (job_id);
CREATE INDEX worker_job_runs_queue_idx ON worker_job_runs (queue, started_at);

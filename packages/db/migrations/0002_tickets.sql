-- Service desk (K1–K13): tickets, their attachments, the ticket number sequence and the
-- monitoring sources that may report alerts (K8). Runs unchanged on PGlite and PostgreSQL.

-- A ticket is stored as `@kontor/ticketing`'s `Ticket` document (with its full history, the
-- source of truth for SLA clocks and statistics) plus the columns lists filter and sort on.
CREATE TABLE tickets (
  id text PRIMARY KEY,
  number text NOT NULL UNIQUE,
  -- NULL while dispatch has not qualified a mail from an unknown sender (K2).
  organization_id text REFERENCES organizations (id),
  kind text NOT NULL,
  channel text NOT NULL,
  status text NOT NULL,
  priority text NOT NULL,
  subject text NOT NULL,
  requester_email text NOT NULL,
  -- K10: a portal reporter sees the tickets they requested.
  requester_portal_user_id text REFERENCES users (id),
  assignee_id text,
  -- K8: the monitoring sensor the ticket tracks.
  sensor_id text,
  document jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX tickets_created_idx ON tickets (created_at, id);
CREATE INDEX tickets_organization_idx ON tickets (organization_id, created_at, id);
CREATE INDEX tickets_requester_idx ON tickets (requester_portal_user_id, created_at, id);
CREATE INDEX tickets_status_idx ON tickets (status, created_at, id);
CREATE INDEX tickets_assignee_idx ON tickets (assignee_id, created_at, id);
CREATE INDEX tickets_sensor_idx ON tickets (organization_id, sensor_id, created_at);
-- K8 safety net for concurrent alerts: at most one open ticket per sensor of an organization
-- (the decision itself is `decideSensorEvent`'s).
CREATE UNIQUE INDEX tickets_open_sensor_idx ON tickets (organization_id, sensor_id)
  WHERE sensor_id IS NOT NULL AND status NOT IN ('resolved', 'closed');

-- Attachments (K1, K3) with their bytes; `meta` is the classified `TicketAttachment`.
CREATE TABLE ticket_attachments (
  id text PRIMARY KEY,
  ticket_id text NOT NULL REFERENCES tickets (id),
  filename text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL,
  meta jsonb NOT NULL,
  content bytea NOT NULL,
  uploaded_by text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX ticket_attachments_ticket_idx ON ticket_attachments (ticket_id, created_at, id);

-- The installation's ticket number sequence (K1), advanced under a row lock inside the
-- transaction that creates the ticket.
CREATE TABLE ticket_number_sequences (
  id text PRIMARY KEY,
  year integer,
  last_sequence integer NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Monitoring systems that report alerts for one organization (K8); only a SHA-256 hash of
-- their key is stored.
CREATE TABLE monitoring_sources (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id),
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX monitoring_sources_organization_idx ON monitoring_sources (organization_id, created_at, id);

-- Service-desk rules the worker runs on a schedule: customer assets whose warranty and license
-- expiry raise warnings (K11), maintenance plans and needs-analysis items that open tickets
-- cyclically (K9), and one row per scheduled occurrence so a re-run opens no second ticket.
-- Runs unchanged on PGlite and PostgreSQL.

-- Assets of a customer (K11); `record` is @kontor/ticketing's `Asset`.
CREATE TABLE assets (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id),
  record jsonb NOT NULL,
  -- Earliest warranty end or license expiry in `record` (NULL: nothing expires), copied so the
  -- daily expiry check reads only the assets inside the lead time.
  earliest_expiry date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX assets_organization_idx ON assets (organization_id, created_at, id);
CREATE INDEX assets_earliest_expiry_idx ON assets (earliest_expiry) WHERE earliest_expiry IS NOT NULL;

-- Maintenance plans and needs-analysis items (K9); `record` is @kontor/ticketing's `MaintenancePlan`.
CREATE TABLE maintenance_plans (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id),
  record jsonb NOT NULL,
  active boolean NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX maintenance_plans_organization_idx ON maintenance_plans (organization_id, created_at, id);
CREATE INDEX maintenance_plans_active_idx ON maintenance_plans (id) WHERE active;

-- One row per plan and due day (K9): claimed before the ticket is opened, in the same
-- transaction, so two workers or a re-run never open a second ticket for one occurrence.
CREATE TABLE scheduled_ticket_runs (
  plan_id text NOT NULL,
  due_date date NOT NULL,
  ticket_id text REFERENCES tickets (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (plan_id, due_date)
);

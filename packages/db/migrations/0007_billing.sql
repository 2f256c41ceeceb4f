-- Month-end billing in the worker (C8): the stored service report PDF of every closed contract
-- month, and the key that ties an invoice to what it bills, so a retried month-end run finds
-- the invoice instead of issuing a second one. Runs unchanged on PGlite and PostgreSQL.

-- One service report per contract and month (C8: mailed before the invoice that shows its ID).
-- `id` is the service-report ID printed on the invoice (SR-<contract>-<YYYY-MM>).
CREATE TABLE service_reports (
  id text PRIMARY KEY,
  contract_id text NOT NULL REFERENCES contingent_contracts (id),
  organization_id text NOT NULL REFERENCES organizations (id),
  month text NOT NULL,
  pdf bytea NOT NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT service_reports_contract_id_month_key UNIQUE (contract_id, month)
);
CREATE INDEX service_reports_organization_idx ON service_reports (organization_id, created_at, id);

-- What an invoice bills, e.g. `contingent:<contract>:<YYYY-MM>`; NULL for invoices composed by
-- hand. Unique, so the same source never gets two invoices.
ALTER TABLE invoices ADD COLUMN source_key text;
ALTER TABLE invoices ADD CONSTRAINT invoices_source_key_key UNIQUE (source_key);

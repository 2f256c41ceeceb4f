-- Invoices, credit notes and correction invoices (@kontor/invoicing). A draft has no number; the
-- number is issued from number_series in the transaction that finalizes, together with the
-- rendered PDF and CII XML, which never change afterwards (§14 UStG, GoBD). Runs unchanged on
-- PGlite and PostgreSQL.

CREATE TABLE invoices (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id),
  type text NOT NULL CHECK (type IN ('invoice', 'credit-note', 'corrected-invoice')),
  status text NOT NULL CHECK (status IN ('draft', 'finalized')),
  -- NULL while draft; unique across all series (their prefixes differ).
  number text UNIQUE,
  -- The invoice this credit note or correction refers to (BG-3).
  preceding_invoice_id text REFERENCES invoices (id),
  -- The composed document as JSON, including its validated input (`source`).
  document jsonb NOT NULL,
  pdf bytea,
  xml text,
  finalized_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CHECK ((status = 'draft') = (number IS NULL)),
  CHECK (status = 'draft' OR (pdf IS NOT NULL AND xml IS NOT NULL AND finalized_at IS NOT NULL))
);
-- Keyset pages of all invoices (staff) and of one organization, optionally by status (portal).
CREATE INDEX invoices_created_idx ON invoices (created_at, id);
CREATE INDEX invoices_organization_idx ON invoices (organization_id, status, created_at, id);
CREATE INDEX invoices_preceding_idx ON invoices (preceding_invoice_id) WHERE preceding_invoice_id IS NOT NULL;

-- The installation's billing settings (C8, T1): the seller on every invoice, delivery note and
-- service report, the payment means and the net days, managed through `PUT /v1/billing-settings`
-- instead of a file on every worker host. Runs unchanged on PGlite and PostgreSQL.

-- One row for the installation. `settings` is the checked input form of `@kontor/invoicing`'s
-- `billingSettingsSchema` (IBAN as written; the documents compose from it). Readers check it
-- again: a row that no longer parses fails the billing event instead of reaching an invoice.
-- No row: the worker uses KONTOR_BILLING_SETTINGS_FILE (or, embedded, the demo seller).
CREATE TABLE billing_settings (
  id text PRIMARY KEY DEFAULT 'installation' CHECK (id = 'installation'),
  settings jsonb NOT NULL CHECK (jsonb_typeof(settings) = 'object'),
  -- Optimistic locking: 1 for the first write, +1 for each replacement.
  version integer NOT NULL CHECK (version >= 1),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL
);

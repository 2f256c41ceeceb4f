-- SEPA direct-debit mandates of customers (C8, T7): rental flat rates and data-center hosting
-- are billed separately and collected from the customer's account under a signed mandate, with
-- the pre-notification period agreed in it. Runs unchanged on PGlite and PostgreSQL.

-- One row per mandate a customer signed. The debtor's IBAN is stored only as `sealSecret` output
-- (AES-256-GCM under the process data key, `v1:` prefix), never in plain text; what lists and
-- the portal show is the masked form and the last four characters, kept beside it.
CREATE TABLE sepa_mandates (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id),
  -- EPC mandate reference (BT-89): 1–35 characters of the SEPA character set, not starting or
  -- ending with '/' and without '//', no surrounding spaces.
  mandate_reference text NOT NULL CHECK (
    mandate_reference ~ '^[A-Za-z0-9/?:().,''+ -]{1,35}$'
    AND mandate_reference = btrim(mandate_reference)
    AND mandate_reference NOT LIKE '/%'
    AND mandate_reference NOT LIKE '%/'
    AND strpos(mandate_reference, '//') = 0
  ),
  debtor_iban_sealed text NOT NULL CHECK (debtor_iban_sealed LIKE 'v1:%'),
  debtor_iban_last4 text NOT NULL CHECK (debtor_iban_last4 ~ '^[A-Z0-9]{4}$'),
  -- For display, e.g. `DE89 **** **** **** **30 00`: never the whole IBAN.
  debtor_iban_masked text NOT NULL CHECK (strpos(debtor_iban_masked, '*') > 0),
  -- The account holder as on the mandate (SEPA: at most 70 characters).
  debtor_name text NOT NULL CHECK (length(debtor_name) BETWEEN 1 AND 70),
  signed_on date NOT NULL,
  -- T7: calendar days between pre-notification and collection; 14 unless a shorter period
  -- (at least 1 day) was agreed.
  pre_notification_days integer NOT NULL DEFAULT 14 CHECK (pre_notification_days BETWEEN 1 AND 14),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  revoked_at timestamptz,
  revoked_by text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((status = 'revoked') = (revoked_at IS NOT NULL AND revoked_by IS NOT NULL))
);
-- A mandate reference identifies one mandate of the installation's creditor ID, for ever (a
-- revoked mandate keeps its reference); compared regardless of case, so `m-1` cannot join `M-1`.
CREATE UNIQUE INDEX sepa_mandates_reference_idx ON sepa_mandates (upper(mandate_reference));
-- One customer's mandates in creation order, keyset-paginated (GET /v1/organizations/:id/sepa-mandates).
CREATE INDEX sepa_mandates_organization_idx ON sepa_mandates (organization_id, created_at, id);
-- The mandate a rental or hosting month is collected under: the customer's latest signed active one.
CREATE INDEX sepa_mandates_active_idx ON sepa_mandates (organization_id, signed_on) WHERE status = 'active';

-- The installation's policies (P1) for every package whose rules the API and the worker evaluate:
-- `licensing` (vendor, fulfilment and rental policies, L6, L12, L14, L16, M2), `contingent`
-- (time billing and contingent policies, C4, C6), `seats` (purchase-order windows, S2, S5, S8),
-- `terms` (payment terms, SEPA, late payment, tax, T1–T7) and `ticketing` (mail intake, reopening,
-- SLA warnings, monitoring and asset expiry, K1–K11). Each is managed through
-- `PUT /v1/<domain>-policies` instead of the shipped defaults. Runs unchanged on PGlite and
-- PostgreSQL.

-- One row per domain. `policies` is the checked input form of that package's policy-set schema
-- (every version with its `effectiveFrom`); it replaces the shipped defaults of the domain as a
-- whole. Readers check it again: a row that no longer parses fails the request or job instead of
-- silently falling back to the defaults. No row: the package's shipped defaults.
CREATE TABLE installation_policies (
  domain text PRIMARY KEY CHECK (domain IN ('licensing', 'contingent', 'seats', 'terms', 'ticketing')),
  policies jsonb NOT NULL CHECK (jsonb_typeof(policies) = 'object'),
  -- Optimistic locking: 1 for the first write, +1 for each replacement.
  version integer NOT NULL CHECK (version >= 1),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL
);

-- 0021 kept the licensing policies in a table of their own: move its row over, keeping its
-- version, so an admin's next PUT still names the version they read.
INSERT INTO installation_policies (domain, policies, version, updated_by, updated_at)
SELECT 'licensing', policies, version, updated_by, updated_at FROM licensing_policies;

DROP TABLE licensing_policies;

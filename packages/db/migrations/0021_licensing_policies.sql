-- The installation's licensing policies (P1, L6, L12, L14, L16, M2): the vendor rules, the
-- fulfilment policy and the rental marketplace policies the API and the worker evaluate quotes,
-- orders, licenses and rentals by, managed through `PUT /v1/licensing-policies` instead of the
-- shipped defaults. Runs unchanged on PGlite and PostgreSQL.

-- One row for the installation. `policies` is the checked input form of `@kontor/licensing`'s
-- `policySetSchema` (every version with its `effectiveFrom`); it replaces the shipped defaults
-- as a whole. Readers check it again: a row that no longer parses fails the request or job
-- instead of silently falling back to the defaults. No row: the shipped `DEFAULT_POLICIES`.
CREATE TABLE licensing_policies (
  id text PRIMARY KEY DEFAULT 'installation' CHECK (id = 'installation'),
  policies jsonb NOT NULL CHECK (jsonb_typeof(policies) = 'object'),
  -- Optimistic locking: 1 for the first write, +1 for each replacement.
  version integer NOT NULL CHECK (version >= 1),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL
);

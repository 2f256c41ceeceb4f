-- Licensing (L1–L19) and the monthly rental marketplace (M1–M7): the catalog staff maintain,
-- quotes, orders, delivered licenses and rental subscriptions. Each aggregate is stored as the
-- JSON document of @kontor/licensing plus the columns lists filter and sort on.
-- Runs unchanged on PGlite and PostgreSQL.

CREATE TABLE licensing_vendors (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- record: the product as @kontor/licensing's productSchema reads it (prices as {amount, currency}).
CREATE TABLE licensing_products (
  id text PRIMARY KEY,
  vendor_id text NOT NULL REFERENCES licensing_vendors (id),
  record jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX licensing_products_created_idx ON licensing_products (created_at, id);

-- request: what was asked (L7–L9); record: the priced Quote (valid until valid_until, L8).
CREATE TABLE license_quotes (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id),
  kind text NOT NULL,
  valid_until text NOT NULL,
  request jsonb NOT NULL,
  record jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX license_quotes_created_idx ON license_quotes (created_at, id);
CREATE INDEX license_quotes_organization_idx ON license_quotes (organization_id, created_at, id);

-- record: the Order state; delivered keys inside it are sealed (AES-256-GCM), never plain text.
CREATE TABLE license_orders (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id),
  quote_id text REFERENCES license_quotes (id),
  kind text NOT NULL CHECK (kind IN ('license', 'service')),
  status text NOT NULL,
  record jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX license_orders_created_idx ON license_orders (created_at, id);
CREATE INDEX license_orders_organization_idx ON license_orders (organization_id, created_at, id);

-- One row per licensed product of a customer: delivered by an order, or registered by staff.
-- key_sealed: the license key sealed with AES-256-GCM (L13: a secret of the original purchaser).
CREATE TABLE licenses (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id),
  order_id text REFERENCES license_orders (id),
  vendor_id text NOT NULL,
  product_id text NOT NULL,
  edition text NOT NULL,
  original_purchaser_id text NOT NULL,
  key_sealed text,
  record jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX licenses_created_idx ON licenses (created_at, id);
CREATE INDEX licenses_organization_idx ON licenses (organization_id, created_at, id);
CREATE INDEX licenses_order_idx ON licenses (order_id);

-- record: the RentalSubscription state (M1–M7).
CREATE TABLE rental_subscriptions (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id),
  product_id text NOT NULL,
  status text NOT NULL,
  record jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX rental_subscriptions_created_idx ON rental_subscriptions (created_at, id);
CREATE INDEX rental_subscriptions_organization_idx ON rental_subscriptions (organization_id, created_at, id);

-- Core tables: organizations (O1), users and credentials (K10, O2), idempotency, outbox,
-- invoice number series. Runs unchanged on PGlite and PostgreSQL.

CREATE TABLE organizations (
  id text PRIMARY KEY,
  name text NOT NULL,
  record jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX organizations_created_idx ON organizations (created_at, id);

-- Staff (organization_id NULL) and portal users (bound to one organization).
CREATE TABLE users (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('staff', 'portal')),
  organization_id text REFERENCES organizations (id),
  role text NOT NULL,
  email text NOT NULL,
  profile jsonb NOT NULL,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((kind = 'staff') = (organization_id IS NULL))
);
CREATE UNIQUE INDEX users_email_idx ON users (lower(email));
CREATE INDEX users_organization_idx ON users (organization_id, created_at, id);

-- API tokens and one-time login tokens: only a SHA-256 hash of the secret is stored.
CREATE TABLE credentials (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  kind text NOT NULL CHECK (kind IN ('api-token', 'login-token')),
  name text NOT NULL,
  secret_hash text NOT NULL UNIQUE,
  expires_at timestamptz,
  used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX credentials_user_idx ON credentials (user_id);

-- A stored response per (principal, Idempotency-Key); the request hash detects reuse with another body.
CREATE TABLE idempotency_keys (
  principal_id text NOT NULL,
  key text NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  request_hash text NOT NULL,
  status_code integer,
  response_headers jsonb,
  response_body text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (principal_id, key)
);

-- Events written in the same transaction as the state change that caused them.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  topic text NOT NULL,
  aggregate_type text NOT NULL,
  aggregate_id text NOT NULL,
  dedupe_key text NOT NULL UNIQUE,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  available_at timestamptz NOT NULL,
  delivered_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX outbox_pending_idx ON outbox (available_at, id) WHERE delivered_at IS NULL;

-- Gap-free document numbers: one row per series holding the last number issued, advanced under
-- a row lock inside the transaction that issues the document, so a rollback gives it back.
CREATE TABLE number_series (
  id text PRIMARY KEY,
  last_issued text,
  updated_at timestamptz NOT NULL
);

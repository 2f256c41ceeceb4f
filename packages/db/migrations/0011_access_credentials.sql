-- Stored access credentials of customers (K12): visible only to staff who need them and to
-- customer staff on request and approval; every read, granted or refused, is audited.
-- Runs unchanged on PGlite and PostgreSQL.

-- A credential (e.g. the admin login of a customer's firewall). The secret is stored only as
-- `sealSecret` output (AES-256-GCM under the process data key, `v1:` prefix): never in plain text.
CREATE TABLE access_credentials (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id),
  -- The asset the credential opens (K11), of the same organization (checked by the API).
  asset_id text REFERENCES assets (id),
  label text NOT NULL,
  username text,
  secret_sealed text NOT NULL CHECK (secret_sealed LIKE 'v1:%'),
  version integer NOT NULL DEFAULT 1,
  created_by text NOT NULL,
  updated_by text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- Lists: one organization's credentials, or all of them for staff, keyset-paginated.
CREATE INDEX access_credentials_organization_idx ON access_credentials (organization_id, created_at, id);
CREATE INDEX access_credentials_created_idx ON access_credentials (created_at, id);

-- A customer employee's request to see a credential (K12: "on request and approval"). The
-- decision (approve or reject) is `decided_*`; a later revocation of an approval is `revoked_*`.
CREATE TABLE credential_access_requests (
  id text PRIMARY KEY,
  credential_id text NOT NULL REFERENCES access_credentials (id),
  portal_user_id text NOT NULL REFERENCES users (id),
  reason text NOT NULL,
  requested_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'revoked')),
  decided_by text,
  decided_at timestamptz,
  -- An approval may be limited in time; NULL = until revoked.
  valid_until timestamptz,
  revoked_by text,
  revoked_at timestamptz,
  CHECK ((status = 'pending') = (decided_by IS NULL AND decided_at IS NULL)),
  CHECK ((status = 'revoked') = (revoked_by IS NOT NULL AND revoked_at IS NOT NULL))
);
-- The requests of a credential in request order (staff list; a portal user's own are filtered).
CREATE INDEX credential_access_requests_credential_idx ON credential_access_requests (credential_id, requested_at, id);
-- The approvals a portal user's read is decided on.
CREATE INDEX credential_access_requests_approved_idx ON credential_access_requests (credential_id, portal_user_id) WHERE status = 'approved';
-- One open request per person and credential: a second one while the first waits is a conflict.
CREATE UNIQUE INDEX credential_access_requests_pending_idx ON credential_access_requests (credential_id, portal_user_id) WHERE status = 'pending';

-- The audit trail (K12): one row per read attempt, granted or refused, written in the same
-- transaction as the decision. Append-only; no column holds the secret.
CREATE TABLE credential_reads (
  id bigserial PRIMARY KEY,
  credential_id text NOT NULL REFERENCES access_credentials (id),
  organization_id text NOT NULL REFERENCES organizations (id),
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'portal')),
  actor_id text NOT NULL,
  actor_role text NOT NULL,
  granted boolean NOT NULL,
  -- Why a refused read was refused (the rule code, e.g. K12_CREDENTIAL_NOT_APPROVED).
  refusal_code text,
  -- For customer staff: the approved request that allowed the read.
  approval_id text REFERENCES credential_access_requests (id),
  at timestamptz NOT NULL,
  -- `readCredential`'s dedupe key plus the attempt's id: a retried write of one attempt is stored once.
  dedupe_key text NOT NULL UNIQUE,
  CHECK (granted = (refusal_code IS NULL)),
  CHECK (approval_id IS NULL OR (granted AND actor_kind = 'portal'))
);
-- The audit list of a credential in order of the attempts.
CREATE INDEX credential_reads_credential_idx ON credential_reads (credential_id, at, id);

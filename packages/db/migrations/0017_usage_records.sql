-- Metered usage of managed-services contracts (C9): pay-per-use is billed per month from the
-- quantities recorded here (`POST /v1/contracts/{id}/usage`, or the usage sent with an on-demand
-- month close). The month close (API and worker) loads a contract month's records under the
-- contract's row lock and prices them with the contract's price list; recording takes the same
-- lock and refuses closed months, so a record is either billed by its month's close or refused.
-- Runs unchanged on PGlite and PostgreSQL.

-- One measured quantity of one meter in one month (e.g. 42 protected devices). Several records
-- of a meter in a month add up. Records are never changed: a closed month never changes (C8).
-- The id comes from a sequence, zero-padded, so id order is recording order, also within one
-- multi-row INSERT.
CREATE SEQUENCE usage_records_id_seq;
CREATE TABLE usage_records (
  id text PRIMARY KEY DEFAULT ('ur-' || lpad(nextval('usage_records_id_seq')::text, 16, '0')),
  contract_id text NOT NULL REFERENCES contingent_contracts (id),
  organization_id text NOT NULL REFERENCES organizations (id),
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  -- A meter of `@kontor/contingent` (`endpoint-protection-device`, …); which ones a contract
  -- prices is its price list's business, checked before insert.
  meter text NOT NULL CHECK (meter <> ''),
  -- P3: an exact decimal, never a float; unconstrained scale keeps the figure as recorded.
  -- `< 'Infinity'` also refuses NaN (which sorts above every number) and infinity.
  quantity numeric NOT NULL CHECK (quantity >= 0 AND quantity < 'Infinity'),
  -- Where the figure came from (e.g. the monitoring system), for audit; '' when not given.
  source text NOT NULL DEFAULT '',
  -- The user who recorded it.
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL
);
-- The close reads a contract month's records; the list filtered by month pages on (recorded_at, id).
CREATE INDEX usage_records_contract_month_idx ON usage_records (contract_id, month, recorded_at, id);
-- The list of a contract's records across months, keyset-paginated on (recorded_at, id).
CREATE INDEX usage_records_contract_recorded_idx ON usage_records (contract_id, recorded_at, id);

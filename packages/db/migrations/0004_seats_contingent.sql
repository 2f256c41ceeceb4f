-- Seats (S1–S10) and contracts with prepaid-hour contingents (C1–C9). Runs unchanged on PGlite
-- and PostgreSQL.

-- The head of an organization's seat history: locked FOR UPDATE by every append, so concurrent
-- commands queue up and each sees the events before it (S10: the history is the state).
CREATE TABLE seat_histories (
  organization_id text PRIMARY KEY REFERENCES organizations (id),
  version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
  updated_at timestamptz NOT NULL
);

-- One `@kontor/seats` SeatEvent per row, in the order the commands appended them. The unique
-- (organization_id, sequence) is the second guard against a lost append.
CREATE TABLE seat_events (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id),
  sequence integer NOT NULL CHECK (sequence >= 1),
  event_id text NOT NULL,
  type text NOT NULL,
  event jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (organization_id, sequence),
  UNIQUE (organization_id, event_id)
);
CREATE INDEX seat_events_organization_idx ON seat_events (organization_id, created_at, id);

-- Contracts of every C1 kind: the parsed `@kontor/contingent` Contract and the open part of its
-- books (ContractAccount without its entries, which live in contingent_time_entries).
CREATE TABLE contingent_contracts (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id),
  kind text NOT NULL,
  contract jsonb NOT NULL,
  account jsonb NOT NULL,
  first_open_month text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX contingent_contracts_created_idx ON contingent_contracts (created_at, id);
CREATE INDEX contingent_contracts_organization_idx ON contingent_contracts (organization_id, created_at, id);

-- Every recorded time entry (C5, C6), kept after its month closes. The id comes from a sequence,
-- zero-padded, so id order is recording order (commands on one contract hold its row lock). The
-- entries of open months (booking_month >= the contract's first_open_month) are loaded with the
-- account in one query. Entry ids stay unique per contract for good (the package only checks
-- the open months).
CREATE SEQUENCE contingent_time_entries_id_seq;
CREATE TABLE contingent_time_entries (
  id text PRIMARY KEY DEFAULT ('te-' || lpad(nextval('contingent_time_entries_id_seq')::text, 16, '0')),
  contract_id text NOT NULL REFERENCES contingent_contracts (id),
  organization_id text NOT NULL REFERENCES organizations (id),
  entry_id text NOT NULL,
  work_date text NOT NULL,
  booking_month text NOT NULL,
  billable boolean NOT NULL,
  billed_minutes integer NOT NULL,
  entry jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (contract_id, entry_id)
);
CREATE INDEX contingent_time_entries_open_idx ON contingent_time_entries (contract_id, booking_month, id);
CREATE INDEX contingent_time_entries_list_idx ON contingent_time_entries (contract_id, created_at, id);

-- One closed month per contract (C8: a closed month never changes): the unique key makes a
-- repeated close a no-op instead of a second invoice.
CREATE TABLE contingent_month_closes (
  id text PRIMARY KEY,
  contract_id text NOT NULL REFERENCES contingent_contracts (id),
  organization_id text NOT NULL REFERENCES organizations (id),
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  closed jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (contract_id, month)
);
CREATE INDEX contingent_month_closes_organization_idx ON contingent_month_closes (organization_id, created_at, id);

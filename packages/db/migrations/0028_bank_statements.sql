-- Bank statement import (T6, T7/C8, P3): the back office uploads the bank's camt.053 statement or
-- camt.054 notification; Kontor books every incoming transfer that names one of its invoices as a
-- payment, reverses the payment of every returned SEPA direct debit (Rücklastschrift) and puts
-- what it cannot decide safely into a review queue. Nothing of the file is lost: the raw file is
-- stored sealed, every transaction with its outcome, and what a transaction did to invoices as
-- bookings. Nothing here is ever deleted (GoBD). Runs unchanged on PGlite and PostgreSQL.

CREATE TABLE bank_statement_imports (
  id text PRIMARY KEY,
  -- GrpHdr/MsgId: the bank never sends two files with one message id, so a file is imported once.
  message_id text NOT NULL UNIQUE CHECK (message_id <> ''),
  -- Lower-case hex SHA-256 of the raw bytes: the same file again under another name.
  file_sha256 text NOT NULL UNIQUE CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  -- The ISO 20022 message, e.g. 'camt.053.001.08'; its kind follows from it (053 statement,
  -- 054 debit/credit notification).
  message_type text NOT NULL CHECK (message_type ~ '^camt\.05[34]\.001\.[0-9]{2}$'),
  kind text NOT NULL CHECK (kind IN ('statement', 'notification')),
  -- The uploaded file's name, when the client gave one.
  filename text,
  -- GrpHdr/CreDtTm exactly as the bank wrote it (with or without an offset).
  file_created_at text NOT NULL,
  -- `sealSecret` of the XML (AES-256-GCM under the process data key, `v1:` prefix): the file holds
  -- the payers' IBANs and names, which are never stored in plain text.
  file_sealed text NOT NULL CHECK (file_sealed LIKE 'v1:%'),
  -- The number of bank_statement_transactions rows of the import (every TxDtls of the file).
  transaction_count integer NOT NULL CHECK (transaction_count >= 0),
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL,
  CONSTRAINT bank_statement_imports_kind_of_message CHECK ((kind = 'statement') = (message_type LIKE 'camt.053.%'))
);
-- The import list, newest first, keyset-paginated by (imported_at, id).
CREATE INDEX bank_statement_imports_imported_idx ON bank_statement_imports (imported_at DESC, id DESC);

CREATE TABLE bank_statement_transactions (
  id text PRIMARY KEY,
  import_id text NOT NULL REFERENCES bank_statement_imports (id),
  -- The order in the file, from 0 (entries in file order, their TxDtls in order).
  position integer NOT NULL CHECK (position >= 0),
  -- Stmt/Id (Ntfctn/Id) and the account it is about (Acct/Id/IBAN, the reseller's own account).
  statement_id text NOT NULL,
  account_iban text NOT NULL CHECK (account_iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$'),
  -- The bank's reference of the booking (AcctSvcrRef): the same booking in a camt.054 and in the
  -- later camt.053 has the same one.
  bank_reference text CHECK (bank_reference <> ''),
  direction text NOT NULL CHECK (direction IN ('credit', 'debit')),
  -- P3: exact; `< 'Infinity'` also refuses NaN (which sorts above every number) and infinity.
  amount numeric NOT NULL CHECK (amount > 0 AND amount < 'Infinity'),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  entry_status text NOT NULL CHECK (entry_status IN ('booked', 'pending', 'info')),
  -- RvslInd: the bank took back an earlier entry.
  reversal boolean NOT NULL,
  booking_date date,
  -- T6: the value date is the day the payment was received (it stops interest).
  value_date date,
  end_to_end_id text,
  mandate_reference text,
  -- RtrInf/Rsn/Cd of a returned direct debit, e.g. 'MD06'.
  return_reason text,
  counterparty_name text,
  -- The payer's (or payee's) IBAN masked, e.g. 'DE89 **** **** **** **30 00': never the full IBAN
  -- in plain text (the full one is only in the sealed file).
  counterparty_iban_masked text CHECK (counterparty_iban_masked LIKE '%*%'),
  -- Remittance text and creditor reference, cut to 1000 characters.
  remittance text NOT NULL CHECK (char_length(remittance) <= 1000),
  -- What the import did with the transaction; 'assigned' and 'dismissed' are only ever reached
  -- from 'review', by a person (the trigger below).
  outcome text NOT NULL CHECK (outcome IN ('booked', 'returned', 'review', 'not-applicable', 'duplicate', 'assigned', 'dismissed')),
  -- The matcher's (or refusing rule's) code and message, e.g. 'BANK_MATCH_NO_INVOICE'.
  outcome_code text,
  outcome_message text,
  -- The earlier transaction of the same bank booking; set iff the outcome is 'duplicate'.
  duplicate_of text REFERENCES bank_statement_transactions (id),
  -- Who resolved a review and when; set together, iff the outcome is 'assigned' or 'dismissed'.
  resolved_by text,
  resolved_at timestamptz,
  -- Why a review was dismissed; set iff the outcome is 'dismissed'.
  dismissal_reason text,
  created_at timestamptz NOT NULL,
  UNIQUE (import_id, position),
  -- A review, a not-applicable and a duplicate always say why.
  CONSTRAINT bank_statement_transactions_outcome_explained CHECK (outcome NOT IN ('review', 'not-applicable', 'duplicate') OR outcome_code IS NOT NULL),
  -- A duplicate is one of an earlier booking with the same bank reference.
  CONSTRAINT bank_statement_transactions_duplicate_of CHECK (
    (outcome = 'duplicate') = (duplicate_of IS NOT NULL)
    AND (duplicate_of IS NULL OR (duplicate_of <> id AND bank_reference IS NOT NULL))
  ),
  CONSTRAINT bank_statement_transactions_resolution CHECK (
    (outcome IN ('assigned', 'dismissed')) = (resolved_by IS NOT NULL)
    AND (resolved_by IS NULL) = (resolved_at IS NULL)
    AND (outcome = 'dismissed') = (dismissal_reason IS NOT NULL)
  )
);
-- The same bank booking (a camt.054 notification and later the camt.053 statement, or the same
-- statement twice under other message ids) is acted on once: of the booked entries with one
-- (account, bank reference) at most one row is not a 'duplicate'. Pending and info entries are
-- not bookings yet (they are never acted on): the later booked entry with their reference must
-- still be matched.
CREATE UNIQUE INDEX bank_statement_transactions_bank_reference_idx ON bank_statement_transactions (account_iban, bank_reference)
  WHERE bank_reference IS NOT NULL AND outcome <> 'duplicate' AND entry_status = 'booked';
-- The review queue (and any other outcome), newest first, keyset-paginated by (created_at, id).
CREATE INDEX bank_statement_transactions_outcome_idx ON bank_statement_transactions (outcome, created_at DESC, id DESC);
-- The same list without an outcome filter.
CREATE INDEX bank_statement_transactions_created_idx ON bank_statement_transactions (created_at DESC, id DESC);

CREATE TABLE bank_statement_bookings (
  transaction_id text NOT NULL REFERENCES bank_statement_transactions (id),
  -- 'payment': the transaction paid the invoice (an incoming transfer, or a review assigned by a
  -- person); 'reversal': it reversed the payment (a returned direct debit, T7/C8).
  kind text NOT NULL CHECK (kind IN ('payment', 'reversal')),
  invoice_id text NOT NULL REFERENCES invoices (id),
  payment_id text NOT NULL REFERENCES invoice_payments (id),
  -- The amount paid or reversed, exact (P3).
  amount numeric NOT NULL CHECK (amount > 0 AND amount < 'Infinity'),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (transaction_id, payment_id, kind),
  -- A payment is made by one transaction and reversed by one.
  UNIQUE (payment_id, kind)
);

-- The database itself keeps what was imported, whatever client or bug tries otherwise: an import
-- is never deleted (also not by TRUNCATE) and never changes.
CREATE FUNCTION bank_statement_imports_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'bank_statement_imports: an import is never changed or deleted (GoBD): % refused', TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER bank_statement_imports_no_change BEFORE UPDATE OR DELETE ON bank_statement_imports
  FOR EACH ROW EXECUTE FUNCTION bank_statement_imports_append_only();
CREATE TRIGGER bank_statement_imports_no_truncate BEFORE TRUNCATE ON bank_statement_imports
  FOR EACH STATEMENT EXECUTE FUNCTION bank_statement_imports_append_only();

-- A transaction is stored with the outcome of its import and never deleted; what it recorded never
-- changes. Only a review is resolved, once, by a person: outcome from 'review' to 'assigned' or
-- 'dismissed', with resolved_by and resolved_at (and the dismissal reason); nothing else changes.
-- An import never stores a resolved transaction.
CREATE FUNCTION bank_statement_transactions_resolve_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.outcome IN ('assigned', 'dismissed') THEN
      RAISE EXCEPTION 'bank_statement_transactions: transaction % is stored with the outcome of its import; % is only reached from review', NEW.id, NEW.outcome
        USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'bank_statement_transactions: a transaction is never deleted (GoBD): % refused', TG_OP
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF OLD.outcome <> 'review' THEN
    RAISE EXCEPTION 'bank_statement_transactions: transaction % is %, not in review; only a review is resolved, once', OLD.id, OLD.outcome
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.outcome NOT IN ('assigned', 'dismissed') THEN
    RAISE EXCEPTION 'bank_statement_transactions: a review is resolved as assigned or dismissed, not %', NEW.outcome
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF (NEW.id, NEW.import_id, NEW.position, NEW.statement_id, NEW.account_iban, NEW.bank_reference, NEW.direction, NEW.amount,
      NEW.currency, NEW.entry_status, NEW.reversal, NEW.booking_date, NEW.value_date, NEW.end_to_end_id, NEW.mandate_reference,
      NEW.return_reason, NEW.counterparty_name, NEW.counterparty_iban_masked, NEW.remittance, NEW.outcome_code,
      NEW.outcome_message, NEW.duplicate_of, NEW.created_at)
     IS DISTINCT FROM
     (OLD.id, OLD.import_id, OLD.position, OLD.statement_id, OLD.account_iban, OLD.bank_reference, OLD.direction, OLD.amount,
      OLD.currency, OLD.entry_status, OLD.reversal, OLD.booking_date, OLD.value_date, OLD.end_to_end_id, OLD.mandate_reference,
      OLD.return_reason, OLD.counterparty_name, OLD.counterparty_iban_masked, OLD.remittance, OLD.outcome_code,
      OLD.outcome_message, OLD.duplicate_of, OLD.created_at) THEN
    RAISE EXCEPTION 'bank_statement_transactions: the recorded columns of transaction % never change; only its review is resolved', OLD.id
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER bank_statement_transactions_no_change BEFORE INSERT OR UPDATE OR DELETE ON bank_statement_transactions
  FOR EACH ROW EXECUTE FUNCTION bank_statement_transactions_resolve_once();
CREATE TRIGGER bank_statement_transactions_no_truncate BEFORE TRUNCATE ON bank_statement_transactions
  FOR EACH STATEMENT EXECUTE FUNCTION bank_statement_transactions_resolve_once();

-- Bookings are only ever inserted: never changed, never deleted. A booking names a payment of its
-- invoice; an incoming transfer (credit) pays, a returned direct debit (debit) reverses.
CREATE FUNCTION bank_statement_bookings_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'bank_statement_bookings: a booking is never changed or deleted (GoBD): % refused', TG_OP
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM invoice_payments WHERE id = NEW.payment_id AND invoice_id = NEW.invoice_id) THEN
    RAISE EXCEPTION 'bank_statement_bookings: payment % is not a payment of invoice %', NEW.payment_id, NEW.invoice_id
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM bank_statement_transactions
                  WHERE id = NEW.transaction_id AND direction = CASE NEW.kind WHEN 'payment' THEN 'credit' ELSE 'debit' END) THEN
    RAISE EXCEPTION 'bank_statement_bookings: a % is booked from a % transaction, not from transaction %', NEW.kind,
      CASE NEW.kind WHEN 'payment' THEN 'credit' ELSE 'debit' END, NEW.transaction_id
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER bank_statement_bookings_no_change BEFORE INSERT OR UPDATE OR DELETE ON bank_statement_bookings
  FOR EACH ROW EXECUTE FUNCTION bank_statement_bookings_append_only();
CREATE TRIGGER bank_statement_bookings_no_truncate BEFORE TRUNCATE ON bank_statement_bookings
  FOR EACH STATEMENT EXECUTE FUNCTION bank_statement_bookings_append_only();

-- The returned direct debits of a file are found by end-to-end ID among the booked collections
-- (findBookedCollectionsByEndToEndIds); the table's keys lead with the batch.
CREATE INDEX direct_debit_collections_booked_end_to_end_idx ON direct_debit_collections (end_to_end_id)
  WHERE payment_id IS NOT NULL;

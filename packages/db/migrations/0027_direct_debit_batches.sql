-- SEPA direct debit collection files (C8, T7): rental and hosting months are billed "by separate
-- direct debit". The invoice mail is the pre-notification and the invoice's due date the
-- pre-notified collection date; a batch is one pain.008.001.08 file the reseller uploads to the
-- bank, with one collection per invoice it collects. The money is booked later as an
-- `invoice_payments` row (the collection then points at it); a batch that was never submitted is
-- cancelled, which releases its collections so that their invoices can be collected again.
-- Nothing here is ever deleted (GoBD). Runs unchanged on PGlite and PostgreSQL.

CREATE TABLE direct_debit_batches (
  id text PRIMARY KEY,
  -- The file's GrpHdr/MsgId: 1–35 characters of the SEPA character set, not starting or ending
  -- with '/' and without '//'; the bank refuses a message id it has seen before.
  message_id text NOT NULL UNIQUE CHECK (
    message_id ~ '^[A-Za-z0-9/?:().,''+ -]{1,35}$'
    AND message_id NOT LIKE '/%'
    AND message_id NOT LIKE '%/'
    AND strpos(message_id, '//') = 0
  ),
  -- GrpHdr/NbOfTxs and CtrlSum: the number and the exact sum (P3) of the batch's collections.
  number_of_transactions integer NOT NULL CHECK (number_of_transactions > 0),
  -- `< 'Infinity'` also refuses NaN (which sorts above every number) and infinity.
  control_sum numeric NOT NULL CHECK (control_sum > 0 AND control_sum < 'Infinity'),
  -- SEPA collects euros only.
  currency text NOT NULL CHECK (currency = 'EUR'),
  -- The earliest and latest ReqdColltnDt of the file's PmtInf blocks.
  first_collection_date date NOT NULL,
  last_collection_date date NOT NULL,
  -- `sealSecret` of the pain.008 XML (AES-256-GCM under the process data key, `v1:` prefix): the
  -- file holds the debtors' IBANs, which are never stored in plain text (as the mandates' are not).
  file_sealed text NOT NULL CHECK (file_sealed LIKE 'v1:%'),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  -- Set once, together, when the batch is cancelled (never submitted, or refused by the bank).
  cancelled_at timestamptz,
  cancelled_by text,
  cancellation_reason text,
  CHECK (first_collection_date <= last_collection_date),
  CONSTRAINT direct_debit_batches_cancellation_complete CHECK (
    (cancelled_at IS NULL AND cancelled_by IS NULL AND cancellation_reason IS NULL)
    OR (cancelled_at IS NOT NULL AND cancelled_by IS NOT NULL)
  )
);
-- The batch list, newest first, keyset-paginated by (created_at, id).
CREATE INDEX direct_debit_batches_created_idx ON direct_debit_batches (created_at DESC, id DESC);

CREATE TABLE direct_debit_collections (
  batch_id text NOT NULL REFERENCES direct_debit_batches (id),
  invoice_id text NOT NULL REFERENCES invoices (id),
  organization_id text NOT NULL REFERENCES organizations (id),
  -- DrctDbtTxInf/PmtId/EndToEndId: the invoice number (1–35 characters, SEPA character set).
  end_to_end_id text NOT NULL CHECK (
    end_to_end_id ~ '^[A-Za-z0-9/?:().,''+ -]{1,35}$'
    AND end_to_end_id NOT LIKE '/%'
    AND end_to_end_id NOT LIKE '%/'
    AND strpos(end_to_end_id, '//') = 0
  ),
  -- InstdAmt: the invoice's open amount when the file was written (T7: never more), exact (P3).
  amount numeric NOT NULL CHECK (amount > 0 AND amount < 'Infinity'),
  currency text NOT NULL CHECK (currency = 'EUR'),
  -- ReqdColltnDt: the invoice's due date, the pre-notified collection date (T7).
  collection_date date NOT NULL,
  -- MndtRltdInf/MndtId: the mandate the invoice pre-notified.
  mandate_reference text NOT NULL CHECK (mandate_reference <> ''),
  -- The payment the collected money was booked as; set once.
  payment_id text REFERENCES invoice_payments (id),
  -- Set once, when the batch is cancelled before this collection was booked.
  released_at timestamptz,
  PRIMARY KEY (batch_id, invoice_id),
  -- A file names each transaction once.
  UNIQUE (batch_id, end_to_end_id),
  -- A collection is either booked or released, never both.
  CONSTRAINT direct_debit_collections_booked_or_released CHECK (payment_id IS NULL OR released_at IS NULL)
);
-- At most one pending collection per invoice (not booked, not released): an invoice is never in
-- two files that both could be collected. Once booked (and its payment possibly reversed, a
-- Rücklastschrift) or released, the invoice can be collected again in a later file.
CREATE UNIQUE INDEX direct_debit_collections_pending_idx ON direct_debit_collections (invoice_id)
  WHERE payment_id IS NULL AND released_at IS NULL;
-- A payment books at most one collection.
CREATE UNIQUE INDEX direct_debit_collections_payment_idx ON direct_debit_collections (payment_id)
  WHERE payment_id IS NOT NULL;

-- The candidates of a new file walk finalized direct-debit invoices and correction invoices by
-- (due date, id): the payment means and the due date live in the stored document only.
CREATE INDEX invoices_direct_debit_due_idx ON invoices ((document -> 'paymentTerms' ->> 'dueDate'), id)
  WHERE status = 'finalized' AND type IN ('invoice', 'corrected-invoice')
    AND (document -> 'source' -> 'paymentMeans' ->> 'kind') = 'sepa-direct-debit';

-- The database itself keeps what was recorded, whatever client or bug tries otherwise: no batch is
-- deleted (also not by TRUNCATE), its recorded columns never change, and its cancellation is
-- written once.
CREATE FUNCTION direct_debit_batches_cancel_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'direct_debit_batches: a batch is never deleted (GoBD), it is cancelled: % refused', TG_OP
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF OLD.cancelled_at IS NOT NULL THEN
    RAISE EXCEPTION 'direct_debit_batches: batch % is cancelled already; a cancellation is recorded once', OLD.id
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF (NEW.id, NEW.message_id, NEW.number_of_transactions, NEW.control_sum, NEW.currency, NEW.first_collection_date,
      NEW.last_collection_date, NEW.file_sealed, NEW.created_by, NEW.created_at)
     IS DISTINCT FROM
     (OLD.id, OLD.message_id, OLD.number_of_transactions, OLD.control_sum, OLD.currency, OLD.first_collection_date,
      OLD.last_collection_date, OLD.file_sealed, OLD.created_by, OLD.created_at) THEN
    RAISE EXCEPTION 'direct_debit_batches: the recorded columns of batch % never change; only its cancellation is recorded', OLD.id
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER direct_debit_batches_no_change BEFORE UPDATE OR DELETE ON direct_debit_batches
  FOR EACH ROW EXECUTE FUNCTION direct_debit_batches_cancel_once();
CREATE TRIGGER direct_debit_batches_no_truncate BEFORE TRUNCATE ON direct_debit_batches
  FOR EACH STATEMENT EXECUTE FUNCTION direct_debit_batches_cancel_once();

-- A collection starts pending, in a batch that stands; it is never deleted and what it recorded
-- never changes; it is settled once: booked (payment_id from NULL to a payment of the same
-- invoice) or released (released_at from NULL).
-- A collection of a cancelled batch is never booked: the batch row is read FOR SHARE, so a
-- booking waits for a concurrent cancellation and then sees it. A collection is released only
-- with its batch's cancellation (the batch is cancelled first, in the same transaction).
CREATE FUNCTION direct_debit_collections_settle_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.payment_id IS NOT NULL OR NEW.released_at IS NOT NULL THEN
      RAISE EXCEPTION 'direct_debit_collections: a collection starts pending (invoice % in batch %)', NEW.invoice_id, NEW.batch_id
        USING ERRCODE = 'restrict_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM direct_debit_batches WHERE id = NEW.batch_id AND cancelled_at IS NOT NULL) THEN
      RAISE EXCEPTION 'direct_debit_collections: batch % is cancelled; it takes no collections', NEW.batch_id
        USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'direct_debit_collections: a collection is never deleted (GoBD): % refused', TG_OP
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF OLD.payment_id IS NOT NULL OR OLD.released_at IS NOT NULL THEN
    RAISE EXCEPTION 'direct_debit_collections: the collection of invoice % in batch % is settled already; it is booked or released once', OLD.invoice_id, OLD.batch_id
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF (NEW.batch_id, NEW.invoice_id, NEW.organization_id, NEW.end_to_end_id, NEW.amount, NEW.currency, NEW.collection_date, NEW.mandate_reference)
     IS DISTINCT FROM
     (OLD.batch_id, OLD.invoice_id, OLD.organization_id, OLD.end_to_end_id, OLD.amount, OLD.currency, OLD.collection_date, OLD.mandate_reference) THEN
    RAISE EXCEPTION 'direct_debit_collections: the recorded columns of the collection of invoice % in batch % never change; only its booking or release is recorded', OLD.invoice_id, OLD.batch_id
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.payment_id IS NOT NULL THEN
    IF NOT EXISTS (SELECT 1 FROM invoice_payments WHERE id = NEW.payment_id AND invoice_id = NEW.invoice_id) THEN
      RAISE EXCEPTION 'direct_debit_collections: payment % is not a payment of invoice %', NEW.payment_id, NEW.invoice_id
        USING ERRCODE = 'restrict_violation';
    END IF;
    PERFORM 1 FROM direct_debit_batches WHERE id = NEW.batch_id AND cancelled_at IS NULL FOR SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'direct_debit_collections: batch % is cancelled; its collections are not booked', NEW.batch_id
        USING ERRCODE = 'restrict_violation';
    END IF;
  END IF;
  IF NEW.released_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM direct_debit_batches WHERE id = NEW.batch_id AND cancelled_at IS NOT NULL) THEN
    RAISE EXCEPTION 'direct_debit_collections: batch % is not cancelled; its collections are released only with its cancellation', NEW.batch_id
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER direct_debit_collections_no_change BEFORE INSERT OR UPDATE OR DELETE ON direct_debit_collections
  FOR EACH ROW EXECUTE FUNCTION direct_debit_collections_settle_once();
CREATE TRIGGER direct_debit_collections_no_truncate BEFORE TRUNCATE ON direct_debit_collections
  FOR EACH STATEMENT EXECUTE FUNCTION direct_debit_collections_settle_once();

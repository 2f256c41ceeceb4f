-- Payment reversal: a recorded payment that did not pay the invoice — a SEPA direct debit that
-- came back (Rücklastschrift, up to 8 weeks later), a cheque that bounced, a payment booked on the
-- wrong invoice — is reversed. A payment is still never deleted (GoBD) and its recorded columns
-- never change; its reversal is recorded once, in the columns below, by the application
-- (`@kontor/invoicing`'s `reversePayment`, under the invoice's row lock; `markPaymentReversed`
-- sets them only while `reversed_on IS NULL`). A reversed payment counts for nothing in the open
-- amount (it never discharged the debt). Runs unchanged on PGlite and PostgreSQL.

ALTER TABLE invoice_payments
  -- The day the payment was reversed (the return on the bank statement, the day the mistake was found).
  ADD COLUMN reversed_on date,
  -- `returned` (the money went back) or `recorded-in-error` (never paid this invoice).
  ADD COLUMN reversal_reason text CHECK (reversal_reason IN ('returned', 'recorded-in-error')),
  -- Free text: the bank's return reason, what was wrong; NULL when none was given.
  ADD COLUMN reversal_note text,
  -- The user who reversed it; NULL when the system did.
  ADD COLUMN reversed_by text,
  ADD COLUMN reversed_at timestamptz,
  -- Either no reversal at all, or one with its day, reason and instant.
  ADD CONSTRAINT invoice_payments_reversal_complete CHECK (
    (reversed_on IS NULL AND reversal_reason IS NULL AND reversal_note IS NULL AND reversed_by IS NULL AND reversed_at IS NULL)
    OR (reversed_on IS NOT NULL AND reversal_reason IS NOT NULL AND reversed_at IS NOT NULL)
  ),
  -- A payment is reversed after it arrived.
  ADD CONSTRAINT invoice_payments_reversed_after_received CHECK (reversed_on IS NULL OR reversed_on >= received_on);

-- The database itself keeps that promise, whatever client or bug tries otherwise: no payment is
-- deleted (also not by TRUNCATE), its recorded columns never change, and the reversal is written
-- once (an update of a reversed payment is refused).
CREATE FUNCTION invoice_payments_reversal_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'invoice_payments: a payment is never deleted (GoBD), it is reversed: % refused', TG_OP
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF OLD.reversed_on IS NOT NULL THEN
    RAISE EXCEPTION 'invoice_payments: payment % is reversed already; a reversal is recorded once', OLD.id
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF (NEW.id, NEW.invoice_id, NEW.organization_id, NEW.amount, NEW.currency, NEW.received_on, NEW.method, NEW.reference, NEW.recorded_by, NEW.recorded_at)
     IS DISTINCT FROM
     (OLD.id, OLD.invoice_id, OLD.organization_id, OLD.amount, OLD.currency, OLD.received_on, OLD.method, OLD.reference, OLD.recorded_by, OLD.recorded_at) THEN
    RAISE EXCEPTION 'invoice_payments: the recorded columns of payment % never change; only its reversal is recorded', OLD.id
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER invoice_payments_no_change BEFORE UPDATE OR DELETE ON invoice_payments
  FOR EACH ROW EXECUTE FUNCTION invoice_payments_reversal_once();
CREATE TRIGGER invoice_payments_no_truncate BEFORE TRUNCATE ON invoice_payments
  FOR EACH STATEMENT EXECUTE FUNCTION invoice_payments_reversal_once();

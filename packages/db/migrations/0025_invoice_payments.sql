-- Payments received on finalized invoices and correction invoices: with them and the finalized
-- credit notes an invoice has an open amount, the overdue list and the T6 late-payment claim
-- (RULES.md T6) work on real invoices. A payment is recorded once and never changed or deleted
-- (GoBD); the application checks it against the invoice (`@kontor/invoicing`'s `recordPayment`)
-- under the invoice's row lock before inserting it. Runs unchanged on PGlite and PostgreSQL.

CREATE TABLE invoice_payments (
  id text PRIMARY KEY,
  invoice_id text NOT NULL REFERENCES invoices (id),
  organization_id text NOT NULL REFERENCES organizations (id),
  -- P3: an exact decimal, never a float, in the invoice's currency. `< 'Infinity'` also refuses
  -- NaN (which sorts above every number) and infinity.
  amount numeric NOT NULL CHECK (amount > 0 AND amount < 'Infinity'),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- The day the money arrived (the bank statement's value date).
  received_on date NOT NULL,
  -- A payment method of `@kontor/invoicing` (`bank-transfer`, `sepa-direct-debit`, …).
  method text NOT NULL CHECK (method <> ''),
  -- Bank statement text or card transaction id; NULL when none was given.
  reference text,
  -- The user who recorded it; NULL when recorded by the system.
  recorded_by text,
  recorded_at timestamptz NOT NULL
);
-- An invoice's payments in the order they arrived; also what the open amount sums per invoice.
CREATE INDEX invoice_payments_invoice_idx ON invoice_payments (invoice_id, received_on, id);

-- The overdue list walks finalized invoices and correction invoices by (due date, id): the due
-- date lives in the stored document only.
CREATE INDEX invoices_payable_due_idx ON invoices ((document -> 'paymentTerms' ->> 'dueDate'), id)
  WHERE status = 'finalized' AND type IN ('invoice', 'corrected-invoice');

-- The bank's credit of a direct debit file names each collection by its end-to-end ID (C8): the
-- bank statement import finds the pending collections (neither booked nor released) by it to book
-- them (findPendingCollectionsByEndToEndIds). Runs unchanged on PGlite and PostgreSQL.
CREATE INDEX direct_debit_collections_pending_end_to_end_idx ON direct_debit_collections (end_to_end_id)
  WHERE payment_id IS NULL AND released_at IS NULL;

-- A quote is accepted once (L7, L8): at most one order that is not cancelled refers to it, so
-- two clicks or two staff members cannot buy the same licenses twice. A cancelled order frees
-- the quote for a new one while it is still valid. Runs unchanged on PGlite and PostgreSQL.
CREATE UNIQUE INDEX license_orders_open_quote_idx ON license_orders (quote_id)
  WHERE quote_id IS NOT NULL AND status <> 'cancelled';

-- M1: the prices a customer pays per user and month in the rental marketplace, where they differ
-- from the catalog's list price. One list per organization, replaced as a whole through
-- `PUT /v1/organizations/:id/rental-price-list` with a version check. Runs unchanged on PGlite
-- and PostgreSQL.

-- `prices` is the JSON form of `@kontor/licensing`'s `CustomerPriceList.prices`
-- (`[{ productId, pricePerUser: { amount, currency } }]`); readers check it again with
-- `customerPriceListSchema`. No row: the customer pays list prices.
CREATE TABLE customer_price_lists (
  organization_id text PRIMARY KEY REFERENCES organizations (id),
  prices jsonb NOT NULL CHECK (jsonb_typeof(prices) = 'array'),
  -- Optimistic locking: 1 for the first write, +1 for each replacement.
  version integer NOT NULL CHECK (version >= 1),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL
);

-- T7: a mandate's pre-notification period is the one the customer agreed, if any. Until now the
-- column defaulted to 14, so "nothing agreed" and "14 agreed" looked alike and an installation's
-- SEPA policy with another period (P1, `/v1/terms-policies`) could never apply to a mandate.
-- NULL now means "nothing agreed": the SEPA policy in force decides (14 days shipped). Runs
-- unchanged on PGlite and PostgreSQL.
ALTER TABLE sepa_mandates ALTER COLUMN pre_notification_days DROP DEFAULT;
ALTER TABLE sepa_mandates ALTER COLUMN pre_notification_days DROP NOT NULL;

-- Existing 14s were the default (the API offered nothing else without an agreement), and 14 is
-- what T7 applies without one: they become "nothing agreed". Agreed shorter periods stay.
UPDATE sepa_mandates SET pre_notification_days = NULL WHERE pre_notification_days = 14;

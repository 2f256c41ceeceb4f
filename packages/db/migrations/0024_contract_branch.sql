-- O1: a contract names the customer's branch it serves (`branchId` in the stored contract, null
-- for the company itself), so that a customer who bills its branches separately gets that
-- branch's invoices. Contracts stored before carry no such field: they serve the company.
-- Runs unchanged on PGlite and PostgreSQL.
UPDATE contingent_contracts
SET contract = contract || '{"branchId": null}'::jsonb
WHERE NOT (contract ? 'branchId');

-- K13: the service report history (GET /v1/service-reports) is listed newest month first and
-- paginated on (month, id). A portal manager's list is one organization's: this index reads just
-- the rows of a page. Staff list every customer's, optionally of one month: the second index.
-- A contract's reports already have the unique (contract_id, month).
CREATE INDEX service_reports_organization_month_idx ON service_reports (organization_id, month, id);
CREATE INDEX service_reports_month_idx ON service_reports (month, id);

import { firstDayOf, lastDayOf, nextMonth } from "@kontor/contingent";
import { AUTOMATIC_SERVICE_REPORT_RELEASE, findContract, insertServiceReportIfAbsent } from "@kontor/db";
import { composeServiceReport, renderServiceReportPdf, unwrap } from "@kontor/invoicing";
import { loadDejaVuFonts } from "@kontor/invoicing/fonts";
import { expect } from "vitest";
import { BAECKEREI, MUELLER } from "../../testing/fixtures.js";
import type { TestApi } from "../../testing/test-api.js";
import { contingentContractInput } from "../contingent/contingent-fixtures.js";
import { KONTOR_SELLER } from "../invoices/invoice-fixtures.js";

/** A report stored by {@link storeServiceReport}: its id and the PDF bytes as stored. */
export interface StoredTestReport {
  readonly id: string;
  readonly pdf: Uint8Array;
}

/**
 * Test data (not used by the routes): concludes the contingent `contractId` for the
 * organization through the API unless it exists, then renders the month's service report with
 * `@kontor/invoicing` and stores it through the repository at `storedAt`, as the worker does at
 * month close (C8): released automatically, or with `{ held: true }` held for the back office's
 * billing release (K1), as under the billing setting `billingRelease: "back-office"`.
 */
export async function storeServiceReport(
  api: TestApi,
  contractId: string,
  organizationId: string,
  month: string,
  storedAt: Date,
  options: { readonly held?: boolean } = {},
): Promise<StoredTestReport> {
  if ((await findContract(api.database.db, contractId)) === undefined) {
    const created = await api.request({ method: "POST", url: "/v1/contracts", payload: contingentContractInput(contractId, organizationId), token: api.tokens.accountManager });
    expect(created.statusCode, created.body).toBe(201);
  }
  const organization = organizationId === BAECKEREI.id ? BAECKEREI : MUELLER;
  const id = `SR-${contractId}-${month}`;
  const report = unwrap(
    composeServiceReport({
      id,
      issueDate: firstDayOf(nextMonth(month)),
      period: { start: firstDayOf(month), end: lastDayOf(month) },
      seller: KONTOR_SELLER,
      customer: {
        name: organization.name,
        id: organization.id,
        address: { lines: [organization.address.street], postcode: organization.address.postalCode, city: organization.address.city, countryCode: organization.address.country },
      },
      contractReference: contractId,
      entries: [{ workDate: `${month}-15`, ticketId: "T-100", technician: "S. Wassmann", description: "Backup-Prüfung", rawMinutes: 20, billedMinutes: 30, billable: true }],
    }),
  );
  const pdf = renderServiceReportPdf(report, { fonts: loadDejaVuFonts() });
  const releasedBy = options.held === true ? null : AUTOMATIC_SERVICE_REPORT_RELEASE;
  const row = await insertServiceReportIfAbsent(api.database.db, { id, contractId, organizationId, month, pdf, releasedBy }, storedAt);
  return { id: row.id, pdf: row.pdf };
}

import { expect } from "vitest";
import type { TestApi } from "../../testing/test-api.js";
import { NORDLICHT_BILLING_SETTINGS } from "../billing-settings/billing-settings-fixtures.js";
import { muellerInvoiceInput } from "../invoices/invoice-fixtures.js";

/** The installation's SEPA creditor identifier in the tests. */
export const CREDITOR_ID = "DE98ZZZ09999999999";
/** Müller GmbH's account, as its mandate and invoices name it. */
export const MUELLER_IBAN = "DE02120300000000202051";

/** Stores the installation's billing settings (the creditor's name and account) and a mandate of Müller GmbH. */
export async function prepareCollections(api: TestApi, mandateReference: string): Promise<void> {
  const current = await api.request({ method: "GET", url: "/v1/billing-settings", token: api.tokens.admin });
  const expectedVersion = current.statusCode === 200 ? current.json<{ version: number }>().version : 0;
  const settings = await api.request({ method: "PUT", url: "/v1/billing-settings", token: api.tokens.admin, payload: { ...NORDLICHT_BILLING_SETTINGS, sepaCreditorId: CREDITOR_ID, expectedVersion } });
  expect([200, 201], settings.body).toContain(settings.statusCode);
  const mandate = await api.request({
    method: "POST",
    url: `/v1/organizations/${api.organizations.mueller}/sepa-mandates`,
    token: api.tokens.backOffice,
    payload: { mandateReference, debtorIban: MUELLER_IBAN, debtorName: "Müller GmbH", signedOn: "2026-11-02" },
  });
  expect(mandate.statusCode, mandate.body).toBe(201);
}

/**
 * A finalized invoice of 351.86 EUR to Müller GmbH, issued 2026-11-25 and collected by direct
 * debit under `mandateReference` on `collectionDate` (its due date, the pre-notified day, T7).
 */
export async function finalizedDirectDebitInvoice(api: TestApi, buyerReference: string, mandateReference: string, collectionDate: string): Promise<{ id: string; number: string }> {
  const draft = await api.request({
    method: "POST",
    url: "/v1/invoices",
    token: api.tokens.backOffice,
    payload: muellerInvoiceInput({
      buyerReference,
      paymentTerms: { dueDate: collectionDate, calendar: "DE-NW" },
      paymentMeans: { kind: "sepa-direct-debit", mandateReference, creditorId: CREDITOR_ID, debtorIban: MUELLER_IBAN },
    }),
  });
  expect(draft.statusCode, draft.body).toBe(201);
  const { id } = draft.json<{ id: string }>();
  const finalized = await api.request({ method: "POST", url: `/v1/invoices/${id}/finalization`, token: api.tokens.backOffice });
  expect(finalized.statusCode, finalized.body).toBe(200);
  return { id, number: finalized.json<{ number: string }>().number };
}

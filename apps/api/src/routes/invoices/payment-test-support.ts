import { expect } from "vitest";
import type { TestApi } from "../../testing/test-api.js";
import { muellerInvoiceInput } from "./invoice-fixtures.js";

/** An amount as the API shows it. */
export interface MoneyBody {
  readonly amount: string;
  readonly currency: string;
}

/** `balance` of the payment routes. */
export interface BalanceBody {
  readonly status: string;
  readonly amountDue: MoneyBody;
  readonly credited: MoneyBody;
  readonly paid: MoneyBody;
  readonly open: MoneyBody;
  readonly dueDate: string;
  readonly settledOn: string | null;
  readonly overdueDays: number;
}

/** A payment as the payment routes show it. */
export interface PaymentBody {
  readonly id: string;
  readonly amount: MoneyBody;
  readonly receivedOn: string;
  readonly method: string;
  readonly reference: string | null;
  readonly reversal: { readonly reversedOn: string; readonly reason: string; readonly note: string | null } | null;
}

/** The T6 claim as `GET /v1/invoices/:id/payments` shows it. */
export interface ClaimBody {
  readonly segments: readonly {
    from: string;
    until: string;
    principal: MoneyBody;
    interest: MoneyBody;
    periods: readonly { from: string; until: string; days: number; ratePercent: string; interest: MoneyBody }[];
  }[];
  readonly interest: MoneyBody;
  readonly flatFee: MoneyBody | null;
  readonly total: MoneyBody;
}

/** `GET /v1/invoices/:id/payments`. */
export interface PaymentsView {
  readonly asOf: string;
  readonly balance: BalanceBody;
  readonly payments: readonly PaymentBody[];
  readonly latePayment: ClaimBody | null;
}

/** An amount in euros. */
export const eur = (amount: string): MoneyBody => ({ amount, currency: "EUR" });

/**
 * A finalized invoice of 351.86 EUR to Müller GmbH (`muellerInvoiceInput`), issued 2026-11-25 and
 * due Monday 2026-12-28 (T1, §193 BGB); the API's clock is set to 2026-11-25 09:00 UTC.
 */
export async function finalizedMuellerInvoice(api: TestApi, buyerReference: string): Promise<{ id: string; number: string }> {
  api.clock.set(new Date("2026-11-25T09:00:00Z"));
  const draft = await api.request({ method: "POST", url: "/v1/invoices", payload: muellerInvoiceInput({ buyerReference }), token: api.tokens.backOffice });
  expect(draft.statusCode, draft.body).toBe(201);
  const { id } = draft.json<{ id: string }>();
  const finalized = await api.request({ method: "POST", url: `/v1/invoices/${id}/finalization`, token: api.tokens.backOffice });
  expect(finalized.statusCode, finalized.body).toBe(200);
  const body = finalized.json<{ number: string; dueDate: string; totals: { amountDue: MoneyBody } }>();
  expect([body.dueDate, body.totals.amountDue]).toEqual(["2026-12-28", eur("351.86")]);
  return { id, number: body.number };
}

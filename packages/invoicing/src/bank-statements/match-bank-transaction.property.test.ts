import { Money } from "@kontor/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchBankTransaction } from "../index.js";
import { entryOf, invoiceToMatch, knowledge, transferOf } from "./test-support.js";

const cents = (units: number) => Money.fromMinorUnits(units, "EUR");

describe("matchBankTransaction (property, P3)", () => {
  it("a payment never allocates more than an invoice's open amount and its allocations sum exactly to the transfer", () => {
    fc.assert(
      fc.property(
        // Open amounts of invoices 1..n, in cents; some paid (0) or overpaid (negative).
        fc.array(fc.integer({ min: -5_000, max: 2_000_000 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 6_000_000 }),
        fc.boolean(),
        (opens, picks, transferCents, payExactSum) => {
          const invoices = opens.map((units, index) => invoiceToMatch(index + 1, cents(units)));
          const named = [...new Set(picks.map((pick) => invoices[pick % invoices.length]))].filter((invoice) => invoice !== undefined);
          const openSum = named.reduce((sum, invoice) => (invoice.open.isPositive() ? sum.add(invoice.open) : sum), cents(0));
          // Half of the runs pay exactly what is open, so the several-invoice payment is reached.
          const amount = payExactSum && openSum.isPositive() ? openSum : cents(transferCents);
          const transaction = { ...transferOf("1.00", `Rechnungen ${named.map((invoice) => invoice.number).join(", ")}`), amount };
          const match = matchBankTransaction(entryOf(transaction), transaction, knowledge(invoices));
          if (match.kind !== "payment") return;
          const byId = new Map(invoices.map((invoice) => [invoice.invoiceId, invoice]));
          for (const allocation of match.allocations) {
            const open = byId.get(allocation.invoiceId)?.open;
            expect(open?.isPositive()).toBe(true);
            expect(allocation.amount.isPositive()).toBe(true);
            expect(open !== undefined && allocation.amount.greaterThan(open)).toBe(false);
          }
          expect(Money.sum(match.allocations.map((allocation) => allocation.amount)).equals(amount)).toBe(true);
          expect(new Set(match.allocations.map((allocation) => allocation.invoiceId)).size).toBe(match.allocations.length);
        },
      ),
      { numRuns: 500 },
    );
  });
});

import { Money } from "@kontor/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unwrap, writeSepaDirectDebitFile, type DirectDebitCollectionInput } from "../index.js";
import { readPain008 } from "../test-support/pain008-reader.js";
import { collection, fileInput, OTHER_CREDITOR_ID, CREDITOR_ID } from "./test-support.js";

const DAYS = ["2026-12-01", "2026-12-02", "2026-12-15", "2026-12-16", "2027-01-04"] as const;
const eur = (amount: string) => Money.of(amount, "EUR");

/** 1–50 collections with random cent amounts (0.01 … 999,999,999.99), days, sequence types and creditor IDs. */
const collections = fc
  .array(
    fc.record({
      cents: fc.oneof(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999_999_999 })),
      day: fc.constantFrom(...DAYS),
      sequenceType: fc.constantFrom("RCUR" as const, "FRST" as const),
      creditorId: fc.constantFrom(CREDITOR_ID, OTHER_CREDITOR_ID),
    }),
    { minLength: 1, maxLength: 50 },
  )
  .map((drawn): DirectDebitCollectionInput[] =>
    drawn.map((entry, index) =>
      collection({
        endToEndId: `RE-2026-${String(index + 1).padStart(6, "0")}`,
        amount: Money.fromMinorUnits(entry.cents, "EUR").toJSON(),
        collectionDate: entry.day,
        sequenceType: entry.sequenceType,
        creditorId: entry.creditorId,
      }),
    ),
  );

describe("writeSepaDirectDebitFile (properties, P3)", () => {
  it("CtrlSum == sum of the InstdAmt read back == sum of the PmtInf CtrlSums, NbOfTxs matches: no cent lost or created", () => {
    fc.assert(
      fc.property(collections, (given) => {
        const file = unwrap(writeSepaDirectDebitFile(fileInput(given)));
        const read = readPain008(file.xml);
        const expected = Money.sum(given.map((entry) => eur(entry.amount.amount)), "EUR");
        const transactions = read.paymentInformation.flatMap((block) => block.transactions);

        expect(read.controlSum).toBe(expected.toFixed());
        expect(Money.sum(transactions.map((transaction) => eur(transaction.amount ?? "")), "EUR").toFixed()).toBe(read.controlSum);
        expect(Money.sum(read.paymentInformation.map((block) => eur(block.controlSum ?? "")), "EUR").toFixed()).toBe(read.controlSum);
        expect(file.controlSum.toFixed()).toBe(read.controlSum);

        expect(read.numberOfTransactions).toBe(String(given.length));
        expect(transactions).toHaveLength(given.length);
        for (const block of read.paymentInformation) {
          expect(block.numberOfTransactions).toBe(String(block.transactions.length));
          expect(block.controlSum).toBe(Money.sum(block.transactions.map((transaction) => eur(transaction.amount ?? "")), "EUR").toFixed());
        }
        // Every collection exactly once, in the block of its own day, sequence type and creditor ID.
        expect(transactions.map((transaction) => transaction.endToEndId).sort()).toEqual(given.map((entry) => entry.endToEndId).sort());
        for (const block of read.paymentInformation) {
          for (const transaction of block.transactions) {
            const source = given.find((entry) => entry.endToEndId === transaction.endToEndId);
            expect([block.collectionDate, block.sequenceType, block.creditorId, transaction.amount]).toEqual([
              source?.collectionDate,
              source?.sequenceType,
              source?.creditorId,
              source === undefined ? undefined : eur(source.amount.amount).toFixed(),
            ]);
          }
        }
        // One block per (day, sequence type, creditor ID), by ascending day.
        const keys = read.paymentInformation.map((block) => `${block.collectionDate ?? ""} ${block.sequenceType ?? ""} ${block.creditorId ?? ""}`);
        expect(new Set(keys).size).toBe(keys.length);
        const days = read.paymentInformation.map((block) => block.collectionDate ?? "");
        expect(days).toEqual([...days].sort());
      }),
      { numRuns: 200 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paymentMeansSchema } from "../documents/payment.js";
import { ibanProblem, ibanSchema, isValidIban, normalizeIban } from "./iban.js";
import { mod97 } from "./mod97.js";

/** A German IBAN for an 18-digit BBAN (bank code + account number), check digits computed. */
function germanIban(bban: string): string {
  const check = 98 - (mod97(`${bban}DE00`) ?? Number.NaN);
  return `DE${String(check).padStart(2, "0")}${bban}`;
}

describe("IBAN check digits (ISO 13616, MOD 97-10)", () => {
  it.each([
    "DE89370400440532013000",
    "DE02120300000000202051",
    "GB82WEST12345698765432",
    "NL91ABNA0417164300",
    "FR1420041010050500013M02606",
    "AT611904300234573201",
    "CH9300762011623852957",
    "BE68539007547034",
    "NO9386011117947",
    "MT84MALT011000012345MTLCAST001S",
  ])("accepts the published example %s", (iban) => {
    expect(ibanProblem(iban)).toBeUndefined();
  });

  it("accepts the printed form with spaces and lower case and stores the electronic one", () => {
    expect(ibanSchema.parse("de02 1203 0000 0000 2020 51")).toBe("DE02120300000000202051");
    expect(isValidIban("DE89 3704 0044 0532 0130 00")).toBe(true);
  });

  it("refuses a mistyped digit, swapped neighbours and a wrong length, saying which", () => {
    expect(ibanProblem("DE89370400440532013001")).toMatch(/check digits/);
    expect(ibanProblem("DE89370400440523013000")).toMatch(/check digits/);
    expect(ibanProblem("DE8937040044053201300")).toMatch(/DE has 22 characters, not 21/);
    expect(ibanProblem("Kontonummer 4711")).toMatch(/Expected an IBAN/);
    expect(ibanProblem("DE89-3704-0044-0532-0130-00")).toMatch(/Expected an IBAN/);
  });

  it("reports a wrong IBAN at its field in the payment means (BT-84)", () => {
    const parsed = paymentMeansSchema.safeParse({ kind: "sepa-credit-transfer", iban: "DE02 1203 0000 0000 2020 52" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["iban", "The IBAN's check digits do not match: a character is mistyped"]]);
  });

  it("every German IBAN with computed check digits is valid; any one changed digit makes it invalid", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{18}$/),
        fc.nat(21),
        fc.integer({ min: 1, max: 9 }),
        (bban, position, delta) => {
          const iban = germanIban(bban);
          expect(isValidIban(iban)).toBe(true);
          // Letters of the country code become two digits; change only digit positions.
          const at = Math.max(2, position);
          const digit = (Number(iban[at]) + delta) % 10;
          const mistyped = `${iban.slice(0, at)}${String(digit)}${iban.slice(at + 1)}`;
          expect(isValidIban(mistyped)).toBe(false);
        },
      ),
    );
  });

  it("every swap of two different neighbouring digits is caught", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{18}$/), fc.integer({ min: 2, max: 20 }), (bban, at) => {
        const iban = germanIban(bban);
        fc.pre(iban[at] !== iban[at + 1]);
        const swapped = `${iban.slice(0, at)}${iban[at + 1] ?? ""}${iban[at] ?? ""}${iban.slice(at + 2)}`;
        expect(isValidIban(swapped)).toBe(false);
      }),
    );
  });

  it("normalizes whitespace of any kind", () => {
    expect(normalizeIban("\tde02 1203\u00a00000 0000 2020 51 ")).toBe("DE02120300000000202051");
  });
});

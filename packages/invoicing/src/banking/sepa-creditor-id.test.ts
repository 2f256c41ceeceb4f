import { describe, expect, it } from "vitest";
import { paymentMeansSchema } from "../documents/payment.js";
import { isValidSepaCreditorId } from "./sepa-creditor-id.js";

describe("SEPA creditor identifier (EPC262-08, BT-90)", () => {
  it("accepts the Bundesbank's test creditor ID, whatever the business code", () => {
    expect(isValidSepaCreditorId("DE98ZZZ09999999999")).toBe(true);
    // The business code (characters 5–7) is not part of the check.
    expect(isValidSepaCreditorId("DE98ABC09999999999")).toBe(true);
  });

  it("refuses a mistyped national identifier or check digit", () => {
    expect(isValidSepaCreditorId("DE98ZZZ09999999998")).toBe(false);
    expect(isValidSepaCreditorId("DE97ZZZ09999999999")).toBe(false);
    expect(isValidSepaCreditorId("DE98ZZZ")).toBe(false);
  });

  it("reports a wrong creditor ID at its field in the payment means", () => {
    const parsed = paymentMeansSchema.safeParse({ kind: "sepa-direct-debit", mandateReference: "M-1", creditorId: "DE98ZZZ09999999998", debtorIban: "DE89370400440532013000" });
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["creditorId"]);
  });
});

import { describe, expect, it } from "vitest";
import { MUELLER } from "../test-support/fixtures.js";
import { branchSchema, organizationSchema } from "./organization.js";

/** Niederlassung Wien (AT) of a German customer: registered for VAT in Austria, billed separately (O1, T3). */
const WIEN = {
  id: "br-wien",
  name: "Niederlassung Wien",
  address: { street: "Kärntner Ring 12", postalCode: "1010", city: "Wien", country: "AT" },
  receivesGoods: true,
  receivesServices: true,
};

describe("branch VAT IDs (O1, T3, T4)", () => {
  it("O1, T4: a branch may carry its own VAT ID in normalized form; without one it is valid as before", () => {
    expect(branchSchema.parse({ ...WIEN, vatId: "ATU13585627" }).vatId).toBe("ATU13585627");
    expect(branchSchema.parse(WIEN).vatId).toBeUndefined();
  });

  it("T4: a branch VAT ID with separators or in lower case is not normalized and is refused at branches.0.vatId, like the organization's at vatId", () => {
    for (const vatId of ["ATU 135 856 27", "atu13585627", "AT-U13585627", "A"]) {
      const record = organizationSchema.safeParse({ ...MUELLER, vatId, branches: [{ ...WIEN, vatId }] });
      expect(record.error?.issues.map((issue) => [issue.path.join("."), issue.message]), vatId).toEqual([
        ["branches.0.vatId", "A VAT ID in normalized form: two-letter prefix and number, upper case, no separators"],
        ["vatId", "A VAT ID in normalized form: two-letter prefix and number, upper case, no separators"],
      ]);
    }
  });

  it("O1: a customer record with a German VAT ID and an Austrian branch VAT ID is valid", () => {
    const record = organizationSchema.parse({ ...MUELLER, billing: "separate", vatId: "DE811907980", branches: [...MUELLER.branches, { ...WIEN, vatId: "ATU13585627" }] });
    expect(record.branches.map((branch) => branch.vatId)).toEqual([undefined, "ATU13585627"]);
  });
});

import { describe, expect, it } from "vitest";
import { vatIdSchema } from "./party.js";

describe("VAT IDs on documents (T4)", () => {
  it("T4: an EU VAT ID with a wrong check digit is refused with the reason, never printed on a 0 % invoice", () => {
    const parsed = vatIdSchema.safeParse("ATU13585628");
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('"ATU13585628" fails the AT check-digit test');
    expect(vatIdSchema.safeParse("DE136695977").success).toBe(false);
  });

  it("T4: an EU VAT ID in the wrong format for its country is refused", () => {
    expect(vatIdSchema.safeParse("DE12345678").error?.issues[0]?.message).toMatch(/does not have the DE format/);
  });

  it("accepts valid EU VAT IDs and keeps a non-EU tax number to the shape check", () => {
    for (const id of ["DE136695976", "ATU13585627", "DE811907980", "CHE123456789"]) expect(vatIdSchema.safeParse(id).success, id).toBe(true);
    expect(vatIdSchema.safeParse("de136695976").success).toBe(false);
  });
});

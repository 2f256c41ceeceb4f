import { describe, expect, it } from "vitest";
import { composeDeliveryNote, unwrap } from "../index.js";
import { licenseDeliveryNote, omit } from "../test-support/fixtures.js";

describe("composeDeliveryNote (L5)", () => {
  it("accepts keys for self-managed licenses and none for cloud", () => {
    const note = unwrap(composeDeliveryNote(licenseDeliveryNote()));
    expect(note.licenses.map((license) => [license.deployment, license.licenseKey !== undefined])).toEqual([
      ["data-center", true],
      ["server", true],
      ["cloud", false],
    ]);
    expect(Object.isFrozen(note.licenses)).toBe(true);
  });

  it("L5: refuses a Server or Data Center license without its key", () => {
    const input = licenseDeliveryNote();
    const withoutKey = omit(input.licenses[1]!, "licenseKey");
    const result = composeDeliveryNote({ ...input, licenses: [input.licenses[0]!, withoutKey] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ code: "L5_LICENSE_KEY_MISSING", path: ["licenses", 1, "licenseKey"] })]);
  });

  it("L5: refuses a key on a cloud license", () => {
    const input = licenseDeliveryNote();
    const result = composeDeliveryNote({ ...input, licenses: [{ ...input.licenses[2]!, licenseKey: "XYZ" }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ code: "INVALID_INPUT", path: ["licenses", 0, "licenseKey"] });
  });
});

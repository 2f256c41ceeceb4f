import { IANAZone } from "luxon";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { TicketingError } from "../errors/ticketing-error.js";
import { localDate, resolveZone, zoneSchema } from "./instant.js";

describe("zones (P2)", () => {
  afterEach(() => vi.restoreAllMocks());

  it("P2: a zone name is validated once, later resolutions reuse the result", () => {
    const first = resolveZone("America/Argentina/Ushuaia");
    const check = vi.spyOn(IANAZone, "isValidZone");
    expect(resolveZone("America/Argentina/Ushuaia")).toBe(first);
    expect(zoneSchema.safeParse("America/Argentina/Ushuaia").success).toBe(true);
    expect(localDate(Date.parse("2026-06-03T03:00:00Z"), "America/Argentina/Ushuaia")).toBe("2026-06-03");
    expect(check).not.toHaveBeenCalled();
  });

  it("P2: an unknown zone is INVALID_ZONE every time, never remembered as valid", () => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(() => resolveZone("Europe/Atlantis", ["organization", "zone"])).toThrow(
        expect.objectContaining({ code: "INVALID_ZONE", path: ["organization", "zone"] }) as TicketingError,
      );
      expect(zoneSchema.safeParse("Europe/Atlantis").success).toBe(false);
    }
  });
});

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { coTerm } from "./maintenance/co-term.js";
import { placeRentalOrder } from "./rental/place-rental-order.js";
import { TEST_CATALOG } from "./testing/fixtures.js";

/** Source files of the package (no tests, no test fixtures). */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "testing" ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("purity", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("P2: no source file reads the system clock, the machine's zone settings or the file system", () => {
    const forbidden = /Date\.now|DateTime\.now|DateTime\.local\(|new Date\(|Settings\.|from "node:|from "fs"|Math\.random/;
    const offenders = sourceFiles(import.meta.dirname).filter((path) => forbidden.test(readFileSync(path, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("P2: results do not change with the system time", () => {
    const run = () => [
      JSON.stringify(
        coTerm(
          { vendorId: "atlassian", targetEnd: "2027-06-30", licenses: [{ licenseId: "A", currentEnd: "2027-03-15", annualPrice: { amount: "100", currency: "EUR" } }] },
          { asOf: "2026-12-01T09:00:00+01:00" },
        ),
      ),
      JSON.stringify(
        placeRentalOrder(
          { subscriptionId: "R", customerId: "C", productId: "m365-business-standard", quantity: 3, consents: { termsAndLicenseConditions: true, vendorAccountCreation: true } },
          { asOf: "2026-03-17T10:00:00Z", catalog: TEST_CATALOG },
        ),
      ),
    ];
    vi.useFakeTimers();
    vi.setSystemTime(new Date("1999-12-31T23:59:59Z"));
    const before = run();
    vi.setSystemTime(new Date("2040-06-15T12:00:00Z"));
    expect(run()).toEqual(before);
  });
});

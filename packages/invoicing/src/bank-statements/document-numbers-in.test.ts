import { describe, expect, it } from "vitest";
import { documentNumbersIn, INVOICE_NUMBER_SERIES, type NumberSeries } from "../index.js";

describe("documentNumbersIn: invoice numbers in remittance text", () => {
  it("finds RE-2026-000002 however the payer wrote it", () => {
    for (const text of [
      "RE-2026-000002",
      "RE 2026 000002",
      "re2026000002",
      "RE-2026-000002,",
      "Rechnung RE-2026-000002 vom 01.12.2026",
      "RE2026-000002",
      "Re.2026.000002",
      "RE/2026/000002",
      "RE - 2026 - 000002",
      "(RE-2026-000002)",
      "Rg.Nr.:RE_2026_000002 Danke",
    ]) {
      expect(documentNumbersIn(INVOICE_NUMBER_SERIES, text), text).toEqual(["RE-2026-000002"]);
    }
  });

  it("takes whole digit groups only: no letter or digit may touch the number", () => {
    for (const text of ["RE-2026-0000021", "RE-2026-00002", "XRE-2026-000002", "1RE-2026-000002", "RE-2026-000002A", "RE-20260-000002", "RE-2026-000000"]) {
      expect(documentNumbersIn(INVOICE_NUMBER_SERIES, text), text).toEqual([]);
    }
    expect(documentNumbersIn(INVOICE_NUMBER_SERIES, "RE-2026-0000021 und RE-2026-000002")).toEqual(["RE-2026-000002"]);
    // Not letters of other scripts either.
    expect(documentNumbersIn(INVOICE_NUMBER_SERIES, "ÄRE-2026-000002")).toEqual([]);
  });

  it("finds two numbers in one text, each once, in order of first appearance", () => {
    expect(documentNumbersIn(INVOICE_NUMBER_SERIES, "Rechnung RE 2026 000003 und RE2026000002, nochmals re-2026-000003")).toEqual([
      "RE-2026-000003",
      "RE-2026-000002",
    ]);
    expect(documentNumbersIn(INVOICE_NUMBER_SERIES, "RE-2026-000119/RE-2026-000238")).toEqual(["RE-2026-000119", "RE-2026-000238"]);
  });

  it("works for a series with {YY} and no separators: R2600042 is R2600042 of 2026", () => {
    const series: NumberSeries = { id: "short", format: "R{YY}{SEQ:5}", resetsYearly: true };
    expect(documentNumbersIn(series, "Zahlung r2600042 und R 2600043 sowie R2600044.")).toEqual(["R2600042", "R2600044"]);
    expect(documentNumbersIn(series, "R26000420")).toEqual([]);
    const slashed: NumberSeries = { id: "slashed", format: "R{YY}/{SEQ:5}", resetsYearly: false };
    expect(documentNumbersIn(slashed, "R27 00042, r27/00043")).toEqual(["R27/00042", "R27/00043"]);
  });

  it("finds nothing in text without numbers", () => {
    expect(documentNumbersIn(INVOICE_NUMBER_SERIES, "")).toEqual([]);
    expect(documentNumbersIn(INVOICE_NUMBER_SERIES, "Miete Dezember Kd-Nr. 10042")).toEqual([]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkNumberSequence,
  CREDIT_NOTE_NUMBER_SERIES,
  formatDocumentNumber,
  INVOICE_NUMBER_SERIES,
  isDocumentNumber,
  nextDocumentNumber,
  numberSeriesSchema,
  parseDocumentNumber,
  type NumberSeries,
} from "../index.js";

describe("document numbers", () => {
  it("formats RE-2026-000123 from year 2026 and sequence 123", () => {
    expect(formatDocumentNumber(INVOICE_NUMBER_SERIES, { year: 2026, sequence: 123 })).toEqual({
      ok: true,
      value: "RE-2026-000123",
    });
    expect(formatDocumentNumber(CREDIT_NOTE_NUMBER_SERIES, { year: 2026, sequence: 7 })).toEqual({
      ok: true,
      value: "RK-2026-000007",
    });
  });

  it("parses a number back into year and sequence", () => {
    expect(parseDocumentNumber(INVOICE_NUMBER_SERIES, "RE-2026-000123")).toEqual({
      ok: true,
      value: { year: 2026, sequence: 123 },
    });
  });

  it("refuses numbers that do not match the format exactly", () => {
    for (const text of ["RE-2026-123", "RE-2026-0001234", "re-2026-000123", "RK-2026-000123", " RE-2026-000123", "RE-2026-000000"]) {
      const result = parseDocumentNumber(INVOICE_NUMBER_SERIES, text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.errors[0]?.code).toBe("NUMBER_FORMAT_INVALID");
      expect(isDocumentNumber(INVOICE_NUMBER_SERIES, text)).toBe(false);
    }
  });

  it("reports an exhausted sequence instead of a longer number", () => {
    const result = formatDocumentNumber(INVOICE_NUMBER_SERIES, { year: 2026, sequence: 1_000_000 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ code: "NUMBER_SEQUENCE_EXHAUSTED", path: ["sequence"] });
  });

  it("issues the next number without gaps, starting at 1, and again at 1 in a new year", () => {
    expect(nextDocumentNumber(INVOICE_NUMBER_SERIES, { year: 2026, lastIssued: null })).toEqual({ ok: true, value: "RE-2026-000001" });
    expect(nextDocumentNumber(INVOICE_NUMBER_SERIES, { year: 2026, lastIssued: "RE-2026-000123" })).toEqual({
      ok: true,
      value: "RE-2026-000124",
    });
    expect(nextDocumentNumber(INVOICE_NUMBER_SERIES, { year: 2027, lastIssued: "RE-2026-000999" })).toEqual({
      ok: true,
      value: "RE-2027-000001",
    });
  });

  it("continues the sequence across years when the series does not reset", () => {
    const series: NumberSeries = { id: "running", format: "R{YY}/{SEQ:5}", resetsYearly: false };
    expect(nextDocumentNumber(series, { year: 2027, lastIssued: "R26/00041" })).toEqual({ ok: true, value: "R27/00042" });
  });

  it("refuses a last number from a later year", () => {
    const result = nextDocumentNumber(INVOICE_NUMBER_SERIES, { year: 2026, lastIssued: "RE-2027-000001" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.code).toBe("NUMBER_YEAR_MISMATCH");
  });

  it("finds gaps and duplicates in issued numbers", () => {
    const result = checkNumberSequence(INVOICE_NUMBER_SERIES, [
      "RE-2026-000001",
      "RE-2026-000002",
      "RE-2026-000002",
      "RE-2026-000005",
      "RE-2027-000001",
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((error) => error.code)).toEqual(["NUMBER_DUPLICATE", "NUMBER_GAP"]);
      expect(result.errors[1]?.message).toContain("RE-2026-000003, RE-2026-000004 missing");
    }
    expect(checkNumberSequence(INVOICE_NUMBER_SERIES, ["RE-2026-000002", "RE-2026-000001", "RE-2027-000001"])).toEqual({
      ok: true,
      value: true,
    });
  });

  it("validates series formats", () => {
    expect(numberSeriesSchema.safeParse({ id: "x", format: "RE-{YYYY}-{SEQ:6}" }).success).toBe(true);
    expect(numberSeriesSchema.safeParse({ id: "x", format: "RE-{SEQ:6}" }).success).toBe(false); // resets yearly without year
    expect(numberSeriesSchema.safeParse({ id: "x", format: "RE-{SEQ:6}", resetsYearly: false }).success).toBe(true);
    expect(numberSeriesSchema.safeParse({ id: "x", format: "RE {YYYY}-{SEQ:6}" }).success).toBe(false);
    expect(numberSeriesSchema.safeParse({ id: "x", format: "RE-{YYYY}-{SEQ:3}-{SEQ:3}" }).success).toBe(false);
  });

  it("property: every sequence of a year formats and parses back to itself, and next is +1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 999_998 }), (year, sequence) => {
        const number = formatDocumentNumber(INVOICE_NUMBER_SERIES, { year, sequence });
        if (!number.ok) return false;
        const parsed = parseDocumentNumber(INVOICE_NUMBER_SERIES, number.value);
        const next = nextDocumentNumber(INVOICE_NUMBER_SERIES, { year, lastIssued: number.value });
        const expected = formatDocumentNumber(INVOICE_NUMBER_SERIES, { year, sequence: sequence + 1 });
        return (
          parsed.ok &&
          parsed.value.year === year &&
          parsed.value.sequence === sequence &&
          next.ok &&
          expected.ok &&
          next.value === expected.value
        );
      }),
    );
  });
});

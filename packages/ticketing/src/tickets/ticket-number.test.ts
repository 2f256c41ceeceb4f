import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dammCheckDigit, isValidDamm } from "./damm-check-digit.js";
import { DEFAULT_TICKET_NUMBER_FORMAT, allocateTicketNumber, formatTicketNumber, parseTicketNumber, type TicketNumberFormat } from "./ticket-number.js";

describe("Damm check digit", () => {
  it("K1: matches the published example (572 → 4) and validates its own output", () => {
    expect(dammCheckDigit("572")).toBe(4);
    expect(isValidDamm("5724")).toBe(true);
    expect(isValidDamm("5723")).toBe(false);
    expect(dammCheckDigit("")).toBeUndefined();
    expect(dammCheckDigit("12a")).toBeUndefined();
  });

  const payload = fc.string({ unit: fc.constantFrom("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), minLength: 1, maxLength: 14 });

  it("K1: every single mistyped digit is detected", () => {
    fc.assert(
      fc.property(payload, fc.nat(), fc.integer({ min: 1, max: 9 }), (digits, position, delta) => {
        const full = `${digits}${String(dammCheckDigit(digits))}`;
        const index = position % full.length;
        const wrong = String((Number(full[index]) + delta) % 10);
        const typo = `${full.slice(0, index)}${wrong}${full.slice(index + 1)}`;
        expect(isValidDamm(full)).toBe(true);
        expect(isValidDamm(typo)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("K1: every swap of two different neighbouring digits is detected", () => {
    fc.assert(
      fc.property(payload, fc.nat(), (digits, position) => {
        const full = `${digits}${String(dammCheckDigit(digits))}`;
        const index = position % (full.length - 1);
        fc.pre(full[index] !== full[index + 1]);
        const swapped = `${full.slice(0, index)}${full[index + 1] ?? ""}${full[index] ?? ""}${full.slice(index + 2)}`;
        expect(isValidDamm(swapped)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("ticket numbers", () => {
  it("K1: the default format is T-<year>-<6-digit sequence>-<Damm digit>", () => {
    expect(formatTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, 123, 2026)).toBe("T-2026-000123-8");
  });

  it("K1: parsing canonicalizes case and rejects a wrong shape or a mistyped digit with stable codes", () => {
    expect(parseTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, " t-2026-000123-8 ")).toEqual({
      ok: true,
      value: { number: "T-2026-000123-8", year: 2026, sequence: 123, checkDigit: 8 },
    });
    expect(parseTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, "T-2026-000124-8")).toMatchObject({ ok: false, errors: [{ code: "K1_TICKET_NUMBER_CHECK_DIGIT", path: ["number"] }] });
    expect(parseTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, "T-2026-123-8")).toMatchObject({ ok: false, errors: [{ code: "K1_TICKET_NUMBER_FORMAT" }] });
  });

  it("K1: a custom format without a year (SR/0000042/d) round-trips", () => {
    const format: TicketNumberFormat = { prefix: "SR", separator: "/", includeYear: false, sequenceDigits: 7 };
    const number = formatTicketNumber(format, 42);
    expect(number).toMatch(/^SR\/0000042\/\d$/);
    expect(parseTicketNumber(format, number)).toMatchObject({ ok: true, value: { number, sequence: 42 } });
    expect(parseTicketNumber(format, "T-2026-000123-8").ok).toBe(false);
  });

  it("K1: format and parse are inverse for every sequence and year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 2000, max: 2099 }), (sequence, year) => {
        const number = formatTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, sequence, year);
        expect(parseTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, number)).toMatchObject({ ok: true, value: { number, sequence, year } });
      }),
    );
  });

  it("K1: allocation counts up, restarts in a new Berlin year, and never goes back a year", () => {
    const first = allocateTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, { year: 2026, lastSequence: 122 }, "2026-06-03T09:15:00+02:00");
    expect(first).toEqual({ ok: true, value: { number: "T-2026-000123-8", sequence: { year: 2026, lastSequence: 123 } } });
    // 23:30 UTC on New Year's Eve is already 2027 in Berlin.
    const newYear = allocateTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, { year: 2026, lastSequence: 5000 }, "2026-12-31T23:30:00Z");
    expect(newYear).toMatchObject({ ok: true, value: { number: formatTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, 1, 2027), sequence: { year: 2027, lastSequence: 1 } } });
    expect(allocateTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, { year: 2027, lastSequence: 1 }, "2026-12-31T12:00:00Z")).toMatchObject({ ok: false, errors: [{ code: "K1_TICKET_NUMBER_OUT_OF_ORDER" }] });
  });

  it("K1: an exhausted sequence is an error, never a longer number", () => {
    const format: TicketNumberFormat = { ...DEFAULT_TICKET_NUMBER_FORMAT, sequenceDigits: 3 };
    expect(allocateTicketNumber(format, { year: 2026, lastSequence: 999 }, "2026-06-03T09:15:00+02:00")).toMatchObject({ ok: false, errors: [{ code: "K1_TICKET_NUMBER_EXHAUSTED" }] });
  });

  it("K1: numbers allocated in sequence are unique", () => {
    let sequence = { year: 2026, lastSequence: 0 };
    const seen = new Set<string>();
    for (let index = 0; index < 500; index += 1) {
      const result = allocateTicketNumber(DEFAULT_TICKET_NUMBER_FORMAT, sequence, "2026-06-03T09:15:00+02:00");
      if (!result.ok) throw new Error("allocation failed");
      seen.add(result.value.number);
      sequence = { year: 2026, lastSequence: result.value.sequence.lastSequence };
    }
    expect(seen.size).toBe(500);
  });
});

import { describe, expect, it } from "vitest";
import { contingentMonthlyLine } from "./contingent-monthly-line.js";

describe("the monthly contingent line (C2)", () => {
  it("C2: 20 hours for 1,900.00 EUR in January 2026", () => {
    expect(contingentMonthlyLine(1200, "1900.00", "EUR", "2026-01", "SR-K-1-2026-01")).toEqual({
      kind: "contingent-monthly",
      description: "Contingent of 20 hours, 2026-01",
      quantity: "1",
      unit: "month",
      unitPrice: { amount: "1900.00", currency: "EUR" },
      net: { amount: "1900.00", currency: "EUR" },
      serviceReportId: "SR-K-1-2026-01",
      minutes: 1200,
      reference: "2026-01",
    });
  });

  it("P3: prices are written with the currency's minor digits and rounded half-up once", () => {
    const line = contingentMonthlyLine(450, "950", "EUR", "2026-02", "SR-K-2-2026-02");
    expect([line.description, line.unitPrice.amount, line.net.amount]).toEqual(["Contingent of 7.5 hours, 2026-02", "950.00", "950.00"]);
    const yen = contingentMonthlyLine(20, "12345.5", "JPY", "2026-02", "SR-K-3-2026-02");
    expect([yen.description, yen.unitPrice.amount, yen.net]).toEqual(["Contingent of 0.3333 hours, 2026-02", "12345.5", { amount: "12346", currency: "JPY" }]);
  });

  it("each call reflects its own terms, whichever terms the previous call had", () => {
    const sequence = [
      [600, "950.00", "EUR", "2026-01"],
      [600, "950.00", "EUR", "2026-02"],
      [660, "950.00", "EUR", "2026-02"],
      [660, "950.01", "EUR", "2026-02"],
      [660, "950.01", "USD", "2026-02"],
      [660, "950.01", "USD", "2026-02"],
    ] as const;
    const lines = sequence.map(([minutes, price, currency, month]) => contingentMonthlyLine(minutes, price, currency, month, `SR-${month}`));
    expect(lines.map((line) => [line.description, line.net.amount, line.net.currency, line.minutes, line.reference])).toEqual([
      ["Contingent of 10 hours, 2026-01", "950.00", "EUR", 600, "2026-01"],
      ["Contingent of 10 hours, 2026-02", "950.00", "EUR", 600, "2026-02"],
      ["Contingent of 11 hours, 2026-02", "950.00", "EUR", 660, "2026-02"],
      ["Contingent of 11 hours, 2026-02", "950.01", "EUR", 660, "2026-02"],
      ["Contingent of 11 hours, 2026-02", "950.01", "USD", 660, "2026-02"],
      ["Contingent of 11 hours, 2026-02", "950.01", "USD", 660, "2026-02"],
    ]);
    // Every line gets its own net object; the same terms give an equal one.
    expect(lines[5]?.net).not.toBe(lines[4]?.net);
    expect(lines[5]?.net).toEqual(lines[4]?.net);
  });
});

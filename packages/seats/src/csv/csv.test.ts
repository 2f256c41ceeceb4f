import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateSeats } from "../evaluation/evaluate-seats.js";
import { HistoryBuilder, workedExample } from "../testing/history-builder.js";
import { unwrap } from "../testing/unwrap.js";
import { csvField, toCsv } from "./csv.js";
import { mustBePaidCsv, noAccessCsv } from "./seat-lists-csv.js";

describe("CSV (RFC 4180)", () => {
  it("quotes fields with comma, quote, CR or LF and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("Müller, Anna")).toBe('"Müller, Anna"');
    expect(csvField('Anna "Ani" M.')).toBe('"Anna ""Ani"" M."');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("")).toBe("");
  });

  it("guards against formula injection: = + - @ tab and CR at the start get a leading apostrophe", () => {
    expect(csvField("=HYPERLINK(\"http://evil\")")).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField("+49 30 1234")).toBe("'+49 30 1234");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\tcmd")).toBe("'\tcmd");
    expect(csvField("\rcmd")).toBe("\"'\rcmd\"");
    expect(csvField("a=b")).toBe("a=b");
  });

  it("ends every record with CRLF", () => {
    expect(toCsv([["a", "b"], ["c,d", "e"]])).toBe('a,b\r\n"c,d",e\r\n');
  });

  it("a field always parses back to its (guarded) value (property)", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const field = csvField(value);
        const unquoted = field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
        const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
        expect(unquoted).toBe(guarded);
        if (!field.startsWith('"')) expect(field).not.toMatch(/[",\r\n]/);
      }),
    );
  });
});

describe("S4/S8: downloadable lists", () => {
  it("S4: the must-be-paid CSV of the worked example lists u46–u50 in order", () => {
    const evaluation = unwrap(evaluateSeats(workedExample().build(), { asOf: "2026-03-03T12:00:00+01:00" }));
    const lines = mustBePaidCsv(evaluation.products).split("\r\n");
    expect(lines[0]).toBe("product_id,user_id,email,display_name,assigned_at,loses_access_at");
    expect(lines[1]).toBe("cc,u46,u46@example.com,,2026-03-02T10:46:00.000Z,2026-05-01T22:00:00.000Z");
    expect(lines.slice(1, 6).map((line) => line.split(",")[1])).toEqual(["u46", "u47", "u48", "u49", "u50"]);
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe("");
  });

  it("S8: the no-access CSV guards a hostile display name", () => {
    const builder = new HistoryBuilder().placed("PO", { p: 1 }, "2026-03-02T10:00:00+01:00");
    builder.events.push({ type: "user-assigned", id: "x", at: "2026-03-02T11:00:00+01:00", productId: "p", userId: "eve", displayName: "=cmd|' /C calc'!A0", email: "eve@example.com" });
    const evaluation = unwrap(evaluateSeats(builder.build(), { asOf: "2026-06-01T00:00:00+02:00" }));
    expect(noAccessCsv(evaluation.products)).toBe(
      "product_id,user_id,email,display_name,assigned_at,lost_access_at,reason,cause_id\r\n" +
        "p,eve,eve@example.com,'=cmd|' /C calc'!A0,2026-03-02T10:00:00.000Z,2026-05-01T22:00:00.000Z,unpaid,PO\r\n",
    );
  });
});

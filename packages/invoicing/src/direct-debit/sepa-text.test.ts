import { describe, expect, it } from "vitest";
import { sepaIdentifierIssue, sepaTextSchema, toSepaText } from "../index.js";

describe("toSepaText (SEPA Latin character set)", () => {
  it("writes umlauts and ß the German way and & as +", () => {
    expect(toSepaText("Müller GmbH & Co. KG", 70)).toBe("Mueller GmbH + Co. KG");
    expect(toSepaText("ÄRZTEHAUS Öhringen, Übach-Palenberg, Straße", 70)).toBe("AeRZTEHAUS Oehringen, Uebach-Palenberg, Strasse");
    expect(toSepaText("GROẞHANDEL", 70)).toBe("GROSSHANDEL");
  });

  it("also catches umlauts written as a letter and a combining mark", () => {
    expect(toSepaText("Mu\u0308ller", 70)).toBe("Mueller");
  });

  it("strips other diacritics and turns every other character into a space", () => {
    expect(toSepaText("Café Crème, Łódź", 70)).toBe("Cafe Creme, odz");
    expect(toSepaText("Søren_Ørsted <info@example.com>; 50% €", 70)).toBe("S ren rsted info example.com 50");
    expect(toSepaText("a/b-c?d:e(f)g.h,i'j+k", 70)).toBe("a/b-c?d:e(f)g.h,i'j+k");
  });

  it("collapses whitespace, trims and cuts to the field's length without a trailing space", () => {
    expect(toSepaText("  Rechnung\t\tRE-2026-000501 \n vom  17.11.2026  ", 140)).toBe("Rechnung RE-2026-000501 vom 17.11.2026");
    expect(toSepaText("x".repeat(200), 140)).toHaveLength(140);
    // The 70th character is a space: cut at 70 and trimmed to 69.
    expect(toSepaText(`${"a".repeat(69)} bcd`, 70)).toBe("a".repeat(69));
    // An umlaut becomes two characters before the cut.
    expect(toSepaText("ü".repeat(40), 70)).toBe("ue".repeat(35));
  });

  it("can leave nothing; the text schema refuses that", () => {
    expect(toSepaText("北京有限公司", 70)).toBe("");
    const parsed = sepaTextSchema(70).safeParse("北京有限公司");
    expect(parsed.success).toBe(false);
    expect(sepaTextSchema(70).parse("Hofladen Bäumer")).toBe("Hofladen Baeumer");
  });
});

describe("sepaIdentifierIssue (identifiers are checked, never converted)", () => {
  const codeOf = (value: string) => {
    const problem = sepaIdentifierIssue(value, ["collections", 0, "endToEndId"]);
    return problem === undefined ? "ok" : `${problem.code} at ${problem.path.join(".")}`;
  };

  it("accepts 1–35 characters of the SEPA set", () => {
    expect(codeOf("RE-2026-000501")).toBe("ok");
    expect(codeOf("a/b?c:d(e)f.g,h'i+j k")).toBe("ok");
    expect(codeOf("x")).toBe("ok");
    expect(codeOf("X".repeat(35))).toBe("ok");
  });

  it("refuses empty and longer than 35 characters", () => {
    expect(codeOf("")).toBe("INVALID_INPUT at collections.0.endToEndId");
    expect(codeOf("X".repeat(36))).toBe("INVALID_INPUT at collections.0.endToEndId");
  });

  it("refuses characters outside the SEPA set instead of converting them", () => {
    expect(codeOf("MANDAT-MÜLLER")).toBe("INVALID_INPUT at collections.0.endToEndId");
    expect(codeOf("RE_2026_000501")).toBe("INVALID_INPUT at collections.0.endToEndId");
    expect(codeOf("RE&1")).toBe("INVALID_INPUT at collections.0.endToEndId");
  });

  it("refuses a leading or trailing slash and a double slash", () => {
    expect(codeOf("RE//2026")).toBe("INVALID_INPUT at collections.0.endToEndId");
    expect(codeOf("/RE-2026")).toBe("INVALID_INPUT at collections.0.endToEndId");
    expect(codeOf("RE-2026/")).toBe("INVALID_INPUT at collections.0.endToEndId");
    expect(codeOf("RE/2026/1")).toBe("ok");
    expect(sepaIdentifierIssue("RE//2026", ["messageId"])?.message).toContain("//");
  });
});

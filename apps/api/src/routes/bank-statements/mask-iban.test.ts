import { describe, expect, it } from "vitest";
import { maskIban } from "./mask-iban.js";

describe("maskIban", () => {
  it("keeps country, check digits and the last 4 characters of a German IBAN (22 characters)", () => {
    expect(maskIban("DE89370400440532013000")).toBe("DE89 **** **** **** **30 00");
  });

  it("reads the paper form with spaces and lower case", () => {
    expect(maskIban("de89 3704 0044 0532 0130 00")).toBe("DE89 **** **** **** **30 00");
  });

  it("masks other lengths the same way: Austria (20), Norway (15), Malta (31)", () => {
    expect(maskIban("AT611904300234573201")).toBe("AT61 **** **** **** 3201");
    expect(maskIban("NO9386011117947")).toBe("NO93 **** ***7 947");
    expect(maskIban("MT84MALT011000012345MTLCAST001S")).toBe("MT84 **** **** **** **** **** ***0 01S");
  });

  it("never shows more than the country code of something too short to be an IBAN", () => {
    expect(maskIban("DE123456")).toBe("DE** ****");
    expect(maskIban("")).toBe("");
  });
});

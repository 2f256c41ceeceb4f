import { describe, expect, it } from "vitest";
import { DEJAVU_FONT_FILES, loadDejaVuFonts } from "./index.js";

describe("@kontor/invoicing/fonts", () => {
  it("loads DejaVu Sans regular and bold as TrueType bytes, once per process", () => {
    const fonts = loadDejaVuFonts();
    // A TrueType file starts with the sfnt version 0x00010000.
    expect([...fonts.regular.subarray(0, 4)]).toEqual([0, 1, 0, 0]);
    expect([...fonts.bold.subarray(0, 4)]).toEqual([0, 1, 0, 0]);
    expect(fonts.regular.length).not.toBe(fonts.bold.length);
    expect(loadDejaVuFonts()).toBe(fonts);
    expect(DEJAVU_FONT_FILES.bold).toBe("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");
  });
});

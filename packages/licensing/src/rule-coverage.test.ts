import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Test names (`it("…")`) of every test file under `src/`. */
function testNames(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return testNames(path);
    if (!entry.name.endsWith(".test.ts")) return [];
    return [...readFileSync(path, "utf8").matchAll(/\bit\(\s*(["'`])(.*?)\1/g)].map((match) => match[2] ?? "");
  });
}

const RULES = [
  ...Array.from({ length: 19 }, (_, i) => `L${i + 1}`),
  ...Array.from({ length: 7 }, (_, i) => `M${i + 1}`),
  "P1",
  "P2",
];

describe("rule coverage", () => {
  it("every rule L1–L19, M1–M7, P1–P2 is cited by at least one test name", () => {
    const names = testNames(import.meta.dirname);
    const cited = (rule: string) => names.some((name) => new RegExp(`\\b${rule}\\b`).test(name)); // ranges such as "M1–M7" do not count
    expect(RULES.filter((rule) => !cited(rule))).toEqual([]);
  });
});


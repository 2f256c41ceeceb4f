// @ts-check
import { defineConfig } from "tsup";

/**
 * How every published Kontor package builds: ESM + CJS + `.d.ts` for Node 20, with source maps,
 * from `src/index.ts` unless the package names more entries.
 *
 * @param {import("tsup").Options} [overrides] e.g. `{ entry: { index: "src/index.ts", fonts: "src/fonts/index.ts" } }`
 */
export function kontorLibrary(overrides = {}) {
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    ...overrides,
  });
}

import { defineConfig } from "tsup";

export default defineConfig({
  // `fonts` is a separate entry: it reads the font files, the main entry reads nothing.
  entry: { index: "src/index.ts", fonts: "src/fonts/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  // `import.meta.url` in the fonts entry needs a shim in the CommonJS build.
  shims: true,
});

import { kontorLibrary } from "@kontor/tsup-config";

export default kontorLibrary({
  // `fonts` is a separate entry: it reads the font files, the main entry reads nothing.
  entry: { index: "src/index.ts", fonts: "src/fonts/index.ts" },
  // `import.meta.url` in the fonts entry needs a shim in the CommonJS build.
  shims: true,
});

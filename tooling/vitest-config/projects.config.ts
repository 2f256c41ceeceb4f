import { defineConfig } from "vitest/config";

// `pnpm test:vitest` runs every package and app as one Vitest project each, in one process tree.
export default defineConfig({
  test: {
    projects: ["../../packages/*", "../../apps/*"],
  },
});

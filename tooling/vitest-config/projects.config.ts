import { defineConfig } from "vitest/config";

// `pnpm test:vitest` (run from the repository root) runs every package and app as one Vitest
// project each, in one process tree. Database tests run on PGlite here; `pnpm test` runs them
// on PostgreSQL as well.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*"],
  },
});

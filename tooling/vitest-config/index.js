// @ts-check
import { defineConfig, defineProject } from "vitest/config";

/**
 * One Vitest project per package: tests live next to the code as `src/**\/*.test.ts`.
 *
 * @param {string} name the project name shown in reports (the package folder)
 * @param {import("vitest/config").TestProjectInlineConfiguration["test"]} [overrides]
 */
export function kontorProject(name, overrides = {}) {
  return defineProject({
    test: {
      name,
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      environment: "node",
      // Everything date-related must pass an explicit zone (P2): a test that silently depends on
      // the machine's zone would fail here.
      env: { TZ: "Pacific/Kiritimati" },
      // Property tests run hundreds of cases; on a 2-core machine busy with the whole suite
      // (turbo runs packages side by side) 5 s is not enough. A hang still fails.
      testTimeout: 30_000,
      ...overrides,
    },
  });
}

/**
 * Two Vitest projects for a package that touches the database: `<name>:pglite` runs the tests
 * against embedded PGlite, `<name>:postgres` against a real PostgreSQL server that
 * `postgresGlobalSetup` starts for the run. Tests pick theirs with `KONTOR_TEST_DB`. Files named
 * `*.postgres-only.test.ts` (several processes sharing one server) run in the postgres project only.
 *
 * @param {string} name the package folder
 * @param {string} postgresGlobalSetup path of `@kontor/db/testing/postgres-global-setup`
 * @param {import("vitest/config").TestProjectInlineConfiguration["test"]} [overrides]
 */
export function kontorDatabaseProjects(name, postgresGlobalSetup, overrides = {}) {
  const base = {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    ...overrides,
  };
  return defineConfig({
    test: {
      projects: [
        {
          extends: false,
          // `*.postgres-only.test.ts`: several processes on one server (PGlite is one process's).
          test: { ...base, name: `${name}:pglite`, exclude: ["**/node_modules/**", "**/*.postgres-only.test.ts"], env: { TZ: "Pacific/Kiritimati", KONTOR_TEST_DB: "pglite" } },
        },
        {
          extends: false,
          test: {
            ...base,
            name: `${name}:postgres`,
            env: { TZ: "Pacific/Kiritimati", KONTOR_TEST_DB: "postgres" },
            globalSetup: [postgresGlobalSetup],
          },
        },
      ],
    },
  });
}

// @ts-check
import { defineProject } from "vitest/config";

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
      ...overrides,
    },
  });
}

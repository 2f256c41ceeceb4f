import type { TestProjectInlineConfiguration, UserWorkspaceConfig } from "vitest/config";

/** One Vitest project per package; see index.js. */
export declare function kontorProject(
  name: string,
  overrides?: TestProjectInlineConfiguration["test"],
): UserWorkspaceConfig;

/** Two Vitest projects (PGlite and a real PostgreSQL server) for a database package; see index.js. */
export declare function kontorDatabaseProjects(
  name: string,
  postgresGlobalSetup: string,
  overrides?: TestProjectInlineConfiguration["test"],
): import("vitest/config").ViteUserConfig;

import type { TestProjectInlineConfiguration, UserWorkspaceConfig } from "vitest/config";

/** One Vitest project per package; see index.js. */
export declare function kontorProject(
  name: string,
  overrides?: TestProjectInlineConfiguration["test"],
): UserWorkspaceConfig;

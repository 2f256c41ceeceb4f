import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { configureDataKey, configureDataKeyFromEnvironment, openSecret, sealSecret } from "./secret-seal.js";

const JIRA_KEY = "AAABBB-JIRA-DC-0001-XYZ";
const folders: string[] = [];

afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe("sealed license keys (L13) and the data key", () => {
  it("an embedded install creates its key file once (mode 0600) and opens its secrets again after a restart", async () => {
    const folder = await mkdtemp(join(tmpdir(), "kontor-key-"));
    folders.push(folder);
    const keyFile = join(folder, "data.key");
    expect(configureDataKeyFromEnvironment({}, { keyFile })).toBe("key-file");
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const sealed = sealSecret(JIRA_KEY);
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain(JIRA_KEY);

    configureDataKey("some-other-install-key");
    expect(() => openSecret(sealed)).toThrow();
    // "Restart": the same file gives the same key.
    configureDataKeyFromEnvironment({}, { keyFile });
    expect(openSecret(sealed)).toBe(JIRA_KEY);
  });

  it("KONTOR_DATA_KEY wins; server mode without it refuses to start; short keys are refused", () => {
    expect(configureDataKeyFromEnvironment({ KONTOR_DATA_KEY: "shared-by-api-and-workers" }, {})).toBe("environment");
    const sealed = sealSecret(JIRA_KEY);
    configureDataKey("shared-by-api-and-workers");
    expect(openSecret(sealed)).toBe(JIRA_KEY);
    expect(() => configureDataKeyFromEnvironment({}, {})).toThrow(/KONTOR_DATA_KEY is not set/);
    expect(() => { configureDataKey("short"); }).toThrow(/16 characters/);
  });
});

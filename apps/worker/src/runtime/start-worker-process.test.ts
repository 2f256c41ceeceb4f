import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, testDatabaseKind } from "@kontor/db/testing";
import { saveBillingSettings, type DatabaseHandle } from "@kontor/db";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_BILLING_SETTINGS } from "../billing/billing-settings.js";
import { startWorkerProcess } from "./start-worker-process.js";
import { readWorkerConfig } from "./worker-config.js";

// Server mode as the settings see it: DATABASE_URL set (the process is handed the test database).
const SERVER_ENV = {
  DATABASE_URL: "postgres://kontor@db.example/kontor",
  KONTOR_SMTP_LISTEN_PORT: "off",
  KONTOR_NOW: "2026-06-03T07:15:00Z",
  KONTOR_MAIL_DROP_DIR: mkdtempSync(join(tmpdir(), "kontor-start-mail-")),
  KONTOR_WORKER_ID: "start-test",
};

describe(`worker start in server mode on ${testDatabaseKind()} (C8)`, () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("C8: refuses to start with neither stored billing settings nor KONTOR_BILLING_SETTINGS_FILE, naming both ways", async () => {
    await expect(startWorkerProcess(database, readWorkerConfig(SERVER_ENV), SERVER_ENV, pino({ level: "silent" }))).rejects.toThrow(
      /PUT \/v1\/billing-settings.*KONTOR_BILLING_SETTINGS_FILE/,
    );
  });

  it("C8: starts without the file once an admin stored the settings (PUT /v1/billing-settings)", async () => {
    await saveBillingSettings(database.db, { settings: DEFAULT_BILLING_SETTINGS, updatedBy: "staff-admin" }, 0, new Date("2026-06-03T07:00:00Z"));
    const running = await startWorkerProcess(database, readWorkerConfig(SERVER_ENV), SERVER_ENV, pino({ level: "silent" }));
    try {
      expect(running.worker.workerId).toBe("start-test");
    } finally {
      await running.stop();
    }
  });
});

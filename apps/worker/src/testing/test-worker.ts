import type { DatabaseHandle } from "@kontor/db";
import { createTestDatabase } from "@kontor/db/testing";
import type { WorkerContext } from "../worker-context.js";
import { startCaptureSmtpServer, type CaptureSmtpServer } from "./capture-smtp-server.js";
import { testWorkerContext, type TestWorkerContextOptions } from "./test-worker-context.js";

/** How {@link startTestWorker} sets up: the {@link testWorkerContext} options, and the test database's. */
export interface TestWorkerOptions extends TestWorkerContextOptions {
  /** The connection pool size of a PostgreSQL test database (`createTestDatabase`; default 10, PGlite ignores it). */
  readonly maxConnections?: number;
}

/** What {@link startTestWorker} started. */
export interface TestWorker {
  /** A fresh, migrated test database, empty: the test seeds it. */
  readonly database: DatabaseHandle & { readonly url?: string };
  /** The capture server the worker's outbound mail arrives at. */
  readonly smtp: CaptureSmtpServer;
  /** The worker context on `database`, mailing to `smtp` ({@link testWorkerContext}). */
  readonly context: WorkerContext;
  /** Closes the context's mail sender, then the capture server, then the database. */
  close(): Promise<void>;
}

/**
 * Starts what a worker test runs against: a fresh test database, a capture SMTP server and a
 * {@link testWorkerContext} on both, with `options` (a fixed `now` or a `clock`, a logger,
 * settings, the pool size). Call it in `beforeAll` and seed after it; `afterAll(() => worker.close())`.
 */
export async function startTestWorker(options: TestWorkerOptions = {}): Promise<TestWorker> {
  const { maxConnections, ...contextOptions } = options;
  const database = await createTestDatabase(maxConnections === undefined ? {} : { maxConnections });
  let smtp: CaptureSmtpServer;
  try {
    smtp = await startCaptureSmtpServer();
  } catch (error) {
    await database.close();
    throw error;
  }
  const context = testWorkerContext(database, smtp, contextOptions);
  return {
    database,
    smtp,
    context,
    async close() {
      await context.mail.close();
      await smtp.close();
      await database.close();
    },
  };
}

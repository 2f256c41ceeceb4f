import type { KontorTransaction, OutboxRow } from "@kontor/db";
import type { WorkerContext } from "../worker-context.js";

/**
 * A consumer of outbox events. `handle` runs inside the transaction that claimed the event
 * (FOR UPDATE SKIP LOCKED): whatever it writes commits together with the delivery mark, so a
 * crash before the commit repeats the whole handling and a crash after it repeats nothing.
 * Handlers must be idempotent anyway (dedupe key per effect): delivery is at least once.
 */
export interface OutboxHandler {
  /** Topics this handler consumes (exact match). */
  readonly topics: readonly string[];
  handle(tx: KontorTransaction, event: OutboxRow, context: WorkerContext): Promise<void>;
}

import { installationTicketingPolicies } from "@kontor/api";
import { pendingInboundMailIds } from "@kontor/db";
import { startPollingLoop } from "../runtime/polling-loop.js";
import type { WorkerContext } from "../worker-context.js";
import { processInboundMail } from "./process-inbound-mail.js";
import { storeInboundMail, type InboundEnvelope } from "./store-inbound-mail.js";

/** Mails decided per pass before the loop checks for more. */
const BATCH = 25;

/** Inbound mail handling of one worker. */
export interface MailIntake {
  /**
   * Stores a received message raw and schedules its decision. Resolves once it is stored
   * (the SMTP listener answers 250 then); `false` when the same `sourceKey` was stored before.
   */
  receive(raw: Uint8Array, envelope: InboundEnvelope, sourceKey?: string): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Starts mail intake: every stored message is decided right after it arrived, and a sweep picks
 * up anything left `received` (a crash between storing and deciding, another worker's mail, or
 * a mail staff released from quarantine, K2).
 */
export function startMailIntake(context: WorkerContext, options: { readonly intervalMs: number }): MailIntake {
  const loop = startPollingLoop(
    "mail-intake",
    async () => {
      const ids = await pendingInboundMailIds(context.database.db, BATCH);
      if (ids.length === 0) return false;
      // P1: the installation's stored ticketing policies (K2 unknown sender, K4 limits, K1 reopen
      // window), read once per pass; the worker's settings only while none are stored. A stored
      // set that no longer parses fails the pass: the mails stay `received` until it is fixed.
      const { serviceDesk: policies } = await installationTicketingPolicies(context.database.db, context.settings.ticketingPolicies);
      for (const id of ids) await processInboundMail(context, id, policies);
      return ids.length === BATCH;
    },
    { intervalMs: options.intervalMs, logger: context.logger },
  );
  return {
    async receive(raw, envelope, sourceKey) {
      const row = await storeInboundMail(context.database, raw, envelope, context.clock.now(), sourceKey);
      if (row !== undefined) loop.wake();
      return row !== undefined;
    },
    stop: () => loop.stop(),
  };
}

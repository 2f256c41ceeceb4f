import { findContract, findOrganization, type KontorTransaction, type OutboxRow } from "@kontor/db";
import type { Contract } from "@kontor/contingent";
import type { Organization } from "@kontor/ticketing";
import { z } from "zod";
import { sendEventMail } from "../mail-out/send-event-mail.js";
import type { OutboxHandler } from "../outbox/outbox-handler.js";
import type { WorkerContext } from "../worker-context.js";
import { accountManagerFlagMail } from "./account-manager-flag-mail.js";

/** Outbox topic of a C4 flag the month close raised for the account manager. */
export const ACCOUNT_MANAGER_FLAG_TOPIC = "contingent.account-manager-flag";

const flagPayloadSchema = z.object({
  organizationId: z.string().min(1),
  event: z.object({
    contractId: z.string().min(1),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    flag: z.enum(["overbooked", "oversized"]),
    balanceMinutes: z.int(),
  }),
});

/**
 * C4: "flags the contract … for the account manager". Mails the flag to the account manager the
 * contract names (its cooperation terms), once per contract, month and flag (the event's dedupe
 * key). A contract that cannot be found fails the event, which is retried.
 */
export const accountManagerFlagHandler: OutboxHandler = {
  topics: [ACCOUNT_MANAGER_FLAG_TOPIC],
  async handle(tx: KontorTransaction, event: OutboxRow, context: WorkerContext): Promise<void> {
    const { organizationId, event: flag } = flagPayloadSchema.parse(event.payload);
    const row = await findContract(tx, flag.contractId);
    if (row === undefined) throw new Error(`C4 flag ${event.dedupeKey}: contract ${flag.contractId} not found`);
    const contract = row.contract as Contract;
    if (contract.kind !== "contingent") throw new Error(`C4 flag ${event.dedupeKey}: contract ${flag.contractId} is a ${contract.kind}, not a contingent`);
    const organization = (await findOrganization(tx, organizationId))?.record as Organization | undefined;
    const { subject, text } = accountManagerFlagMail(flag, organization?.name ?? organizationId, contract.contingent.monthlyMinutes);
    await sendEventMail(tx, context, event, { to: [contract.terms.accountManager.email.toLowerCase()], subject, text });
  },
};

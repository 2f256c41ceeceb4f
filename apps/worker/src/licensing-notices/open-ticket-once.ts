import { openTicket } from "@kontor/api";
import { findTicketByScheduleKey, type KontorTransaction } from "@kontor/db";
import type { Organization, TicketInput } from "@kontor/ticketing";

/** A ticket a licensing notice opens: always with the schedule key that makes it unique. */
export type NoticeTicket = Omit<TicketInput, "id" | "number" | "scheduleKey"> & { readonly scheduleKey: string };

/** The ticket a notice stands for, and whether this call opened it. */
export interface OpenedNoticeTicket {
  readonly id: string;
  readonly number: string;
  readonly opened: boolean;
}

/**
 * Opens `input` once per schedule key (L2, M6), through the API's ticket-opening path (K1
 * number, history and K5 outbox events) without a K2 confirmation: nobody wrote in, the worker
 * opens it. A ticket with the key found in `tx` means an earlier delivery of the event opened
 * it, and nothing happens. Two handlings racing past the lookup cannot both commit: the unique
 * index on the schedule key (migration 0012) fails the second, whose retry then finds the first.
 */
export async function openNoticeTicketOnce(tx: KontorTransaction, input: NoticeTicket, now: Date, organization: Organization | undefined): Promise<OpenedNoticeTicket> {
  const existing = await findTicketByScheduleKey(tx, input.scheduleKey);
  if (existing !== undefined) return { ...existing, opened: false };
  const row = await openTicket(tx, input, now, { confirm: false, organization });
  return { id: row.id, number: row.number, opened: true };
}

import { insertAssets, lockGoodsReceiptBooking, takenAssetIds, type AssetRow, type TicketRow } from "@kontor/db";
import type { GoodsReceiptOutcome, Organization } from "@kontor/ticketing";
import type { ApiDeps } from "../../app/api-deps.js";
import { fieldError, ProblemError } from "../../http/problem.js";
import { isUniqueViolation } from "../../http/unique-violation.js";
import { openTicket } from "../tickets/ticket-store.js";

/** What booking a goods receipt stored. */
export interface BookedGoodsReceipt {
  /** K11: the new assets, in the order of the receipt's items. */
  readonly assets: readonly AssetRow[];
  /** K9: the pick-and-pack ticket. */
  readonly ticket: TicketRow;
}

function alreadyBooked(receiptId: string, ticket: { readonly id: string; readonly number: string }): ProblemError {
  const message = `was booked before: pick-and-pack ticket ${ticket.number} (/v1/tickets/${ticket.id})`;
  return new ProblemError(409, "conflict", "Conflict", {
    detail: `Goods receipt ${receiptId} ${message}`,
    code: "GOODS_RECEIPT_ALREADY_BOOKED",
    errors: [fieldError("body", ["id"], "GOODS_RECEIPT_ALREADY_BOOKED", message)],
  });
}

function assetIdsTaken(outcome: GoodsReceiptOutcome, taken: readonly string[]): ProblemError {
  const errors = outcome.assets.flatMap((asset, index) => (taken.includes(asset.id) ? [fieldError("body", ["items", index, "assetId"], "ASSET_ID_TAKEN", `asset ${asset.id} exists`)] : []));
  return new ProblemError(409, "conflict", "Conflict", {
    detail: `Asset ${taken.join(", ")} exists; nothing of the receipt was booked`,
    code: "ASSET_ID_TAKEN",
    errors,
  });
}

/**
 * Books a goods receipt (K9, K11) in ONE transaction: every asset, and the pick-and-pack ticket
 * through the ticket-opening path of `POST /v1/tickets` (K1 number, outbox events; no K2
 * confirmation: its requester is materials management itself). Anything that fails stores
 * nothing. Idempotent by receipt id: bookings of one receipt queue on a lock, and a receipt
 * whose ticket exists is 409 `GOODS_RECEIPT_ALREADY_BOOKED` naming that ticket; a taken asset id
 * is 409 `ASSET_ID_TAKEN` naming the items.
 *
 * @param receiptId the receipt's id, for the answers
 * @param outcome what `receiveGoods` made of the receipt; checked with `requireConsistentReceipt`
 * @param organization the receipt's customer, as loaded by `referencedCustomer`
 */
export async function bookGoodsReceipt(deps: ApiDeps, receiptId: string, outcome: GoodsReceiptOutcome, organization: Organization): Promise<BookedGoodsReceipt> {
  const scheduleKey = outcome.pickAndPackTicket.scheduleKey;
  if (scheduleKey === undefined) throw new Error(`receiveGoods gave receipt ${receiptId} no schedule key`);
  const now = deps.clock.now();
  try {
    return await deps.database.db.transaction(async (tx) => {
      // First: a second booking of this receipt waits here until the first commits, then sees its ticket.
      const booked = await lockGoodsReceiptBooking(tx, scheduleKey);
      if (booked !== undefined) throw alreadyBooked(receiptId, booked);
      const taken = await takenAssetIds(
        tx,
        outcome.assets.map((asset) => asset.id),
      );
      if (taken.length > 0) throw assetIdsTaken(outcome, taken);
      const assets = await insertAssets(tx, outcome.assets, now);
      // Last: the ticket number lock is held only from here to the commit (K1).
      const ticket = await openTicket(tx, outcome.pickAndPackTicket, now, { confirm: false, organization });
      return { assets, ticket };
    });
  } catch (error) {
    // An asset recorded meanwhile by POST /v1/assets or another receipt: the whole receipt is rolled back.
    if (isUniqueViolation(error)) throw new ProblemError(409, "conflict", "Conflict", { detail: "An asset id of the receipt was taken meanwhile; nothing of the receipt was booked", code: "ASSET_ID_TAKEN" });
    throw error;
  }
}

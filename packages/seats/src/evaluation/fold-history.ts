import type {
  LicensesBoughtEvent,
  LicensesRenewedEvent,
  PurchaseOrderPaidEvent,
  PurchaseOrderPlacedEvent,
  RenewalPeriodOpenedEvent,
  SeatEvent,
  SeatHistory,
  UserAssignedEvent,
  UserUnassignedEvent,
} from "../history/seat-event.js";
import type { AccessLossReason, PurchaseOrderMailLine, SeatMail } from "../mails/seat-mail.js";
import { policyInForce } from "../policies/policy-in-force.js";
import type { PurchaseOrderWindowPolicy } from "../policies/purchase-order-window-policy.js";
import { type SeatError, type SeatErrorCode, seatError } from "../seat-error.js";
import { isoDateFromEpochDay } from "../time/epoch-day.js";
import { canonicalIso, msToIso, parseInstantMs } from "../time/instant.js";
import { windowDayEndMs } from "../time/window-day-end.js";
import type { ZoneClock } from "../time/zone.js";
import {
  type NoAccessEntry,
  ProductLedger,
  type PurchaseOrderLedger,
  type RenewalLedger,
} from "./ledgers.js";
import { orderSlots, productOf } from "./schedule-order.js";
import { AssignmentNodes } from "./seat-order.js";

/** Inputs of {@link foldHistory}, already validated. */
export interface FoldOptions {
  readonly asOfMs: number;
  readonly clock: ZoneClock;
  readonly policies: readonly PurchaseOrderWindowPolicy[];
  /** Only mails due strictly after this instant are collected (`-Infinity`: all, `Infinity`: none). */
  readonly mailsAfterMs: number;
}

/** The organization's state at `asOf` after folding its history. */
export interface FoldState {
  readonly nodes: AssignmentNodes;
  readonly products: Map<string, ProductLedger>;
  /** Purchase orders in placement order. */
  readonly purchaseOrders: Map<string, PurchaseOrderLedger>;
  /** Unpaid purchase orders past their window (S8). */
  readonly blockedBy: number;
  readonly unpaidOrders: number;
  readonly lastPaymentMs: number | null;
  /** Latest `at` in the whole history, including events after `asOf`. */
  readonly latestEventMs: number;
  readonly mails: SeatMail[];
}

// Order of steps that share an instant. Window boundaries come first because windows are
// half-open: a payment at exactly the end of day 60 is late. A purchase order precedes its
// payment; unassignments precede assignments so a license freed at t can be taken at t.
const RANK_WINDOW_END = 0;
const RANK_REMINDER = 1;
const RANK_RENEWAL_END = 2;
const RANK_PO_PLACED = 3;
const RANK_RENEWAL_OPENED = 4;
const RANK_LICENSES_BOUGHT = 5;
const RANK_LICENSES_RENEWED = 6;
const RANK_PO_PAID = 7;
const RANK_UNASSIGNED = 8;
const RANK_ASSIGNED = 9;

const EVENT_RANKS: Readonly<Record<SeatEvent["type"], number>> = {
  "purchase-order-placed": RANK_PO_PLACED,
  "renewal-period-opened": RANK_RENEWAL_OPENED,
  "licenses-bought": RANK_LICENSES_BOUGHT,
  "licenses-renewed": RANK_LICENSES_RENEWED,
  "purchase-order-paid": RANK_PO_PAID,
  "user-unassigned": RANK_UNASSIGNED,
  "user-assigned": RANK_ASSIGNED,
};

/** {@link EVENT_RANKS} of the event's type, as a switch (a keyed lookup per event costs more). */
function rankOf(event: SeatEvent): number {
  switch (event.type) {
    case "user-assigned":
      return RANK_ASSIGNED;
    case "user-unassigned":
      return RANK_UNASSIGNED;
    case "purchase-order-placed":
      return RANK_PO_PLACED;
    case "purchase-order-paid":
      return RANK_PO_PAID;
    case "licenses-bought":
      return RANK_LICENSES_BOUGHT;
    case "renewal-period-opened":
      return RANK_RENEWAL_OPENED;
    case "licenses-renewed":
      return RANK_LICENSES_RENEWED;
    default:
      return EVENT_RANKS[(event as SeatEvent).type];
  }
}

/** Internal: stops the fold at the first broken rule; caught in {@link foldHistory}, never escapes. */
class FoldError extends Error {
  override readonly name = "FoldError";

  constructor(readonly error: SeatError) {
    super(error.message);
  }
}

function foldError(code: SeatErrorCode, message: string, index: number, field?: string): FoldError {
  return new FoldError(
    seatError(code, message, field === undefined ? ["history", index] : ["history", index, field]),
  );
}

/**
 * Folds an organization's history up to `asOfMs` (S10): one pass to parse timestamps and schedule
 * window boundaries, one sort, one pass over the sorted steps. Returns the state, or the first
 * rule the history breaks.
 */
export function foldHistory(
  history: SeatHistory,
  options: FoldOptions,
): { ok: true; state: FoldState } | { ok: false; error: SeatError } {
  try {
    return { ok: true, state: new Folder(history, options).run() };
  } catch (caught) {
    if (caught instanceof FoldError) return { ok: false, error: caught.error };
    // Only data that is not a SeatHistory at all (e.g. unvalidated JSON) gets here.
    if (caught instanceof TypeError) {
      return {
        ok: false,
        error: seatError("S10_INVALID_INPUT", "The history is not a list of seat events; validate it with parseSeatHistory", ["history"]),
      };
    }
    throw caught;
  }
}

/** A scheduled step: the instant, the rank at that instant, and the event index it refers to. */
interface Schedule {
  readonly ms: Float64Array;
  readonly rank: Uint8Array;
  readonly ref: Int32Array;
  readonly order: number[];
}

class Folder {
  readonly #history: SeatHistory;
  readonly #options: FoldOptions;
  readonly #eventMs: Float64Array;
  readonly #nodes: AssignmentNodes;
  readonly #products = new Map<string, ProductLedger>();
  readonly #purchaseOrders = new Map<string, PurchaseOrderLedger>();
  /** Ledgers by the index of their event, built while scheduling. */
  readonly #orderLedgers = new Map<number, PurchaseOrderLedger>();
  readonly #renewalLedgers = new Map<number, RenewalLedger>();
  readonly #mails: SeatMail[] = [];
  #blockedBy = 0;
  #unpaidOrders = 0;
  #lastPaymentMs: number | null = null;
  #latestEventMs = Number.NEGATIVE_INFINITY;

  constructor(history: SeatHistory, options: FoldOptions) {
    this.#history = history;
    this.#options = options;
    this.#eventMs = new Float64Array(history.length);
    this.#nodes = new AssignmentNodes(history, this.#eventMs);
  }

  run(): FoldState {
    const { ms, rank, ref, order } = this.#schedule();
    for (const slot of order) {
      this.#apply(rank[slot] as number, ref[slot] as number, ms[slot] as number);
    }
    return {
      nodes: this.#nodes,
      products: this.#products,
      purchaseOrders: this.#purchaseOrders,
      blockedBy: this.#blockedBy,
      unpaidOrders: this.#unpaidOrders,
      lastPaymentMs: this.#lastPaymentMs,
      latestEventMs: this.#latestEventMs,
      mails: this.#mails,
    };
  }

  /**
   * Parses every timestamp once, adds the window and renewal boundaries as steps of their own and
   * sorts all steps by (instant, rank, tie-break). Steps are slots in typed arrays, not objects.
   */
  #schedule(): Schedule {
    const history = this.#history;
    const eventMs = this.#eventMs;
    const { asOfMs } = this.#options;
    // One pass while each event is at hand: parse, check, build ledgers and add its steps (at most
    // three per event) with its product's index for the sort.
    const capacity = history.length * 3;
    const ms = new Float64Array(capacity);
    const rank = new Uint8Array(capacity);
    const ref = new Int32Array(capacity);
    const products = new Int32Array(capacity);
    const productIndex = new Map<string, number>();
    const productNames: string[] = [];
    let slot = 0;
    const add = (at: number, stepRank: number, index: number, product: number): void => {
      ms[slot] = at;
      rank[slot] = stepRank;
      ref[slot] = index;
      products[slot] = product;
      slot += 1;
    };
    for (let index = 0; index < history.length; index++) {
      const event = history[index] as SeatEvent;
      const at = parseInstantMs(event.at);
      if (Number.isNaN(at)) {
        throw foldError("S10_INVALID_INSTANT", "Expected an ISO date-time with offset", index, "at");
      }
      eventMs[index] = at;
      if (at > this.#latestEventMs) this.#latestEventMs = at;
      if (at > asOfMs) continue;
      if (!Object.hasOwn(EVENT_RANKS, event.type)) {
        throw foldError("S10_INVALID_INPUT", "Unknown event type", index, "type");
      }
      const productId = productOf(event);
      let product = productIndex.get(productId);
      if (product === undefined) {
        product = productNames.length;
        productIndex.set(productId, product);
        productNames.push(productId);
      }
      add(at, rankOf(event), index, product);
      if (event.type === "purchase-order-placed") {
        const ledger = this.#purchaseOrderLedger(event, at, index);
        this.#orderLedgers.set(index, ledger);
        if (ledger.reminderMs <= asOfMs) add(ledger.reminderMs, RANK_REMINDER, index, product);
        if (ledger.windowEndMs <= asOfMs) add(ledger.windowEndMs, RANK_WINDOW_END, index, product);
      } else if (event.type === "renewal-period-opened") {
        const ledger = renewalLedger(event, at, index);
        this.#renewalLedgers.set(index, ledger);
        if (ledger.endMs <= asOfMs) add(ledger.endMs, RANK_RENEWAL_END, index, product);
      }
    }
    const schedule = { ms: ms.subarray(0, slot), rank: rank.subarray(0, slot), ref: ref.subarray(0, slot) };
    return {
      ...schedule,
      order: orderSlots(history, schedule.ms, schedule.rank, schedule.ref, { products: products.subarray(0, slot), names: productNames }),
    };
  }

  /** S2: the window of a purchase order, under the policy in force on its local date (P1). */
  #purchaseOrderLedger(event: PurchaseOrderPlacedEvent, placedMs: number, index: number): PurchaseOrderLedger {
    const { clock, policies } = this.#options;
    const localDay = clock.localEpochDay(placedMs);
    const policy = policyInForce(policies, isoDateFromEpochDay(localDay));
    if (policy === undefined) {
      throw foldError("P1_NO_POLICY_IN_FORCE", "No purchase-order window policy is in force on this date", index, "at");
    }
    return {
      event,
      index,
      placedMs,
      reminderMs: windowDayEndMs(clock, placedMs, policy.reminderAfterDays),
      windowEndMs: windowDayEndMs(clock, placedMs, policy.windowDays),
      reminderDay: isoDateFromEpochDay(localDay + policy.reminderAfterDays),
      lastDayToPay: isoDateFromEpochDay(localDay + policy.windowDays),
      daysLeftAfterReminder: policy.windowDays - policy.reminderAfterDays,
      paidMs: null,
      expired: false,
    };
  }

  #product(productId: string): ProductLedger {
    let product = this.#products.get(productId);
    if (product === undefined) {
      product = new ProductLedger(productId, this.#nodes);
      this.#products.set(productId, product);
    }
    return product;
  }

  #wantsMail(ms: number): boolean {
    return ms > this.#options.mailsAfterMs;
  }

  #apply(rank: number, index: number, ms: number): void {
    const event = this.#history[index] as SeatEvent;
    switch (rank) {
      case RANK_ASSIGNED:
        this.#assign(event as UserAssignedEvent, index, ms);
        return;
      case RANK_UNASSIGNED:
        this.#unassign(event as UserUnassignedEvent, index);
        return;
      case RANK_PO_PLACED:
        this.#place(this.#orderLedgers.get(index) as PurchaseOrderLedger);
        return;
      case RANK_PO_PAID:
        this.#pay(event as PurchaseOrderPaidEvent, index, ms);
        return;
      case RANK_REMINDER:
        this.#remind(this.#orderLedgers.get(index) as PurchaseOrderLedger, ms);
        return;
      case RANK_WINDOW_END:
        this.#closeWindow(this.#orderLedgers.get(index) as PurchaseOrderLedger, ms);
        return;
      case RANK_LICENSES_BOUGHT:
        this.#buy(event as LicensesBoughtEvent, ms);
        return;
      case RANK_RENEWAL_OPENED:
        this.#openRenewal(this.#renewalLedgers.get(index) as RenewalLedger, index);
        return;
      case RANK_LICENSES_RENEWED:
        this.#renew(event as LicensesRenewedEvent, index);
        return;
      default:
        this.#closeRenewal(this.#renewalLedgers.get(index) as RenewalLedger, ms);
    }
  }

  /** S1, S3: a new assignment takes a free license (paid, or unpaid within its window). */
  #assign(event: UserAssignedEvent, index: number, ms: number): void {
    const product = this.#product(event.productId);
    if (product.seats.size >= product.capacity) {
      const assigned = product.seats.nodeOf(event.userId) !== undefined;
      throw assigned
        ? alreadyAssigned(event, index)
        : foldError("S3_NO_LICENSE_AVAILABLE", `All ${product.capacity} licenses of ${event.productId} are assigned`, index, "productId");
    }
    if (!product.seats.insert(index)) throw alreadyAssigned(event, index);
    // Assigning a user from the "no access" list again starts a fresh assignment.
    if (product.noAccess.size > 0) product.noAccess.delete(event.userId);
    if (this.#wantsMail(ms)) {
      this.#mails.push({
        id: `s1-access-granted:${event.productId}:${event.userId}:${event.id}`,
        kind: "access-granted",
        dueAt: canonicalIso(event.at, ms),
        to: userRecipient(event),
        productId: event.productId,
      });
    }
  }

  /**
   * S7: removing a user shortens the order; whoever was first on the "must be paid" list now
   * sits within the paid licenses. Removing a user on the "no access" list just drops them.
   */
  #unassign(event: UserUnassignedEvent, index: number): void {
    const product = this.#product(event.productId);
    const node = product.seats.nodeOf(event.userId);
    if (node !== undefined) product.seats.remove(node);
    else if (!product.noAccess.delete(event.userId)) {
      throw foldError("S3_NOT_ASSIGNED", `User ${event.userId} is not assigned to ${event.productId}`, index, "userId");
    }
  }

  /** S1, S8: a purchase order adds unpaid licenses, unless the organization is blocked. */
  #place(purchaseOrder: PurchaseOrderLedger): void {
    const { poId } = purchaseOrder.event;
    if (this.#purchaseOrders.has(poId)) {
      throw foldError("S1_DUPLICATE_PURCHASE_ORDER", `Purchase order ${poId} was already placed`, purchaseOrder.index, "poId");
    }
    if (this.#blockedBy > 0) {
      throw foldError(
        "S8_PURCHASE_ORDERS_BLOCKED",
        "Payment is outstanding: no further purchase orders until it is arranged",
        purchaseOrder.index,
      );
    }
    this.#purchaseOrders.set(poId, purchaseOrder);
    this.#unpaidOrders += 1;
    for (const line of purchaseOrder.event.lines) this.#product(line.productId).unpaidInWindow += line.quantity;
  }

  /** S2, S9: payment turns the order's licenses into paid ones and restores lost access. */
  #pay(event: PurchaseOrderPaidEvent, index: number, ms: number): void {
    const purchaseOrder = this.#purchaseOrders.get(event.poId);
    if (purchaseOrder === undefined) {
      throw foldError("S2_UNKNOWN_PURCHASE_ORDER", `No purchase order ${event.poId} was placed before`, index, "poId");
    }
    if (purchaseOrder.paidMs !== null) {
      throw foldError("S2_PURCHASE_ORDER_ALREADY_PAID", `Purchase order ${event.poId} is already paid`, index, "poId");
    }
    purchaseOrder.paidMs = ms;
    this.#unpaidOrders -= 1;
    this.#lastPaymentMs = ms;
    if (purchaseOrder.expired) this.#blockedBy -= 1;
    for (const line of purchaseOrder.event.lines) {
      const product = this.#product(line.productId);
      if (purchaseOrder.expired) product.suspended -= line.quantity;
      else product.unpaidInWindow -= line.quantity;
      product.paid += line.quantity;
      if (purchaseOrder.expired) this.#restore(product, event.id, ms);
    }
  }

  /** S5: at the end of day 30 an unpaid order triggers one reminder to the admin. */
  #remind(purchaseOrder: PurchaseOrderLedger, ms: number): void {
    if (purchaseOrder.paidMs !== null || !this.#wantsMail(ms)) return;
    this.#mails.push({
      id: `s5-reminder:${purchaseOrder.event.poId}`,
      kind: "payment-reminder",
      dueAt: msToIso(ms),
      to: { role: "admin" },
      poId: purchaseOrder.event.poId,
      lines: purchaseOrder.event.lines.map((line) => ({
        productId: line.productId,
        licenses: line.quantity,
        usersWithoutAccess: 0,
      })),
      lastDayToPay: purchaseOrder.lastDayToPay,
      withdrawalAt: msToIso(purchaseOrder.windowEndMs),
      daysLeft: purchaseOrder.daysLeftAfterReminder,
    });
  }

  /** S6, S8: at the end of day 60 unpaid licenses are suspended; the last-assigned users lose access. */
  #closeWindow(purchaseOrder: PurchaseOrderLedger, ms: number): void {
    if (purchaseOrder.paidMs !== null) return;
    const { poId } = purchaseOrder.event;
    purchaseOrder.expired = true;
    this.#blockedBy += 1;
    const lines: PurchaseOrderMailLine[] = [];
    const withdrawn: SeatMail[] = [];
    let suspendedLicenses = 0;
    for (const line of purchaseOrder.event.lines) {
      const product = this.#product(line.productId);
      product.unpaidInWindow -= line.quantity;
      product.suspended += line.quantity;
      suspendedLicenses += line.quantity;
      const lost = this.#cut(product, "unpaid", poId, ms);
      lines.push({ productId: line.productId, licenses: line.quantity, usersWithoutAccess: lost.length });
      for (const node of lost) {
        const assignment = this.#nodes.assignment(node);
        withdrawn.push({
          id: `s8-withdrawn:${poId}:${line.productId}:${assignment.userId}`,
          kind: "access-withdrawn",
          dueAt: msToIso(ms),
          to: userRecipient(assignment),
          productId: line.productId,
          reason: "unpaid",
          causeId: poId,
        });
      }
    }
    if (!this.#wantsMail(ms)) return;
    this.#mails.push({
      id: `s8-suspended:${poId}`,
      kind: "licenses-suspended",
      dueAt: msToIso(ms),
      to: { role: "admin" },
      poId,
      suspendedLicenses,
      lines,
    });
    this.#mails.push(...withdrawn);
  }

  /** S3: licenses bought outright are paid at once and may restore lost access (S9). */
  #buy(event: LicensesBoughtEvent, ms: number): void {
    const product = this.#product(event.productId);
    product.paid += event.quantity;
    this.#restore(product, event.id, ms);
  }

  #openRenewal(renewal: RenewalLedger, index: number): void {
    const product = this.#product(renewal.event.productId);
    if (product.renewal !== null) {
      throw foldError("S3_RENEWAL_PERIOD_OVERLAPS", `A renewal period of ${product.productId} is already open`, index);
    }
    renewal.due = product.paid;
    renewal.renewed = 0;
    product.renewal = renewal;
  }

  #renew(event: LicensesRenewedEvent, index: number): void {
    const renewal = this.#product(event.productId).renewal;
    if (renewal === null) {
      throw foldError("S3_NO_RENEWAL_PERIOD", `No renewal period of ${event.productId} is open`, index, "productId");
    }
    if (renewal.renewed + event.quantity > renewal.due) {
      throw foldError(
        "S3_RENEWAL_EXCEEDS_DUE_LICENSES",
        `Only ${renewal.due - renewal.renewed} licenses of ${event.productId} are still due for renewal`,
        index,
        "quantity",
      );
    }
    renewal.renewed += event.quantity;
  }

  /** S3: at the end of a renewal period unrenewed licenses lapse; the last-assigned users lose access. */
  #closeRenewal(renewal: RenewalLedger, ms: number): void {
    const product = this.#product(renewal.event.productId);
    if (product.renewal !== renewal) return;
    product.renewal = null;
    product.paid -= renewal.due - renewal.renewed;
    for (const node of this.#cut(product, "not-renewed", renewal.event.id, ms)) {
      if (!this.#wantsMail(ms)) continue;
      const assignment = this.#nodes.assignment(node);
      this.#mails.push({
        id: `s3-withdrawn:${renewal.event.id}:${product.productId}:${assignment.userId}`,
        kind: "access-withdrawn",
        dueAt: msToIso(ms),
        to: userRecipient(assignment),
        productId: product.productId,
        reason: "not-renewed",
        causeId: renewal.event.id,
      });
    }
  }

  /**
   * S6: while more users have access than licenses give it, the last-assigned user loses it.
   * Returns the nodes that lost access, in assignment order.
   */
  #cut(product: ProductLedger, reason: AccessLossReason, causeId: string, ms: number): number[] {
    const lost: number[] = [];
    while (product.seats.size > product.capacity) {
      const node = product.seats.last;
      product.seats.remove(node);
      product.noAccess.set(this.#nodes.assignment(node).userId, { node, lostMs: ms, reason, causeId });
      lost.push(node);
    }
    return lost.reverse();
  }

  /** S9: free licenses go back to users on the "no access" list, earliest assignment first. */
  #restore(product: ProductLedger, causeEventId: string, ms: number): void {
    if (product.noAccess.size === 0 || product.seats.size >= product.capacity) return;
    const nodes = this.#nodes;
    const waiting = [...product.noAccess.values()].sort((a: NoAccessEntry, b: NoAccessEntry) =>
      nodes.before(a.node, b.node) ? -1 : nodes.before(b.node, a.node) ? 1 : 0,
    );
    for (const entry of waiting) {
      if (product.seats.size >= product.capacity) return;
      const assignment = nodes.assignment(entry.node);
      product.noAccess.delete(assignment.userId);
      product.seats.insert(entry.node);
      if (!this.#wantsMail(ms)) continue;
      this.#mails.push({
        id: `s9-restored:${causeEventId}:${product.productId}:${assignment.userId}`,
        kind: "access-restored",
        dueAt: msToIso(ms),
        to: userRecipient(assignment),
        productId: product.productId,
        causeEventId,
      });
    }
  }
}

function alreadyAssigned(event: UserAssignedEvent, index: number): FoldError {
  return foldError("S3_ALREADY_ASSIGNED", `User ${event.userId} is already assigned to ${event.productId}`, index, "userId");
}

function renewalLedger(event: RenewalPeriodOpenedEvent, startMs: number, index: number): RenewalLedger {
  const endMs = parseInstantMs(event.endsAt);
  if (Number.isNaN(endMs)) {
    throw foldError("S10_INVALID_INSTANT", "Expected an ISO date-time with offset", index, "endsAt");
  }
  if (endMs <= startMs) {
    throw foldError("S3_RENEWAL_PERIOD_INVALID", "A renewal period must end after it opens", index, "endsAt");
  }
  return { event, startMs, endMs, due: 0, renewed: 0 };
}

function userRecipient(assignment: UserAssignedEvent): SeatMail["to"] {
  return assignment.email === undefined
    ? { role: "user", userId: assignment.userId }
    : { role: "user", userId: assignment.userId, email: assignment.email };
}

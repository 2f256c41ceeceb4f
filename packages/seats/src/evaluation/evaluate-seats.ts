import { z } from "zod";
import type { SeatHistory } from "../history/seat-event.js";
import type {
  LicensesSuspendedNotice,
  PaymentRequiredNotice,
  SeatNotice,
} from "../notices/seat-notice.js";
import { DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES } from "../policies/default-policies.js";
import {
  type PurchaseOrderWindowPolicy,
  purchaseOrderWindowPoliciesSchema,
} from "../policies/purchase-order-window-policy.js";
import { type SeatError, type SeatResult, ok } from "../seat-error.js";
import { type Instant, instantSchema, instantToMs, msToIso } from "../time/instant.js";
import { DEFAULT_ZONE, ZoneClock, zoneSchema } from "../time/zone.js";
import { zodIssuesToErrors } from "../zod-errors.js";
import { type FoldState, foldHistory } from "./fold-history.js";
import type { ProductLedger, PurchaseOrderLedger } from "./ledgers.js";
import type {
  MustBePaidUser,
  NoAccessUser,
  ProductSeats,
  PurchaseOrderStatus,
  SeatEvaluation,
  SeatUser,
} from "./seat-evaluation.js";
import type { AssignmentNodes } from "./seat-order.js";

/** Options of {@link evaluateSeats}. */
export interface EvaluateSeatsOptions {
  /** The evaluated instant (P2); events after it are ignored. */
  readonly asOf: Instant;
  /** The organization's IANA zone; day boundaries are local days there (default `Europe/Berlin`). */
  readonly zone?: string;
  /** Window policies (P1); default {@link DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES}. */
  readonly policies?: readonly PurchaseOrderWindowPolicy[];
  /**
   * Only return mails due strictly after this instant. An hourly job passes its previous `asOf`,
   * so every mail is returned by exactly one run (S10); without it, all mails due up to `asOf`.
   */
  readonly mailsAfter?: Instant;
  /**
   * `false` skips the e-mails altogether (`mails` is empty): for interactive reads that only show
   * counts, lists and notices. Default `true`.
   */
  readonly includeMails?: boolean;
}

/** zod schema of {@link EvaluateSeatsOptions}. */
export const evaluateSeatsOptionsSchema = z
  .object({
    asOf: instantSchema,
    zone: zoneSchema.optional(),
    policies: purchaseOrderWindowPoliciesSchema.optional(),
    mailsAfter: instantSchema.optional(),
    includeMails: z.boolean().optional(),
  })
  .strict();

/** Validated options, ready for the fold. */
export interface ResolvedOptions {
  readonly asOfMs: number;
  readonly clock: ZoneClock;
  readonly policies: readonly PurchaseOrderWindowPolicy[];
  readonly mailsAfterMs: number;
}

/** Validates {@link EvaluateSeatsOptions} into {@link ResolvedOptions}. */
export function resolveOptions(options: EvaluateSeatsOptions): SeatResult<ResolvedOptions> {
  const parsed = evaluateSeatsOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const errors: SeatError[] = zodIssuesToErrors(parsed.error, ["options"]).map((error) =>
      error.path[1] === "zone" ? { ...error, code: "P2_UNKNOWN_ZONE" } : error.path[1] === "policies" ? { ...error, code: "P1_INVALID_POLICY" } : error,
    );
    return { ok: false, errors };
  }
  return ok({
    asOfMs: instantToMs(options.asOf),
    clock: new ZoneClock(options.zone ?? DEFAULT_ZONE),
    policies: options.policies ?? DEFAULT_PURCHASE_ORDER_WINDOW_POLICIES,
    mailsAfterMs:
      options.includeMails === false
        ? Number.POSITIVE_INFINITY
        : options.mailsAfter === undefined
          ? Number.NEGATIVE_INFINITY
          : instantToMs(options.mailsAfter),
  });
}

/**
 * Evaluates an organization's seat history at `asOf` (S1–S10): per product the counts, the
 * "must be paid" and "no access" lists; the notices; the organization flags; and the e-mails due.
 * A pure function of `(history, options)` — same input, same output, no clock (S10, P2).
 *
 * `history` is trusted to have the {@link SeatHistory} shape (validate untrusted data with
 * {@link parseSeatHistory}); timestamps, references and every rule are checked here, and a
 * history that breaks one yields `{ ok: false, errors }` naming the event.
 */
export function evaluateSeats(
  history: SeatHistory,
  options: EvaluateSeatsOptions,
): SeatResult<SeatEvaluation> {
  const resolved = resolveOptions(options);
  if (!resolved.ok) return resolved;
  return evaluateResolved(history, resolved.value);
}

/** {@link evaluateSeats} with options already resolved. */
export function evaluateResolved(
  history: SeatHistory,
  options: ResolvedOptions,
): SeatResult<SeatEvaluation> {
  const folded = foldHistory(history, options);
  if (!folded.ok) return { ok: false, errors: [folded.error] };
  return ok(report(folded.state, options));
}

/**
 * {@link evaluateSeats} plus the latest `at` of the whole history (commands refuse to append an
 * event before it).
 */
export function evaluateForCommand(
  history: SeatHistory,
  options: ResolvedOptions,
): SeatResult<{ readonly evaluation: SeatEvaluation; readonly latestEventMs: number }> {
  const folded = foldHistory(history, options);
  if (!folded.ok) return { ok: false, errors: [folded.error] };
  return ok({ evaluation: report(folded.state, options), latestEventMs: folded.state.latestEventMs });
}

function report(state: FoldState, options: ResolvedOptions): SeatEvaluation {
  const { asOfMs } = options;
  const purchaseOrders = [...state.purchaseOrders.values()];
  const productIds = [...state.products.keys()].sort(compareCodeUnits);
  const products = productIds.map((productId) =>
    productSeats(state.nodes, state.products.get(productId) as ProductLedger, purchaseOrders, asOfMs),
  );
  const blocked = state.blockedBy > 0;
  return {
    asOf: msToIso(asOfMs),
    zone: options.clock.name,
    products,
    purchaseOrders: purchaseOrders.map((purchaseOrder) => purchaseOrderStatus(purchaseOrder, asOfMs)),
    notices: notices(state, products, purchaseOrders, asOfMs),
    flags: { paymentOutstanding: blocked, purchaseOrdersBlocked: blocked },
    mails: state.mails,
  };
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function seatUser(nodes: AssignmentNodes, node: number): SeatUser {
  const assignment = nodes.assignment(node);
  const user: { userId: string; email?: string; displayName?: string; assignedAt: string } = {
    userId: assignment.userId,
    assignedAt: msToIso(nodes.assignedMs(node)),
  };
  if (assignment.email !== undefined) user.email = assignment.email;
  if (assignment.displayName !== undefined) user.displayName = assignment.displayName;
  return user;
}

/** `{ ...seatUser(nodes, node), losesAccessAt }` built in one object (same keys, same order). */
function mustBePaidUser(nodes: AssignmentNodes, node: number, losesAccessAt: string): MustBePaidUser {
  const assignment = nodes.assignment(node);
  const assignedAt = msToIso(nodes.assignedMs(node));
  if (assignment.email === undefined && assignment.displayName === undefined) {
    return { userId: assignment.userId, assignedAt, losesAccessAt };
  }
  const user: { userId: string; email?: string; displayName?: string; assignedAt: string; losesAccessAt?: string } = {
    userId: assignment.userId,
    assignedAt,
  };
  if (assignment.email !== undefined) user.email = assignment.email;
  if (assignment.displayName !== undefined) user.displayName = assignment.displayName;
  user.losesAccessAt = losesAccessAt;
  return user as MustBePaidUser;
}

function productSeats(
  nodes: AssignmentNodes,
  product: ProductLedger,
  purchaseOrders: readonly PurchaseOrderLedger[],
  asOfMs: number,
): ProductSeats {
  const used = product.seats.size;
  const deficit = Math.max(0, used - product.paid);
  const renewal = product.renewal;
  const mustBeRenewed =
    renewal === null || renewal.startMs > asOfMs
      ? null
      : Math.max(0, used - (product.capacity - (renewal.due - renewal.renewed)));
  const noAccessUsers: NoAccessUser[] = [...product.noAccess.values()]
    .sort((a, b) => (nodes.before(a.node, b.node) ? -1 : nodes.before(b.node, a.node) ? 1 : 0))
    .map((entry) => ({
      ...seatUser(nodes, entry.node),
      lostAccessAt: msToIso(entry.lostMs),
      reason: entry.reason,
      causeId: entry.causeId,
    }));
  return {
    productId: product.productId,
    used,
    available: product.paid,
    deficit,
    mustBePaid: product.unpaidInWindow + product.suspended,
    unpaidInWindow: product.unpaidInWindow,
    suspended: product.suspended,
    mustBeRenewed,
    noAccess: noAccessUsers.length,
    mustBePaidUsers: mustBePaidUsers(nodes, product, deficit, purchaseOrders),
    noAccessUsers,
  };
}

/**
 * S4, S6: the users on unpaid licenses are the `deficit` last-assigned users. Each one's
 * `losesAccessAt` is the window end that would push them out if nothing changes: windows close
 * earliest first, and each takes its licenses from the end of the order.
 */
function mustBePaidUsers(
  nodes: AssignmentNodes,
  product: ProductLedger,
  deficit: number,
  purchaseOrders: readonly PurchaseOrderLedger[],
): MustBePaidUser[] {
  if (deficit === 0) return [];
  const closing: { endMs: number; quantity: number }[] = [];
  for (const purchaseOrder of purchaseOrders) {
    if (purchaseOrder.paidMs !== null || purchaseOrder.expired) continue;
    for (const line of purchaseOrder.event.lines) {
      if (line.productId === product.productId) closing.push({ endMs: purchaseOrder.windowEndMs, quantity: line.quantity });
    }
  }
  closing.sort((a, b) => a.endMs - b.endMs);
  const listed = product.seats.lastNodes(deficit);
  const slack = product.capacity - product.seats.size;
  const losesAccessAt = new Array<number>(deficit);
  let removed = 0;
  let window = 0;
  // Walk from the last-assigned user (fromEnd 0) backwards; they lose access first.
  for (let fromEnd = 0; fromEnd < deficit; fromEnd++) {
    for (let next = closing[window]; removed - slack <= fromEnd && next !== undefined; next = closing[window]) {
      removed += next.quantity;
      window += 1;
    }
    // The fold keeps used ≤ paid + unpaid-in-window, so some window always covers a deficit user.
    losesAccessAt[deficit - 1 - fromEnd] = closing[window - 1]?.endMs ?? Number.NaN;
  }
  // Few distinct window ends: format each run of equal ones once (msToIso remembers only the
  // last instant, and the assignment instants come in between).
  let lastMs = Number.NaN;
  let lastIso = "";
  return listed.map((node, i) => {
    const ms = losesAccessAt[i] as number;
    if (ms !== lastMs) {
      lastMs = ms;
      lastIso = msToIso(ms);
    }
    return mustBePaidUser(nodes, node, lastIso);
  });
}

function purchaseOrderStatus(purchaseOrder: PurchaseOrderLedger, asOfMs: number): PurchaseOrderStatus {
  return {
    poId: purchaseOrder.event.poId,
    placedAt: msToIso(purchaseOrder.placedMs),
    reminderAt: msToIso(purchaseOrder.reminderMs),
    reminderDay: purchaseOrder.reminderDay,
    windowEndsAt: msToIso(purchaseOrder.windowEndMs),
    lastDayToPay: purchaseOrder.lastDayToPay,
    lines: purchaseOrder.event.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
    state:
      purchaseOrder.paidMs !== null
        ? "paid"
        : purchaseOrder.expired
          ? "suspended"
          : asOfMs >= purchaseOrder.reminderMs
            ? "scenario-2"
            : "scenario-1",
    paidAt: purchaseOrder.paidMs === null ? null : msToIso(purchaseOrder.paidMs),
  };
}

/** S4, S5, S8 and the settlement notice, in placement order of the purchase orders. */
function notices(
  state: FoldState,
  products: readonly ProductSeats[],
  purchaseOrders: readonly PurchaseOrderLedger[],
  asOfMs: number,
): SeatNotice[] {
  const deficitByProduct = new Map(products.map((product) => [product.productId, product.deficit]));
  const lostByOrderLine = new Map<string, number>();
  for (const product of state.products.values()) {
    for (const entry of product.noAccess.values()) {
      if (entry.reason !== "unpaid") continue;
      const key = `${entry.causeId}\u0000${product.productId}`;
      lostByOrderLine.set(key, (lostByOrderLine.get(key) ?? 0) + 1);
    }
  }
  const result: SeatNotice[] = [];
  for (const purchaseOrder of purchaseOrders) {
    if (purchaseOrder.paidMs !== null) continue;
    const { poId } = purchaseOrder.event;
    for (const line of purchaseOrder.event.lines) {
      if (purchaseOrder.expired) {
        const notice: LicensesSuspendedNotice = {
          kind: "licenses-suspended",
          scenario: 3,
          poId,
          productId: line.productId,
          suspendedLicenses: line.quantity,
          usersWithoutAccess: lostByOrderLine.get(`${poId}\u0000${line.productId}`) ?? 0,
          suspendedAt: msToIso(purchaseOrder.windowEndMs),
          lastDayToPay: purchaseOrder.lastDayToPay,
        };
        result.push(notice);
      } else {
        const scenario = asOfMs < purchaseOrder.reminderMs ? 1 : 2;
        const notice: PaymentRequiredNotice = {
          kind: "payment-required",
          scenario,
          poId,
          productId: line.productId,
          unpaidLicenses: line.quantity,
          mustBePaidUsers: deficitByProduct.get(line.productId) ?? 0,
          shownUntil: msToIso(scenario === 1 ? purchaseOrder.reminderMs : purchaseOrder.windowEndMs),
          lastDayShown: scenario === 1 ? purchaseOrder.reminderDay : purchaseOrder.lastDayToPay,
          lastDayToPay: purchaseOrder.lastDayToPay,
          windowEndsAt: msToIso(purchaseOrder.windowEndMs),
        };
        result.push(notice);
      }
    }
  }
  if (purchaseOrders.length > 0 && state.unpaidOrders === 0 && state.lastPaymentMs !== null) {
    result.push({ kind: "settlement-done", settledAt: msToIso(state.lastPaymentMs), purchaseOrders: purchaseOrders.length });
  }
  return result;
}

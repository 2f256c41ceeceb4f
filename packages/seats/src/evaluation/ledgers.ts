import type {
  PurchaseOrderPlacedEvent,
  RenewalPeriodOpenedEvent,
} from "../history/seat-event.js";
import type { AccessLossReason } from "../mails/seat-mail.js";
import { type AssignmentNodes, SeatOrder } from "./seat-order.js";

/** A purchase order while the history is folded; boundaries are computed once, up front. */
export interface PurchaseOrderLedger {
  readonly event: PurchaseOrderPlacedEvent;
  /** Position of the event in the input history (for error paths). */
  readonly index: number;
  readonly placedMs: number;
  /** End of day `reminderAfterDays` (S5). */
  readonly reminderMs: number;
  /** End of day `windowDays` (S2, S8). */
  readonly windowEndMs: number;
  /** Day `reminderAfterDays` as a local date: the last day of scenario 1. */
  readonly reminderDay: string;
  /** Day `windowDays` as a local date. */
  readonly lastDayToPay: string;
  /** `windowDays − reminderAfterDays`: what the reminder says is left (S5). */
  readonly daysLeftAfterReminder: number;
  paidMs: number | null;
  /** Reached the end of its window unpaid (S8); stays true after a late payment. */
  expired: boolean;
}

/** An open renewal period of one product (S3). */
export interface RenewalLedger {
  readonly event: RenewalPeriodOpenedEvent;
  readonly startMs: number;
  readonly endMs: number;
  /** Paid licenses when the period opened: these must be renewed. */
  due: number;
  renewed: number;
}

/** A user who lost access (S8 "no access" list, S3 lapsed renewal). */
export interface NoAccessEntry {
  /** The assignment node (index of its event) the user had. */
  readonly node: number;
  readonly lostMs: number;
  readonly reason: AccessLossReason;
  readonly causeId: string;
}

/** The fold's state for one product. */
export class ProductLedger {
  readonly productId: string;
  /** Paid licenses ("available", S3). */
  paid = 0;
  /** Licenses of unpaid purchase orders still within their window. */
  unpaidInWindow = 0;
  /** Licenses of unpaid purchase orders past their window (S8). */
  suspended = 0;
  /** Users with access, in assignment order. */
  readonly seats: SeatOrder;
  /** Users who lost access, by user id. */
  readonly noAccess = new Map<string, NoAccessEntry>();
  renewal: RenewalLedger | null = null;

  constructor(productId: string, nodes: AssignmentNodes) {
    this.productId = productId;
    this.seats = new SeatOrder(nodes);
  }

  /** Licenses that give access now: paid plus unpaid within their window (S2). */
  get capacity(): number {
    return this.paid + this.unpaidInWindow;
  }
}

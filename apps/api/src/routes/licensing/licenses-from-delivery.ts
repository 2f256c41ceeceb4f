import { findLicensesByIdentity, insertLicenses, updateLicense, type Executor, type LicenseRow, type NewLicense } from "@kontor/db";
import {
  checkNotRefunded,
  initialLicenseTerm,
  isSelfManaged,
  readEvaluationTime,
  renewMaintenance,
  type Catalog,
  type LicenseOrder,
  type LicenseOrderLine,
  type LicenseRefund,
  type PolicySet,
  type TermPeriod,
} from "@kontor/licensing";
import { conflict, ruleViolation } from "../../http/problem.js";
import { unwrap } from "../../http/domain-result.js";
import { RESELLER_PARTY_ID } from "./licensing-context.js";
import { unwrapLicenseResult } from "./license-views.js";

/** The fields of a stored license record (`licenses.record`) a renewal or upgrade reads and changes. */
interface StoredLicenseRecord {
  readonly userTier?: number;
  readonly term?: TermPeriod | null;
  /** L17: a refunded license is void; no renewal or upgrade line changes it. */
  readonly refund?: LicenseRefund | null;
  readonly [field: string]: unknown;
}

/** What a renewal or upgrade quote asked (its stored request); the order line does not carry it. */
interface QuotedChange {
  readonly kind?: string;
  /** Renewal: 12-month steps bought (L15). */
  readonly steps?: number;
  /** Renewal: the end of maintenance the quote was priced from (L15). */
  readonly currentEnd?: string;
  /** Upgrade: the term the quote was priced in (L19). */
  readonly term?: TermPeriod;
}

/** Everything the licenses of a delivered (or, for cloud changes, paid) order are derived from. */
export interface LicenseDelivery {
  readonly order: LicenseOrder;
  readonly organizationId: string;
  readonly catalog: Catalog;
  /** The installation's licensing policies (P1: L15 maintenance steps and caps, L16 ends), read once per delivery. */
  readonly policies: PolicySet;
  /** The plain keys delivered, by line id (self-managed lines). */
  readonly keys: ReadonlyMap<string, string>;
  /** The request of the quote the order came from, if any (`license_quotes.request`). */
  readonly quoteRequest: unknown;
  /**
   * `delivery`: the order was just delivered; `payment`: payment was recorded after delivery,
   * so the cloud renewals and upgrades that waited for it take effect now (L18).
   */
  readonly phase: "delivery" | "payment";
  /** The current instant; used when the order has no purchase instant. */
  readonly asOf: string;
}

/** The local day of an instant in the customer's zone. */
function localDay(instant: string, zone: string): string {
  return unwrap(readEvaluationTime(instant, zone)).today;
}

/**
 * L11: a co-termed order aligns every term it sets to the target end (approved in review, L10),
 * as its lines were priced (pro rata by day). A target not after the term's first day cannot be
 * honoured and is a 422 `L11_TARGET_BEFORE_START` (before, the normal term was kept silently).
 */
function coTermed(term: TermPeriod | null, order: LicenseOrder, line: LicenseOrderLine): TermPeriod | null {
  if (term === null || order.coTermTargetEnd === null) return term;
  if (order.coTermTargetEnd <= term.from) {
    throw ruleViolation([
      {
        code: "L11_TARGET_BEFORE_START",
        message: `Line ${line.lineId}: the co-term target ${order.coTermTargetEnd} is not after ${term.from}, the first day of the term`,
        path: [],
      },
    ]);
  }
  return { from: term.from, to: order.coTermTargetEnd };
}

/** L18: a cloud annual renewal or upgrade takes effect from the payment date, so it waits for payment. */
function waitsForPayment(line: LicenseOrderLine): boolean {
  return !isSelfManaged(line.edition) && line.action !== "new";
}

/** L9: the one stored license a renewal or upgrade line names by SEN (self-managed) or site URL (cloud). */
async function licenseNamedBy(executor: Executor, delivery: LicenseDelivery, line: LicenseOrderLine): Promise<LicenseRow> {
  const identity = isSelfManaged(line.edition) ? { sen: line.sen } : { siteUrl: line.siteUrl };
  const rows = await findLicensesByIdentity(executor, { organizationId: delivery.organizationId, productId: line.productId, ...identity });
  const named = isSelfManaged(line.edition) ? `SEN ${line.sen ?? "?"}` : `site ${line.siteUrl ?? "?"}`;
  const [row, second] = rows;
  if (row === undefined) {
    // Without the stored license its term is unknown; register it (POST /v1/licenses) and deliver again.
    throw ruleViolation([
      { code: "L9_LICENSE_UNKNOWN", message: `Line ${line.lineId}: no ${line.productName} license with ${named} is registered for this organization; register it first`, path: [] },
    ]);
  }
  if (second !== undefined) {
    throw ruleViolation([{ code: "L9_LICENSE_AMBIGUOUS", message: `Line ${line.lineId}: ${rows.length} ${line.productName} licenses have ${named}`, path: [] }]);
  }
  return row;
}

/** A new license of a `new` line: its first term from the purchase day (L15). */
function newLicense(delivery: LicenseDelivery, line: LicenseOrderLine, purchasedAt: string): NewLicense {
  const { order } = delivery;
  const initial = unwrap(
    initialLicenseTerm({ productId: line.productId, startsOn: localDay(purchasedAt, order.customer.zone) }, { asOf: purchasedAt, zone: order.customer.zone, catalog: delivery.catalog, policies: delivery.policies }),
  );
  return {
    id: `${order.orderId}-${line.lineId}`,
    organizationId: delivery.organizationId,
    orderId: order.orderId,
    vendorId: order.vendorId,
    productId: line.productId,
    edition: line.edition,
    // The reseller bought it from the vendor (L3), so it is the original purchaser (L13).
    originalPurchaserId: RESELLER_PARTY_ID,
    key: delivery.keys.get(line.lineId) ?? null,
    record: {
      productId: line.productId,
      productName: line.productName,
      vendorId: order.vendorId,
      edition: line.edition,
      billingModel: line.billingModel,
      userTier: line.userTier,
      quantity: line.quantity,
      sen: line.sen,
      siteUrl: line.siteUrl,
      purchasedAt: order.purchasedAt,
      paidOn: order.paidOn,
      // L11: a co-termed line stores the period it was quoted and invoiced for (first day – target).
      term: order.coTermTargetEnd !== null && line.period !== null ? line.period : coTermed(initial.term, order, line),
    },
  };
}

/**
 * The record of a license after a renewal line: L15 in 12-month steps from the previous end
 * (a lapsed license from its old end, not from the purchase day), cloud annual from the payment
 * date (L18). Steps: what the renewal quote asked, else the line's quantity (each priced as one step).
 */
function renewedRecord(delivery: LicenseDelivery, line: LicenseOrderLine, record: StoredLicenseRecord, purchasedAt: string, quoted: QuotedChange): StoredLicenseRecord {
  const { order } = delivery;
  const previousEnd = isSelfManaged(line.edition) ? (record.term?.to ?? quoted.currentEnd) : order.paidOn;
  if (previousEnd === undefined || previousEnd === null) {
    throw ruleViolation([
      { code: "L15_TERM_UNKNOWN", message: `Line ${line.lineId}: the license has no stored maintenance end to renew from; register its term first`, path: [] },
    ]);
  }
  const steps = quoted.kind === "renewal" && quoted.steps !== undefined ? quoted.steps : line.quantity;
  const renewal = unwrapLicenseResult(
    renewMaintenance({ productId: line.productId, userTier: line.userTier, currentEnd: previousEnd, steps, refund: record.refund ?? null }, { asOf: purchasedAt, zone: order.customer.zone, catalog: delivery.catalog, policies: delivery.policies }),
  );
  const term = coTermed({ from: renewal.previousEnd, to: renewal.newEnd }, order, line);
  return { ...record, userTier: line.userTier, term, previousTerm: record.term ?? null, lastChange: { orderId: order.orderId, lineId: line.lineId, action: "renewal", effectiveOn: renewal.previousEnd } };
}

/** The record of a license after an upgrade line: L19 the tier is replaced (500 → 1,000 is 1,000), the term stays. */
function upgradedRecord(delivery: LicenseDelivery, line: LicenseOrderLine, record: StoredLicenseRecord, purchasedAt: string, quoted: QuotedChange): StoredLicenseRecord {
  const { order } = delivery;
  // L17: a refunded license is void (409 L17_LICENSE_REFUNDED, the delivery rolls back).
  unwrapLicenseResult(checkNotRefunded(record.refund, `line ${line.lineId} cannot upgrade its user tier`, []));
  if (record.userTier !== undefined && line.userTier <= record.userTier) {
    throw ruleViolation([
      { code: "L19_NOT_AN_UPGRADE", message: `Line ${line.lineId}: ${line.userTier} users is not an upgrade from the license's ${record.userTier} users`, path: [] },
    ]);
  }
  // L18: cloud annual upgrades take effect from the payment date; self-managed ones on purchase.
  const effectiveOn = isSelfManaged(line.edition) ? localDay(purchasedAt, order.customer.zone) : (order.paidOn ?? localDay(purchasedAt, order.customer.zone));
  const term = coTermed(record.term ?? (quoted.kind === "upgrade" ? (quoted.term ?? null) : null), order, line);
  return { ...record, userTier: line.userTier, term, lastChange: { orderId: order.orderId, lineId: line.lineId, action: "upgrade", effectiveOn, fromTier: record.userTier ?? null } };
}

/**
 * Applies a delivered license order to the customer's licenses, inside the delivering
 * transaction (L5): each `new` line becomes a license with its first term (L15: included
 * maintenance or one annual term from the purchase day, {@link initialLicenseTerm}); a renewal
 * extends the license its SEN or site URL names (L9, L15), an upgrade replaces that license's
 * tier (L19), each keeping the license id and original purchaser and taking the newly delivered
 * key. Cloud annual renewals and upgrades take effect from the payment date (L18): without one at
 * delivery they are applied when payment is recorded (`phase: "payment"`). A co-termed order's
 * terms end on its target (L11), as its lines were priced: a new license stores its line's
 * priced `period`; a target not after a term's first day is a 422. A line naming no (or several)
 * stored licenses is a 422; a license changed meanwhile a 409, rolling the delivery back.
 */
export async function applyLicenseDelivery(executor: Executor, delivery: LicenseDelivery, now: Date): Promise<void> {
  const { order } = delivery;
  const purchasedAt = order.purchasedAt ?? delivery.asOf;
  const quoted = (delivery.quoteRequest ?? {}) as QuotedChange;
  const created: NewLicense[] = [];
  for (const line of order.lines) {
    const due = delivery.phase === "delivery" ? !waitsForPayment(line) || order.paidOn !== null : waitsForPayment(line);
    if (!due) continue;
    if (line.action === "new") {
      created.push(newLicense(delivery, line, purchasedAt));
      continue;
    }
    // Read per line: two lines of one order may change the same license.
    const row = await licenseNamedBy(executor, delivery, line);
    const record = row.record as StoredLicenseRecord;
    const next = line.action === "renewal" ? renewedRecord(delivery, line, record, purchasedAt, quoted) : upgradedRecord(delivery, line, record, purchasedAt, quoted);
    const key = delivery.keys.get(line.lineId);
    const updated = await updateLicense(executor, row.id, { record: next, ...(key === undefined ? {} : { key }) }, row.version, now);
    if (updated === undefined) throw conflict(`License ${row.id} changed meanwhile; retry`, "VERSION_CONFLICT");
  }
  await insertLicenses(executor, created, now);
}

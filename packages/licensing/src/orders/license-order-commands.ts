import { DateTime } from "luxon";
import type { z } from "zod";
import { isSelfManaged } from "../catalog/edition.js";
import { type LicensingError, licensingError } from "../errors/licensing-error.js";
import { type LicensingResult, fail, failAll, ok } from "../errors/result.js";
import { fulfilmentPolicyOn, vendorPolicyOn } from "../policies/policy-set.js";
import { businessDaysAfter } from "../time/business-days.js";
import { addDays } from "../time/day-arithmetic.js";
import { formatLocalDate } from "../time/local-date.js";
import type { CommandEnvironment } from "./command-environment.js";
import { confirmationDocument } from "./confirmation-document.js";
import { deliveryNote } from "./delivery-note.js";
import { paymentAndVerificationEvents } from "./key-visibility.js";
import type { LicenseOrder, TechnicalContactChange, VendorAccountState } from "./order.js";
import type { OrderEvent } from "./order-event.js";
import type { orderCommandSchema } from "./order-command.js";
import type { OrderTransition } from "./order-transition.js";

type Parsed = z.output<typeof orderCommandSchema>;
type CommandOf<T extends Parsed["type"]> = Extract<Parsed, { type: T }>;
type Result = LicensingResult<OrderTransition<LicenseOrder>>;

/** L3: the purchase is due right away, or on the customer's later date. */
function purchaseDue(order: LicenseOrder, env: CommandEnvironment, extra: Partial<LicenseOrder> = {}): OrderTransition<LicenseOrder> {
  const requested = order.requestedPurchaseDate;
  const dueOn = requested !== null && requested > env.time.today ? requested : env.time.today;
  return {
    order: { ...order, ...extra, status: "purchase-due", purchaseDueOn: dueOn },
    events: [{ type: "purchase-due", orderId: order.orderId, at: env.at, dueOn }],
  };
}

/** L1: confirm; the confirmation document with the customer's requirements is to be sent. */
export function confirmLicenseOrder(order: LicenseOrder, env: CommandEnvironment): Result {
  const confirmed: LicenseOrder = { ...order, status: "confirmed", confirmedAt: env.at };
  return ok({
    order: confirmed,
    events: [{ type: "confirmation-to-send", orderId: order.orderId, at: env.at, document: confirmationDocument(confirmed, env.time.today) }],
  });
}

/**
 * L3 + L10: once the confirmation is sent, the purchase is due at once (or on the requested day);
 * an order that needs manual review goes to `in-review`, expected done within the policy's
 * 1–3 business days.
 */
export function recordConfirmationSent(order: LicenseOrder, env: CommandEnvironment): Result {
  if (order.reviewReasons.length === 0) return ok(purchaseDue(order, env, { confirmationSentAt: env.at }));
  const policy = vendorPolicyOn(env.policies, order.vendorId, env.time.today);
  if (!policy.ok) return policy;
  const { min, max } = policy.value.reviewBusinessDays;
  const earliest = businessDaysAfter(env.time.today, min, policy.value.calendar);
  if (!earliest.ok) return earliest;
  const latest = businessDaysAfter(env.time.today, max, policy.value.calendar);
  if (!latest.ok) return latest;
  const expectedEarliest = earliest.value;
  const expectedLatest = latest.value;
  return ok({
    order: {
      ...order,
      status: "in-review",
      confirmationSentAt: env.at,
      review: { startedAt: env.at, expectedEarliest, expectedLatest, outcome: null },
    },
    events: [
      { type: "manual-review-started", orderId: order.orderId, at: env.at, reasons: order.reviewReasons, expectedEarliest, expectedLatest },
    ],
  });
}

/** L10: an approved review makes the purchase due; a rejected one cancels the order. */
export function completeReview(order: LicenseOrder, command: CommandOf<"complete-review">, env: CommandEnvironment): Result {
  const review = order.review === null ? null : { ...order.review, outcome: command.approved ? ("approved" as const) : ("rejected" as const) };
  if (command.approved) return ok(purchaseDue(order, env, { review }));
  const reason = command.reason ?? "Rejected in manual review";
  return ok({
    order: { ...order, review, status: "cancelled", cancellation: { cancelledAt: env.at, reason } },
    events: [{ type: "order-cancelled", orderId: order.orderId, at: env.at, reason }],
  });
}

/** Whether two e-mail addresses name the same mailbox (compared without case). */
function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * L4: registers (or replaces) the technical contact; one with a vendor account counts as
 * verified. Before the purchase the contact is only noted: the vendor learns it with the purchase.
 *
 * After the purchase (L4, L18) the contact can be replaced while it has not verified a vendor
 * account, for example a mistyped address that never verifies: the new contact's verification
 * starts afresh with the events of a contact registered at the purchase (`vendor-verification-pending`;
 * with a vendor account and payment at once `keys-visible-to-technical-contact`), preceded by
 * `technical-contact-changed`. The replaced contact's pending verification no longer counts
 * (`record-contact-verified` naming its address is refused). A contact who has verified is not
 * replaced (`L4_TECHNICAL_CONTACT_VERIFIED`): the licenses are registered to that vendor
 * account, and neither the rules (L4, L18) nor seed 001 describe a change of technical contact
 * after that. Every change is recorded in `technicalContactChanges` with who made it.
 */
export function registerTechnicalContact(
  order: LicenseOrder,
  command: CommandOf<"register-technical-contact">,
  env: CommandEnvironment,
): Result {
  const previous = order.technicalContact;
  const afterPurchase = order.purchasedAt !== null;
  if (afterPurchase && previous?.vendorAccount === "verified") {
    return fail(
      licensingError(
        "L4_TECHNICAL_CONTACT_VERIFIED",
        `The technical contact ${previous.email} has verified the vendor account the licenses are registered to; it can no longer be replaced`,
        ["technicalContact", "vendorAccount"],
        { email: previous.email },
      ),
    );
  }
  const vendorAccount: VendorAccountState = command.hasVendorAccount ? "verified" : afterPurchase ? "verification-pending" : "none";
  const change: TechnicalContactChange = {
    at: env.at,
    changedBy: env.actor,
    previousEmail: previous?.email ?? null,
    fullName: command.fullName,
    email: command.email,
    afterPurchase,
  };
  const changed: LicenseOrder = {
    ...order,
    technicalContact: { fullName: command.fullName, email: command.email, vendorAccount },
    technicalContactChanges: [...order.technicalContactChanges, change],
  };
  if (!afterPurchase) return ok({ order: changed, events: [] });
  const events: OrderEvent[] = [
    { type: "technical-contact-changed", orderId: order.orderId, at: env.at, previousEmail: change.previousEmail, email: command.email, changedBy: env.actor },
  ];
  if (vendorAccount === "verification-pending") {
    events.push({ type: "vendor-verification-pending", orderId: order.orderId, at: env.at, email: command.email });
  }
  return ok({ order: changed, events: [...events, ...paymentAndVerificationEvents(order, changed, env.at)] });
}

/**
 * L3–L5, L18: purchases the licenses. Refused before the due day (`L3_PURCHASE_NOT_DUE`) and
 * without a technical contact (`L4_TECHNICAL_CONTACT_MISSING`). A contact without vendor account
 * gets the vendor's verification e-mail; the invoice is due within the policy's 1 day; with
 * `paidOn` the payment is recorded at once.
 */
export function purchaseLicenses(order: LicenseOrder, command: CommandOf<"purchase">, env: CommandEnvironment): Result {
  const errors: LicensingError[] = [];
  if (order.purchaseDueOn !== null && env.time.today < order.purchaseDueOn) {
    errors.push(
      licensingError("L3_PURCHASE_NOT_DUE", `The purchase is due on ${order.purchaseDueOn}, not ${env.time.today}`, ["asOf"], {
        dueOn: order.purchaseDueOn,
      }),
    );
  }
  if (order.technicalContact === null) {
    errors.push(
      licensingError("L4_TECHNICAL_CONTACT_MISSING", "Purchasing needs a technical contact (name, e-mail) registered with the vendor", [
        "technicalContact",
      ]),
    );
  }
  const fulfilment = fulfilmentPolicyOn(env.policies, env.time.today);
  if (!fulfilment.ok) errors.push(...fulfilment.errors);
  if (!fulfilment.ok || order.technicalContact === null || errors.length > 0) return failAll(errors);

  const contact = order.technicalContact;
  const pending = contact.vendorAccount === "none";
  const purchased: LicenseOrder = {
    ...order,
    status: "purchased",
    purchasedAt: env.at,
    vendorOrderRef: command.vendorOrderRef ?? null,
    paidOn: command.paidOn ?? null,
    technicalContact: pending ? { ...contact, vendorAccount: "verification-pending" } : contact,
  };
  return ok({
    order: purchased,
    events: [
      ...(pending ? [{ type: "vendor-verification-pending" as const, orderId: order.orderId, at: env.at, email: contact.email }] : []),
      ...paymentAndVerificationEvents(order, purchased, env.at),
      {
        type: "invoice-due",
        orderId: order.orderId,
        at: env.at,
        dueBy: addDays(env.time.today, fulfilment.value.invoiceWithinDays),
        total: order.total,
      },
    ],
  });
}

/** L18: records the vendor's receipt of payment; keys and cloud changes follow from it. */
export function recordVendorPayment(order: LicenseOrder, command: CommandOf<"record-vendor-payment">, env: CommandEnvironment): Result {
  if (order.paidOn !== null) {
    return fail(licensingError("ORDER_ALREADY_PAID", `Order ${order.orderId} was paid on ${order.paidOn}`, ["paidOn"], { paidOn: order.paidOn }));
  }
  const paid: LicenseOrder = { ...order, paidOn: command.paidOn };
  return ok({ order: paid, events: paymentAndVerificationEvents(order, paid, env.at) });
}

/**
 * L4: the technical contact verified the vendor account; keys become visible once paid. A
 * verification naming another address than the current contact's (a replaced contact's, L4) is
 * refused with `L4_VERIFICATION_NOT_FOR_TECHNICAL_CONTACT` and changes nothing.
 */
export function recordContactVerified(order: LicenseOrder, command: CommandOf<"record-contact-verified">, env: CommandEnvironment): Result {
  const contact = order.technicalContact;
  if (command.email !== undefined && contact !== null && !sameAddress(command.email, contact.email)) {
    const email = command.email;
    const replaced = order.technicalContactChanges.findLast((change) => change.previousEmail !== null && sameAddress(change.previousEmail, email));
    return fail(
      licensingError(
        "L4_VERIFICATION_NOT_FOR_TECHNICAL_CONTACT",
        (replaced === undefined
          ? `${email} is not the technical contact of order ${order.orderId} (${contact.email})`
          : `${email} was replaced as technical contact of order ${order.orderId} by ${replaced.email} at ${replaced.at}`) +
          "; its verification does not count",
        ["email"],
        { email, technicalContactEmail: contact.email },
      ),
    );
  }
  if (order.technicalContact?.vendorAccount !== "verification-pending") {
    return fail(
      licensingError("L4_VERIFICATION_NOT_PENDING", "No vendor account verification is pending for the technical contact", [
        "technicalContact",
        "vendorAccount",
      ]),
    );
  }
  const verified: LicenseOrder = { ...order, technicalContact: { ...order.technicalContact, vendorAccount: "verified" } };
  return ok({ order: verified, events: paymentAndVerificationEvents(order, verified, env.at) });
}

/**
 * L5: delivers the licenses. Each self-managed line needs its key (`L5_LICENSE_KEY_MISSING`);
 * cloud lines have none (`L5_CLOUD_LICENSE_HAS_NO_KEY`); the delivery note is to be sent with
 * the invoice.
 */
export function deliverLicenses(order: LicenseOrder, command: CommandOf<"deliver">, env: CommandEnvironment): Result {
  const errors: LicensingError[] = [];
  command.keys.forEach((key, i) => {
    const line = order.lines.find((candidate) => candidate.lineId === key.lineId);
    if (line === undefined) {
      errors.push(licensingError("ORDER_UNKNOWN_LINE", `Order ${order.orderId} has no line ${key.lineId}`, ["keys", i, "lineId"]));
    } else if (!isSelfManaged(line.edition)) {
      errors.push(licensingError("L5_CLOUD_LICENSE_HAS_NO_KEY", `Line ${key.lineId} is a cloud license and has no key`, ["keys", i, "key"]));
    }
  });
  order.lines.forEach((line, i) => {
    if (isSelfManaged(line.edition) && !command.keys.some((key) => key.lineId === line.lineId)) {
      errors.push(licensingError("L5_LICENSE_KEY_MISSING", `Line ${line.lineId} (${line.productName}) needs its license key`, ["keys"], { lineIndex: i, lineId: line.lineId }));
    }
  });
  if (errors.length > 0) return failAll(errors);
  const delivered: LicenseOrder = { ...order, status: "delivered", keys: command.keys, deliveredAt: env.at };
  const purchasedOn = formatLocalDate(DateTime.fromISO(order.purchasedAt ?? env.at, { zone: "utc" }), env.time.zone);
  return ok({
    order: delivered,
    events: [{ type: "delivery-note-to-send", orderId: order.orderId, at: env.at, document: deliveryNote(delivered, env.time.today, purchasedOn) }],
  });
}

/** L5: the invoice for the purchased licenses was issued. */
export function invoiceLicenses(order: LicenseOrder, command: CommandOf<"invoice">, env: CommandEnvironment): Result {
  return ok({
    order: { ...order, status: "invoiced", invoiceNumber: command.invoiceNumber, invoicedAt: env.at },
    events: [{ type: "order-invoiced", orderId: order.orderId, at: env.at, invoiceNumber: command.invoiceNumber, total: order.total }],
  });
}

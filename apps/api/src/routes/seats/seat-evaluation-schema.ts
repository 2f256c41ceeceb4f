import { seatEventSchema } from "@kontor/seats";
import { z } from "zod";

const instant = z.string().describe("ISO 8601 instant, UTC");
const localDate = z.string().describe("Local date YYYY-MM-DD in the organization's zone");

const seatUser = {
  userId: z.string(),
  email: z.string().optional(),
  displayName: z.string().optional(),
  assignedAt: instant,
};

/** Response schema of `@kontor/seats`' `ProductSeats` (S3). */
export const productSeatsSchema = z.object({
  productId: z.string(),
  used: z.int().describe("Users with access (the 50 in 50/45)"),
  available: z.int().describe("Paid licenses (the 45 in 50/45)"),
  deficit: z.int().describe("S6: max(0, used − available)"),
  mustBePaid: z.int().describe("S3: licenses of unpaid purchase orders"),
  unpaidInWindow: z.int(),
  suspended: z.int(),
  mustBeRenewed: z.int().nullable(),
  noAccess: z.int(),
  mustBePaidUsers: z.array(z.object({ ...seatUser, losesAccessAt: instant })),
  noAccessUsers: z.array(z.object({ ...seatUser, lostAccessAt: instant, reason: z.enum(["unpaid", "not-renewed"]), causeId: z.string() })),
});

/** Response schema of `@kontor/seats`' `PurchaseOrderStatus` (S2). */
export const purchaseOrderStatusSchema = z.object({
  poId: z.string(),
  placedAt: instant,
  reminderAt: instant,
  reminderDay: localDate,
  windowEndsAt: instant,
  lastDayToPay: localDate,
  lines: z.array(z.object({ productId: z.string(), quantity: z.int() })),
  state: z.enum(["scenario-1", "scenario-2", "suspended", "paid"]),
  paidAt: instant.nullable(),
});

/** Response schema of `@kontor/seats`' `SeatNotice` (S4, S5, S8). */
export const seatNoticeSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("payment-required"),
    scenario: z.union([z.literal(1), z.literal(2)]),
    poId: z.string(),
    productId: z.string(),
    unpaidLicenses: z.int(),
    mustBePaidUsers: z.int(),
    shownUntil: instant,
    lastDayShown: localDate,
    lastDayToPay: localDate,
    windowEndsAt: instant,
  }),
  z.object({
    kind: z.literal("licenses-suspended"),
    scenario: z.literal(3),
    poId: z.string(),
    productId: z.string(),
    suspendedLicenses: z.int(),
    usersWithoutAccess: z.int(),
    suspendedAt: instant,
    lastDayToPay: localDate,
  }),
  z.object({ kind: z.literal("settlement-done"), settledAt: instant, purchaseOrders: z.int() }),
]);

/** Response schema of `@kontor/seats`' `SeatMail`: the common fields; each kind adds its own. */
export const seatMailSchema = z.looseObject({
  id: z.string().describe("Deterministic id (S10); the outbox dedupe key ends with it"),
  kind: z.enum(["access-granted", "payment-reminder", "licenses-suspended", "access-withdrawn", "access-restored"]),
  dueAt: instant,
  to: z.looseObject({ role: z.enum(["admin", "user"]) }),
});

/** Response schema of `@kontor/seats`' `SeatEvaluation`: everything of S3–S9 at `asOf`. */
export const seatEvaluationSchema = z
  .object({
    asOf: instant,
    zone: z.string(),
    products: z.array(productSeatsSchema),
    purchaseOrders: z.array(purchaseOrderStatusSchema),
    notices: z.array(seatNoticeSchema),
    flags: z.object({ paymentOutstanding: z.boolean(), purchaseOrdersBlocked: z.boolean() }),
    mails: z.array(seatMailSchema),
  })
  .meta({ id: "SeatEvaluation" });

/** A stored seat event with its place in the history. */
export const storedSeatEventSchema = z.object({
  sequence: z.int().min(1),
  event: seatEventSchema,
});

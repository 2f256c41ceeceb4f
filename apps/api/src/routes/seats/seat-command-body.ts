import {
  assignUser,
  buyLicenses,
  identifierSchema,
  licenseQuantityInputSchema,
  openRenewalPeriod,
  openRenewalPeriodInputSchema,
  payPurchaseOrder,
  payPurchaseOrderInputSchema,
  placePurchaseOrder,
  placePurchaseOrderInputSchema,
  renewLicenses,
  unassignUser,
  unassignUserInputSchema,
  assignUserInputSchema,
  type SeatCommandOptions,
  type SeatCommandOutcome,
  type SeatHistory,
  type SeatResult,
} from "@kontor/seats";
import { z } from "zod";

// The event id is optional on the wire: the API picks one when the caller does not care.
const optionalId = { id: identifierSchema.optional().describe("Id of the appended event, unique in the organization's history; generated when omitted") };

/**
 * Body of `POST /v1/organizations/:id/seat-events`: one `@kontor/seats` command input, chosen by
 * `command` (S1–S9).
 */
export const seatCommandBodySchema = z
  .discriminatedUnion("command", [
    placePurchaseOrderInputSchema.extend({ command: z.literal("place-purchase-order"), ...optionalId }),
    payPurchaseOrderInputSchema.extend({ command: z.literal("pay-purchase-order"), ...optionalId }),
    assignUserInputSchema.extend({ command: z.literal("assign-user"), ...optionalId }),
    unassignUserInputSchema.extend({ command: z.literal("unassign-user"), ...optionalId }),
    licenseQuantityInputSchema.extend({ command: z.literal("buy-licenses"), ...optionalId }),
    openRenewalPeriodInputSchema.extend({ command: z.literal("open-renewal-period"), ...optionalId }),
    licenseQuantityInputSchema.extend({ command: z.literal("renew-licenses"), ...optionalId }),
  ])
  .meta({ id: "SeatCommand", description: "A seat command of @kontor/seats, discriminated by `command`" });

/** A parsed {@link seatCommandBodySchema}. */
export type SeatCommandBody = z.output<typeof seatCommandBodySchema>;

/**
 * Runs the package's command for `body` (the package validates and decides every rule; this only
 * dispatches). `id` is the event id to use.
 */
export function runSeatCommand(history: SeatHistory, body: SeatCommandBody, id: string, asOf: string, options: SeatCommandOptions): SeatResult<SeatCommandOutcome> {
  switch (body.command) {
    case "place-purchase-order":
      return placePurchaseOrder(history, { id, poId: body.poId, lines: body.lines }, asOf, options);
    case "pay-purchase-order":
      return payPurchaseOrder(history, { id, poId: body.poId }, asOf, options);
    case "assign-user":
      return assignUser(
        history,
        { id, productId: body.productId, userId: body.userId, ...(body.email === undefined ? {} : { email: body.email }), ...(body.displayName === undefined ? {} : { displayName: body.displayName }) },
        asOf,
        options,
      );
    case "unassign-user":
      return unassignUser(history, { id, productId: body.productId, userId: body.userId }, asOf, options);
    case "buy-licenses":
      return buyLicenses(history, { id, productId: body.productId, quantity: body.quantity }, asOf, options);
    case "open-renewal-period":
      return openRenewalPeriod(history, { id, productId: body.productId, endsAt: body.endsAt }, asOf, options);
    case "renew-licenses":
      return renewLicenses(history, { id, productId: body.productId, quantity: body.quantity }, asOf, options);
  }
}

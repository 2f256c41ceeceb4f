import { orderDocument } from "@kontor/api";
import { MUELLER } from "@kontor/api/testing";
import { insertLicenseOrder, type DatabaseHandle } from "@kontor/db";
import { applyOrderCommands, receiveOrder, type LicenseOrderLineInput, type Order } from "@kontor/licensing";
import { ATLASSIAN_TEST_CATALOG, TEST_TECHNICAL_CONTACT } from "./atlassian-test-catalog.js";

/** What {@link storeDueLicenseOrder} varies. */
export interface DueLicenseOrderOptions {
  /** Name the technical contact the keys go to (L3); default true. */
  readonly technicalContact?: boolean;
  /** The customer's confirmation requirements (L1: another addressee, their PO number). */
  readonly confirmationRequirements?: { readonly addressee?: string; readonly customerPoNumber?: string };
}

/**
 * Stores Müller GmbH's license order with `line`, received and confirmed on 2026-06-01 with the
 * purchase requested for 2026-06-15 (L3): status `purchase-due`, from the Atlassian test catalog
 * (tests).
 */
export async function storeDueLicenseOrder(database: DatabaseHandle, orderId: string, line: LicenseOrderLineInput, options: DueLicenseOrderOptions = {}): Promise<Order> {
  const asOf = "2026-06-01T09:00:00+02:00";
  const received = receiveOrder(
    {
      kind: "license",
      orderId,
      customer: { id: MUELLER.id, name: MUELLER.name, zone: MUELLER.zone },
      lines: [line],
      requestedPurchaseDate: "2026-06-15",
      ...(options.technicalContact === false ? {} : { technicalContact: TEST_TECHNICAL_CONTACT }),
      ...(options.confirmationRequirements === undefined ? {} : { confirmationRequirements: options.confirmationRequirements }),
    },
    { asOf, catalog: ATLASSIAN_TEST_CATALOG },
  );
  if (!received.ok) throw new Error(received.errors.map((error) => error.code).join(", "));
  const confirmed = applyOrderCommands(received.value.order, [
    { command: { type: "confirm" }, context: { asOf } },
    { command: { type: "record-confirmation-sent" }, context: { asOf } },
  ]);
  if (!confirmed.ok) throw new Error(confirmed.errors.map((error) => error.code).join(", "));
  const order = confirmed.value.order;
  if (order.status !== "purchase-due") throw new Error(`order ${orderId} is ${order.status}, not purchase-due`);
  await insertLicenseOrder(database.db, { id: orderId, organizationId: MUELLER.id, quoteId: null, kind: "license", status: order.status, record: orderDocument(order) }, new Date(asOf));
  return order;
}

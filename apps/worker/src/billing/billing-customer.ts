import type { BuyerInput } from "@kontor/invoicing";
import type { Organization } from "@kontor/ticketing";

/**
 * The address that receives a customer's service reports and invoices (O1: the organization's
 * service-report recipient; the record names no separate invoice address).
 */
export function billingRecipientOf(organization: Organization): string {
  return organization.serviceReportRecipient;
}

/**
 * The customer as buyer on invoices and addressee of documents: the organization's name,
 * customer number and company address, its billing mail address as electronic address (BT-49,
 * XRechnung requires one), and its VAT ID (BT-48), which a reverse-charge invoice must show (T3).
 * License orders and rentals name no branch and are billed here, taxed by the company address
 * (T3). A contract month is billed to its `billingPartyOf` (billing-party.ts) instead (O1: the branch the
 * contract serves may be billed separately, at its own address).
 */
export function buyerOf(organization: Organization): BuyerInput {
  return {
    name: organization.name,
    id: organization.id,
    address: {
      lines: [organization.address.street],
      postcode: organization.address.postalCode,
      city: organization.address.city,
      countryCode: organization.address.country,
    },
    electronicAddress: { scheme: "EM", value: billingRecipientOf(organization) },
    ...(organization.vatId === undefined ? {} : { vatId: organization.vatId }),
  };
}

import { lineVatFromTaxDetermination, unwrap, type LineVat } from "@kontor/invoicing";
import { determineTax, type TermsPolicySet } from "@kontor/terms";
import type { Organization } from "@kontor/ticketing";
import type { BillingSettings } from "./billing-settings.js";

/**
 * T3: the VAT of services billed to a customer, from its billing address (the organization's
 * address) on `taxPoint` (an ISO date in `zone`, the supply's tax point). A German customer
 * pays 19 %; an EU business customer elsewhere with its VAT ID on record gets reverse charge
 * (0 %, the note and both VAT IDs); one without a VAT ID is refused (T3_VAT_ID_REQUIRED) rather
 * than billed at a rate that may be wrong. Determined under the installation's terms policies
 * (`policies`: P1, its tax rules and VAT rate tables), as the tax quote is.
 */
export function customerServiceVat(organization: Organization, settings: BillingSettings, taxPoint: string, zone: string, policies: TermsPolicySet): LineVat {
  const determination = determineTax(
    {
      asOf: taxPoint,
      zone,
      seller: { country: settings.seller.address.countryCode, ...(settings.seller.vatId === undefined ? {} : { vatId: settings.seller.vatId }) },
      buyer: { status: "business", ...(organization.vatId === undefined ? {} : { vatId: organization.vatId }) },
      contacts: { billing: { address: { country: organization.address.country } } },
      supply: "service",
    },
    { taxPolicies: policies.tax, vatRateTables: policies.vatRateTables, usSalesTaxTables: policies.usSalesTaxTables },
  );
  if (!determination.ok) {
    throw new Error(`No tax for ${organization.id}: ${determination.errors.map((error) => `${error.code} ${error.message}`).join("; ")}`);
  }
  return unwrap(lineVatFromTaxDetermination(determination.value));
}

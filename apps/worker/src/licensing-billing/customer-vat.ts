import { lineVatFromTaxDetermination, unwrap, type LineVat, type SellerInput } from "@kontor/invoicing";
import { determineTax, type TermsPolicySet } from "@kontor/terms";
import type { Organization } from "@kontor/ticketing";

/**
 * T3: the VAT of software licenses and subscriptions sold to a customer, from its billing
 * address (the organization's address; the record names no separate one) on the tax point.
 * Licenses and cloud rentals are electronic services; a German business customer pays 19 %.
 * An EU business customer elsewhere gets reverse charge with the VAT ID on its record; without
 * one it is refused here (T3_VAT_ID_REQUIRED) rather than silently billed at 0 % (T4).
 * Determined under the installation's terms policies (`policies`: P1, its tax rules and VAT
 * rate tables), as the tax quote is.
 */
export function customerVat(organization: Organization, seller: SellerInput, taxPoint: string, zone: string, policies: TermsPolicySet): LineVat {
  const determination = determineTax(
    {
      asOf: taxPoint,
      zone,
      seller: { country: seller.address.countryCode, ...(seller.vatId === undefined ? {} : { vatId: seller.vatId }) },
      buyer: { status: "business", ...(organization.vatId === undefined ? {} : { vatId: organization.vatId }) },
      contacts: { billing: { address: { country: organization.address.country } } },
      supply: "electronic-service",
    },
    { taxPolicies: policies.tax, vatRateTables: policies.vatRateTables, usSalesTaxTables: policies.usSalesTaxTables },
  );
  if (!determination.ok) {
    throw new Error(`No tax for ${organization.id}: ${determination.errors.map((error) => `${error.code} ${error.message}`).join("; ")}`);
  }
  return unwrap(lineVatFromTaxDetermination(determination.value));
}

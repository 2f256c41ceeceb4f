import { lineVatFromTaxDetermination, unwrap, type LineVat } from "@kontor/invoicing";
import { determineTax, type TermsPolicySet } from "@kontor/terms";
import type { BillingParty } from "./billing-party.js";
import type { BillingSettings } from "./billing-settings.js";

/**
 * T3: the VAT of services billed to a customer, from its billing address on `taxPoint` (an ISO
 * date in `zone`, the supply's tax point). The billing address is the {@link BillingParty}'s
 * (O1: a branch billed separately is taxed by the branch's country, otherwise the company's);
 * the VAT ID is always the organization's. A German billing address pays 19 %; an EU business
 * customer elsewhere with its VAT ID on record gets reverse charge (0 %, the note and both VAT
 * IDs); one without a VAT ID is refused (T3_VAT_ID_REQUIRED), and so is a VAT ID of another
 * country than the billing address's (T4_VAT_ID_COUNTRY_MISMATCH), rather than billed at a rate
 * that may be wrong; the error names the party ({@link BillingParty.label}). Determined under the
 * installation's terms policies (`policies`: P1, its tax rules and VAT rate tables), as the tax
 * quote is.
 */
export function customerServiceVat(party: BillingParty, settings: BillingSettings, taxPoint: string, zone: string, policies: TermsPolicySet): LineVat {
  const { vatId } = party.buyer;
  const determination = determineTax(
    {
      asOf: taxPoint,
      zone,
      seller: { country: settings.seller.address.countryCode, ...(settings.seller.vatId === undefined ? {} : { vatId: settings.seller.vatId }) },
      buyer: { status: "business", ...(vatId === undefined ? {} : { vatId }) },
      contacts: { billing: { address: { country: party.taxCountry } } },
      supply: "service",
    },
    { taxPolicies: policies.tax, vatRateTables: policies.vatRateTables, usSalesTaxTables: policies.usSalesTaxTables },
  );
  if (!determination.ok) {
    throw new Error(`No tax for ${party.label} (billing address in ${party.taxCountry}): ${determination.errors.map((error) => `${error.code} ${error.message}`).join("; ")}`);
  }
  return unwrap(lineVatFromTaxDetermination(determination.value));
}

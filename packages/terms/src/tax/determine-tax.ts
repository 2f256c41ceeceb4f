import type { IsoDate } from "@kontor/calendar";
import { zoneSchema } from "@kontor/calendar";
import { z } from "zod";
import { dateInputSchema, localDate } from "../dates/date-input.js";
import { fail, ok, type Result } from "../errors/terms-error.js";
import { buyerRoleSchema } from "../payment/payment-method.js";
import type { Decision } from "../policy/decision.js";
import { inForce, policyInForce } from "../policy/policy-history.js";
import { refOf, type PolicyRef } from "../policy/policy-ref.js";
import { DEFAULT_TAX_POLICIES } from "../policies/tax-policies.js";
import { DEFAULT_VAT_RATE_TABLES } from "../policies/eu-vat-rates.js";
import { validateVatId, type VatId } from "../vat-id/validate-vat-id.js";
import { countryCodeSchema, isEuMemberState, type EuMemberState } from "./eu-member-states.js";
import type { TaxAddressRole, TaxPolicy } from "./tax-policy.js";
import { findUsJurisdiction, type UsSalesTaxTable } from "./us-sales-tax.js";
import type { VatCategoryCode } from "./vat-category.js";
import { ratePercentSchema, type VatRateTable } from "./vat-rate-table.js";
import { vatRateOf, type RateChoice } from "./vat-rate-lookup.js";

/** The part of an address tax depends on. */
export const taxAddressSchema = z.object({
  country: countryCodeSchema,
  /** State or province; for the US the USPS code (`"CA"`). */
  region: z.string().min(1).optional(),
  /** City or ZIP code, matched against US sales-tax localities. */
  locality: z.string().min(1).optional(),
});

/** See {@link taxAddressSchema}. */
export type TaxAddress = z.infer<typeof taxAddressSchema>;

/** What is supplied: electronic services (software, cloud; the default), other services, goods. */
export const supplyKindSchema = z.enum(["electronic-service", "service", "goods"]);

/** See {@link supplyKindSchema}. */
export type SupplyKind = z.infer<typeof supplyKindSchema>;

/** Input of {@link determineTax}. */
export const taxInputSchema = z.object({
  /** Tax point (day of supply); picks the policies and rates in force (P1). */
  asOf: dateInputSchema,
  zone: zoneSchema.optional(),
  seller: z.object({ country: countryCodeSchema, vatId: z.string().optional() }),
  buyer: z.object({
    status: z.enum(["business", "consumer"]),
    role: buyerRoleSchema.optional(),
    vatId: z.string().optional(),
  }),
  contacts: z.object({
    billing: z.object({ address: taxAddressSchema }),
    technical: z.object({ address: taxAddressSchema }).optional(),
  }),
  supply: supplyKindSchema.optional(),
  /** Standard (default) or reduced rate. */
  rate: z.enum(["standard", "reduced"]).optional(),
  /** Which reduced rate, when the country has several. */
  reducedRatePercent: ratePercentSchema.optional(),
  /**
   * Whether the seller's cross-border sales to EU consumers exceed the OSS threshold (10,000 EUR
   * in the current or previous year). Needed only for EU consumers in another member state.
   */
  ossThresholdExceeded: z.boolean().optional(),
});

/** See {@link taxInputSchema}. */
export type TaxInput = z.output<typeof taxInputSchema>;

/** How the supply is taxed. */
export type TaxTreatment =
  | "domestic"
  | "reverse-charge"
  | "intra-community-supply"
  | "destination-rate"
  | "seller-rate"
  | "export"
  | "not-taxable"
  | "us-sales-tax";

/** The T3 tax decision for one supply. */
export interface TaxDetermination extends Decision {
  readonly rule: "T3";
  readonly treatment: TaxTreatment;
  /** EN 16931 VAT category (sales tax is reported as `S` with its rate). */
  readonly category: VatCategoryCode;
  /** Rate in percent (`"0"` for every category but `S`). */
  readonly ratePercent: string;
  /** `VAT`, or `US_SALES_TAX` for US sales tax. */
  readonly taxScheme: "VAT" | "US_SALES_TAX";
  /** Whose tax applies: a member state, `US-CA` / `US-CA-San Francisco`, or absent when none. */
  readonly jurisdiction?: string;
  /** Text the invoice must carry (reverse charge, exemption). */
  readonly note?: string;
  /** The validated IDs an invoice must show (both for reverse charge). */
  readonly sellerVatId?: VatId;
  readonly buyerVatId?: VatId;
  /** Which contact's address decided, and that address. */
  readonly addressRole: TaxAddressRole;
  readonly address: TaxAddress;
}

/** Options of {@link determineTax}: the policy histories. */
export interface TaxOptions {
  /** Tax policies; default {@link DEFAULT_TAX_POLICIES}. */
  readonly taxPolicies?: readonly TaxPolicy[];
  /** EU VAT rate tables; default {@link DEFAULT_VAT_RATE_TABLES}. */
  readonly vatRateTables?: readonly VatRateTable[];
  /** US sales-tax tables of the jurisdictions where the seller collects; none by default. */
  readonly usSalesTaxTables?: readonly UsSalesTaxTable[];
}

interface Context {
  readonly input: TaxInput;
  readonly day: IsoDate;
  readonly policy: TaxPolicy;
  readonly tables: readonly VatRateTable[];
  readonly address: TaxAddress;
  readonly base: { readonly rule: "T3"; readonly addressRole: TaxAddressRole; readonly address: TaxAddress };
}

function vatAt(context: Context, country: EuMemberState): Result<{ ratePercent: string; policy: PolicyRef }> {
  const { input } = context;
  const choice: RateChoice =
    input.rate === "reduced"
      ? { kind: "reduced", ...(input.reducedRatePercent === undefined ? {} : { reducedRatePercent: input.reducedRatePercent }) }
      : { kind: "standard" };
  return vatRateOf(context.tables, country, context.day, choice);
}

function charged(context: Context, treatment: "domestic" | "destination-rate" | "seller-rate", country: EuMemberState, why: string): Result<TaxDetermination> {
  const rate = vatAt(context, country);
  if (!rate.ok) return rate;
  return ok({
    ...context.base,
    treatment,
    category: "S",
    ratePercent: rate.value.ratePercent,
    taxScheme: "VAT",
    jurisdiction: country,
    reason: `T3: ${why}: ${country} VAT ${rate.value.ratePercent} %`,
    policies: [refOf(context.policy), rate.value.policy],
  });
}

function zeroRated(
  context: Context,
  treatment: "reverse-charge" | "intra-community-supply" | "export" | "not-taxable",
  category: VatCategoryCode,
  note: string,
  why: string,
  ids: { sellerVatId?: VatId; buyerVatId?: VatId } = {},
): Result<TaxDetermination> {
  return ok({
    ...context.base,
    ...ids,
    treatment,
    category,
    ratePercent: "0",
    taxScheme: "VAT",
    note,
    reason: `T3: ${why}; invoice note "${note}"`,
    policies: [refOf(context.policy)],
  });
}

/** T4: a VAT ID is validated before it is used; an invalid one is an error, never 0 %. */
function euBusiness(context: Context, buyerCountry: EuMemberState, sellerInEu: boolean): Result<TaxDetermination> {
  const { input } = context;
  if (input.buyer.vatId === undefined) {
    return fail(
      "T3_VAT_ID_REQUIRED",
      `A business buyer in ${buyerCountry} needs a VAT ID for reverse charge; without one, treat the buyer as a consumer`,
      ["buyer", "vatId"],
    );
  }
  const buyerVatId = validateVatId(input.buyer.vatId, ["buyer", "vatId"]);
  if (!buyerVatId.ok) return buyerVatId;
  if (buyerVatId.value.country !== buyerCountry) {
    return fail(
      "T4_VAT_ID_COUNTRY_MISMATCH",
      `The buyer's VAT ID ${buyerVatId.value.value} is not from ${buyerCountry}, where the ${context.base.addressRole} is`,
      ["buyer", "vatId"],
    );
  }
  let sellerVatId: VatId | undefined;
  if (sellerInEu) {
    if (input.seller.vatId === undefined) {
      return fail("T3_SELLER_VAT_ID_REQUIRED", "Reverse charge needs the seller's VAT ID on the invoice", ["seller", "vatId"]);
    }
    const validated = validateVatId(input.seller.vatId, ["seller", "vatId"]);
    if (!validated.ok) return validated;
    sellerVatId = validated.value;
  }
  const ids = { buyerVatId: buyerVatId.value, ...(sellerVatId === undefined ? {} : { sellerVatId }) };
  if (input.supply === "goods" && sellerInEu) {
    return zeroRated(context, "intra-community-supply", "K", context.policy.notes.intraCommunitySupply, `intra-community supply of goods to a business in ${buyerCountry} with VAT ID ${buyerVatId.value.value}`, ids);
  }
  return zeroRated(
    context,
    "reverse-charge",
    "AE",
    context.policy.notes.reverseCharge,
    `business in ${buyerCountry} with VAT ID ${buyerVatId.value.value}${sellerVatId === undefined ? "" : ` (seller ${sellerVatId.value})`}: reverse charge, 0 %`,
    ids,
  );
}

function euConsumer(context: Context, buyerCountry: EuMemberState, sellerCountry: string): Result<TaxDetermination> {
  const { input } = context;
  if (!isEuMemberState(sellerCountry)) {
    if (input.supply === "service") return outside(context, `general service by a seller outside the EU to a consumer in ${buyerCountry}`);
    return charged(context, "destination-rate", buyerCountry, `consumer in ${buyerCountry}, seller outside the EU (non-Union OSS)`);
  }
  if (input.supply === "service") {
    return charged(context, "seller-rate", sellerCountry, `general service to a consumer in ${buyerCountry} is taxed where the seller is (§3a (1) UStG)`);
  }
  if (input.ossThresholdExceeded === undefined) {
    return fail("T3_OSS_STATUS_REQUIRED", `A sale to a consumer in ${buyerCountry} needs ossThresholdExceeded (10,000 EUR EU threshold)`, [
      "ossThresholdExceeded",
    ]);
  }
  return input.ossThresholdExceeded
    ? charged(context, "destination-rate", buyerCountry, `consumer in ${buyerCountry} above the OSS threshold: destination-country rate`)
    : charged(context, "seller-rate", sellerCountry, `consumer in ${buyerCountry} below the OSS threshold: seller-country rate`);
}

function outside(context: Context, why: string): Result<TaxDetermination> {
  const { notes } = context.policy;
  if (context.input.supply === "goods" && isEuMemberState(context.input.seller.country)) {
    return zeroRated(context, "export", "G", notes.export, `${why}: export outside the EU, 0 %`);
  }
  return zeroRated(context, "not-taxable", "O", notes.notTaxable, `${why}: not taxable in ${context.input.seller.country}`);
}

function usSalesTax(context: Context, options: TaxOptions): Result<TaxDetermination> | undefined {
  const table = inForce(options.usSalesTaxTables ?? [], context.day);
  if (table === undefined) {
    return context.input.seller.country === "US"
      ? fail("T3_US_SALES_TAX_TABLE_REQUIRED", `A US sale needs a US sales-tax table in force on ${context.day}`, ["usSalesTaxTables"])
      : undefined;
  }
  const { locality } = context.address;
  // Accept the USPS code ("CA") and the ISO 3166-2 form ("US-CA").
  const region = context.address.region?.replace(/^US-/, "");
  const jurisdiction = region === undefined ? undefined : findUsJurisdiction(table, region, locality);
  if (jurisdiction === undefined) {
    return fail(
      "T3_US_JURISDICTION_UNKNOWN",
      `The US sales-tax table ${table.version} has no rate for ${region ?? "(no state given)"}; add the state (rate "0" where nothing is collected)`,
      ["contacts", context.base.addressRole === "billing-contact" ? "billing" : "technical", "address", "region"],
    );
  }
  const name = jurisdiction.locality === undefined ? `US-${jurisdiction.state}` : `US-${jurisdiction.state}-${jurisdiction.locality}`;
  const role = context.input.buyer.role === "reseller" ? "reseller" : "buyer";
  return ok({
    ...context.base,
    treatment: "us-sales-tax",
    category: "S",
    ratePercent: jurisdiction.ratePercent,
    taxScheme: "US_SALES_TAX",
    jurisdiction: name,
    reason: `T3: ${role} in ${name}: sales tax ${jurisdiction.ratePercent} % from table ${table.version}`,
    policies: [refOf(context.policy), refOf(table)],
  });
}

/**
 * Determines how a supply is taxed (RULES.md T3, T4) from the address of the contact the tax
 * policy names (the billing contact by default), the seller's country and the buyer's status:
 *
 * - seller and buyer in the same member state: domestic VAT (DE 19 %, reduced 7 %);
 * - business in another member state: its VAT ID is validated (T4; an invalid ID is an error,
 *   never a silent 0 %), then reverse charge (`AE`, 0 %) with the note "Steuerschuldnerschaft
 *   des Leistungsempfängers" and both VAT IDs — or an intra-community supply (`K`) for goods;
 * - consumer in another member state: the destination-country rate above the OSS threshold, the
 *   seller's rate below it (and always for general services, §3a (1) UStG);
 * - US buyer with a US sales-tax table supplied: the jurisdiction's rate; resellers pay it too;
 * - any other buyer outside the EU: not taxable in the seller's country (`O`), or a tax-free
 *   export (`G`) for goods.
 *
 * Sellers outside the EU are supported for the US table, for EU businesses (reverse charge) and
 * for EU consumers (destination rate).
 *
 * @example
 * ```ts
 * determineTax({
 *   asOf: "2026-03-02",
 *   seller: { country: "DE", vatId: "DE136695976" },
 *   buyer: { status: "business", vatId: "ATU13585627" },
 *   contacts: { billing: { address: { country: "AT" } } },
 * }); // reverse-charge, AE, 0 %, note "Steuerschuldnerschaft des Leistungsempfängers"
 * ```
 */
export function determineTax(input: TaxInput, options: TaxOptions = {}): Result<TaxDetermination> {
  const day = localDate(input.asOf, input.zone, ["asOf"]);
  if (!day.ok) return day;
  const policy = policyInForce(options.taxPolicies ?? DEFAULT_TAX_POLICIES, day.value, "tax policy", ["taxPolicies"]);
  if (!policy.ok) return policy;
  const addressRole = policy.value.addressRole;
  const address = addressRole === "billing-contact" ? input.contacts.billing.address : input.contacts.technical?.address;
  if (address === undefined) {
    return fail("T3_ADDRESS_MISSING", `The tax policy ${policy.value.version} uses the technical contact's address, which is missing`, [
      "contacts",
      "technical",
    ]);
  }
  const context: Context = {
    input,
    day: day.value,
    policy: policy.value,
    tables: options.vatRateTables ?? DEFAULT_VAT_RATE_TABLES,
    address,
    base: { rule: "T3", addressRole, address },
  };
  const seller = input.seller.country;
  const buyer = address.country;
  const sellerInEu = isEuMemberState(seller);

  if (sellerInEu && buyer === seller) {
    return charged(context, "domestic", seller, `${addressRole} address in ${buyer}, like the seller: domestic supply`);
  }
  if (!sellerInEu && seller !== "US" && buyer === seller) {
    return fail("T3_UNSUPPORTED_SUPPLY", `Domestic supplies within ${seller} (outside the EU and the US) are not covered`, ["seller", "country"]);
  }
  if (isEuMemberState(buyer)) {
    return input.buyer.status === "business" ? euBusiness(context, buyer, sellerInEu) : euConsumer(context, buyer, seller);
  }
  if (buyer === "US") {
    const decided = usSalesTax(context, options);
    if (decided !== undefined) return decided;
  }
  return outside(context, `${input.buyer.status} in ${buyer}, outside the EU`);
}

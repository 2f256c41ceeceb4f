import type { Contract } from "@kontor/contingent";
import type { BuyerInput } from "@kontor/invoicing";
import type { Organization } from "@kontor/ticketing";
import { buyerOf } from "./billing-customer.js";

/** Who a contract month is billed to (O1), and what follows from that for its documents. */
export interface BillingParty {
  /**
   * The buyer of the month's invoices (BG-7) and the addressee of its service report: always the
   * organization's legal name, customer number and billing mail address; the postal address is
   * the branch's when the branch is billed separately, else the head office's. The VAT ID (BT-48)
   * is the organization's, or the branch's own when the branch is billed separately and has one.
   */
  readonly buyer: BuyerInput;
  /** T3: the country of the billing address, whose VAT applies (ISO 3166-1 alpha-2). */
  readonly taxCountry: string;
  /** Notes the month's invoices carry (BT-22): the branch served when the head office pays. */
  readonly notes: readonly string[];
  /** Who is billed, for error messages and logs: contract, branch and organization. */
  readonly label: string;
}

/** The part of a contract that decides its billing party: its id (for messages) and the branch it serves (O1, `null`: the company). */
export type BilledContract = Pick<Contract, "id" | "branchId">;

/**
 * O1, T3: who a contract month is billed to, by the branch the contract serves and the
 * customer record's choice of central or separate billing of its branches:
 * - the contract serves the company (`branchId` `null`): the organization at its company
 *   address ({@link buyerOf}), VAT by the company's country;
 * - `billing: "separate"`: the branch is billed. The buyer stays the organization (legal name,
 *   billing mail address), addressed to the branch: its recorded name as the first address
 *   line (BT-50), its street second (BT-51), its postcode, city and country (BT-53, BT-52,
 *   BT-55). T3 taxes by this billing address: the branch's country decides, with the branch's
 *   own VAT ID (BT-48) when it has one (a branch abroad registered for VAT there: reverse
 *   charge with its ID), else the organization's (which `determineTax` refuses with
 *   `T4_VAT_ID_COUNTRY_MISMATCH` when it is of another country than the branch);
 * - `billing: "central"`: the head office is billed as for the company itself (with the
 *   organization's VAT ID, also when the branch has its own), and the invoice
 *   names the branch served: `Leistungsempfänger: Niederlassung Münster, Hafenweg 3, 48155
 *   Münster` (with the country code when the branch is abroad).
 *
 * A `branchId` the organization does not have (the branch was removed, or the record and the
 * contract disagree) throws an error naming contract, branch and organization: the month is
 * not billed rather than billed to the wrong address. `contract.branchId` may be missing at
 * runtime on rows stored before contracts named a branch; that is the company.
 */
export function billingPartyOf(organization: Organization, contract: BilledContract): BillingParty {
  const head = buyerOf(organization);
  // Rows stored before contracts named a branch may lack the field (migration 0024 backfills it).
  const branchId = contract.branchId ?? null;
  if (branchId === null) {
    return { buyer: head, taxCountry: organization.address.country, notes: [], label: `contract ${contract.id} of organization ${organization.id}` };
  }
  const branch = organization.branches.find((candidate) => candidate.id === branchId);
  if (branch === undefined) {
    throw new Error(
      `O1: contract ${contract.id} serves branch ${branchId}, which organization ${organization.id} (${organization.name}) does not have; the month is not billed rather than billed to the wrong address`,
    );
  }
  const label = `contract ${contract.id} for branch ${branch.id} (${branch.name}) of organization ${organization.id}, billed ${organization.billing === "separate" ? "separately" : "centrally"} (O1)`;
  const { address } = branch;
  if (organization.billing === "separate") {
    return {
      buyer: {
        ...head,
        address: { lines: [branch.name, address.street], postcode: address.postalCode, city: address.city, countryCode: address.country },
        ...(branch.vatId === undefined ? {} : { vatId: branch.vatId }),
      },
      taxCountry: address.country,
      notes: [],
      label,
    };
  }
  const abroad = address.country === organization.address.country ? "" : `, ${address.country}`;
  return {
    buyer: head,
    taxCountry: organization.address.country,
    notes: [`Leistungsempfänger: ${branch.name}, ${address.street}, ${address.postalCode} ${address.city}${abroad}.`],
    label,
  };
}

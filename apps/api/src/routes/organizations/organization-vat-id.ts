import { validateVatId } from "@kontor/terms";
import type { DomainResult } from "../../http/domain-result.js";
import { ruleViolation } from "../../http/problem.js";

/** The address country a VAT ID prefix belongs to: `XI` (Northern Ireland) is a `GB` address. */
function addressCountryOf(vatIdCountry: string): string {
  return vatIdCountry === "XI" ? "GB" : vatIdCountry;
}

/** Whose address a VAT ID must match (T3), as error messages name it. */
export type VatIdHolder = "organization" | "branch";

const ADDRESS_OF: Record<VatIdHolder, string> = {
  organization: "the organization's address (its billing address, T3)",
  branch: "the branch's address (its billing address when it is billed separately, O1, T3)",
};

/**
 * T4: a VAT ID as typed (`"ATU 135 85 627"`) checked for its country's format and check digits
 * and normalized (`"ATU13585627"`), or the rule errors at `path`. T3 taxes by the billing
 * address, so the ID must be of `addressCountry`: the organization's address for its own VAT ID,
 * the branch's for a branch's (O1: a branch billed separately is billed at its address).
 */
export function vatIdOfAddress(typed: string, addressCountry: string, path: readonly (string | number)[], holder: VatIdHolder): DomainResult<string> {
  const checked = validateVatId(typed, path);
  if (!checked.ok) return checked;
  const vatId = checked.value;
  if (addressCountryOf(vatId.country) !== addressCountry.toUpperCase()) {
    return {
      ok: false,
      errors: [{ code: "T4_VAT_ID_COUNTRY_MISMATCH", message: `The VAT ID ${vatId.value} is from ${vatId.country}, but ${ADDRESS_OF[holder]} is in ${addressCountry}`, path }],
    };
  }
  return { ok: true, value: vatId.value };
}

/**
 * A branch as typed with its own VAT ID, if any, checked (T4) against the branch's address's
 * country (T3) and normalized, or the rule errors at `path` (the `vatId` field).
 */
export function branchWithCheckedVatId<T extends { readonly vatId?: string | undefined; readonly address: { readonly country: string } }>(
  branch: T,
  path: readonly (string | number)[],
): DomainResult<Omit<T, "vatId"> & { vatId?: string }> {
  const { vatId, ...rest } = branch;
  if (vatId === undefined) return { ok: true, value: rest };
  const checked = vatIdOfAddress(vatId, branch.address.country, path, "branch");
  return checked.ok ? { ok: true, value: { ...rest, vatId: checked.value } } : checked;
}

/**
 * Throws one 422 naming every offending field of several checks (`body.vatId`,
 * `body.branches.1.vatId`), so that a form shows all of them at once; `undefined`: nothing was
 * checked there.
 */
export function requireAllValid(results: readonly (DomainResult<unknown> | undefined)[]): void {
  const errors = results.flatMap((result) => (result === undefined || result.ok ? [] : result.errors));
  if (errors.length > 0) throw ruleViolation(errors);
}

import { validateVatId } from "@kontor/terms";
import { unwrap } from "../../http/domain-result.js";
import { ruleViolation } from "../../http/problem.js";

/** The address country a VAT ID prefix belongs to: `XI` (Northern Ireland) is a `GB` address. */
function addressCountryOf(vatIdCountry: string): string {
  return vatIdCountry === "XI" ? "GB" : vatIdCountry;
}

/**
 * T4: a customer's VAT ID as typed (`"ATU 135 85 627"`) checked for its country's format and
 * check digits and returned normalized (`"ATU13585627"`), or a 422 at `path`. T3 taxes by the
 * billing address, the organization's address, so the ID must be of that country: an Austrian
 * ID on a German address could never apply and would fail at billing time instead of here.
 */
export function checkedVatId(typed: string, addressCountry: string, path: readonly (string | number)[] = ["vatId"]): string {
  const vatId = unwrap(validateVatId(typed, path));
  if (addressCountryOf(vatId.country) !== addressCountry.toUpperCase()) {
    throw ruleViolation([
      {
        code: "T4_VAT_ID_COUNTRY_MISMATCH",
        message: `The VAT ID ${vatId.value} is from ${vatId.country}, but the organization's address (its billing address, T3) is in ${addressCountry}`,
        path,
      },
    ]);
  }
  return vatId.value;
}

import type { LicensingErrorCode } from "../errors/error-codes.js";
import { type FieldPath, type LicensingError, licensingError } from "../errors/licensing-error.js";
import type { ParsedQuoteRequest } from "./quote-request.js";

type RuleCode = Extract<LicensingErrorCode, "L7_REQUIRED_FIELD_MISSING" | "L8_REQUIRED_FIELD_MISSING" | "L9_REQUIRED_FIELD_MISSING">;

/** Collects one error per missing item, each naming the item and its field path. */
class MissingItems {
  readonly errors: LicensingError[] = [];

  constructor(private readonly code: RuleCode) {}

  /** Reports `item` missing at `path` when `value` is absent (or not `true` for a required tick). */
  require(value: unknown, path: FieldPath, item: string): void {
    if (value === undefined || value === false) {
      this.errors.push(licensingError(this.code, `Missing: ${item}`, path, { item }));
    }
  }

  /** Reports each missing product id and user tier, or the whole list when it is empty. */
  requireProducts(
    products: readonly { productId?: string | undefined; userTier?: number | undefined }[],
    key: string,
    listName: string,
  ): void {
    if (products.length === 0) this.require(undefined, [key], listName);
    products.forEach((product, i) => {
      this.require(product.productId, [key, i, "productId"], `product of ${listName} item ${i + 1}`);
      this.require(product.userTier, [key, i, "userTier"], `user tier of ${listName} item ${i + 1}`);
    });
  }

  /** Reports each missing line of a physical billing address. */
  requireAddress(
    address: { street?: string | undefined; postalCode?: string | undefined; city?: string | undefined; country?: string | undefined } | undefined,
    path: FieldPath,
    whose: string,
  ): void {
    this.require(address?.street, [...path, "street"], `${whose} billing address: street`);
    this.require(address?.postalCode, [...path, "postalCode"], `${whose} billing address: postal code`);
    this.require(address?.city, [...path, "city"], `${whose} billing address: city`);
    this.require(address?.country, [...path, "country"], `${whose} billing address: country`);
  }
}

/**
 * The items a quote request lacks, one error per item naming it and its field path:
 * - L7, cloud annual with an existing site: reseller full name and e-mail; site URL or SEN; the
 *   site's authorized contact's full name and e-mail; a user tier per product.
 * - L7, cloud annual without a site: reseller and customer full name, e-mail and physical
 *   billing address; the full list of products and tiers.
 * - L8, Data Center: a cart of licenses, the "reseller buys for customer" tick, reseller and
 *   customer contacts, accepted terms.
 * - L9, renewals and upgrades: Data Center needs the SEN and the technical contact's e-mail;
 *   cloud annual needs an authorized contact (billing, technical or site admin) with full name,
 *   e-mail and site URL.
 */
export function missingQuoteItems(request: ParsedQuoteRequest): readonly LicensingError[] {
  switch (request.kind) {
    case "cloud-annual-existing-site": {
      const check = new MissingItems("L7_REQUIRED_FIELD_MISSING");
      check.require(request.reseller.fullName, ["reseller", "fullName"], "reseller full name");
      check.require(request.reseller.email, ["reseller", "email"], "reseller e-mail");
      check.require(request.site.url ?? request.site.sen, ["site"], "site URL or SEN of the customer's cloud site");
      check.require(request.authorizedContact.fullName, ["authorizedContact", "fullName"], "full name of the site's authorized contact");
      check.require(request.authorizedContact.email, ["authorizedContact", "email"], "e-mail of the site's authorized contact");
      check.requireProducts(request.products, "products", "products");
      return check.errors;
    }
    case "cloud-annual-new-site": {
      const check = new MissingItems("L7_REQUIRED_FIELD_MISSING");
      check.require(request.reseller.fullName, ["reseller", "fullName"], "reseller full name");
      check.require(request.reseller.email, ["reseller", "email"], "reseller e-mail");
      check.requireAddress(request.reseller.billingAddress, ["reseller", "billingAddress"], "reseller");
      check.require(request.customer.fullName, ["customer", "fullName"], "customer full name");
      check.require(request.customer.email, ["customer", "email"], "customer e-mail");
      check.requireAddress(request.customer.billingAddress, ["customer", "billingAddress"], "end user");
      check.requireProducts(request.products, "products", "products");
      return check.errors;
    }
    case "data-center": {
      const check = new MissingItems("L8_REQUIRED_FIELD_MISSING");
      check.requireProducts(request.cart, "cart", "cart");
      check.require(request.resellerBuysForCustomer, ["resellerBuysForCustomer"], '"I am a reseller buying for my customer"');
      check.require(request.reseller.fullName, ["reseller", "fullName"], "reseller full name");
      check.require(request.reseller.email, ["reseller", "email"], "reseller e-mail");
      check.require(request.customer.fullName, ["customer", "fullName"], "customer full name");
      check.require(request.customer.email, ["customer", "email"], "customer e-mail");
      check.require(request.termsAccepted, ["termsAccepted"], "acceptance of the vendor's terms");
      return check.errors;
    }
    case "renewal":
    case "upgrade": {
      const check = new MissingItems("L9_REQUIRED_FIELD_MISSING");
      if (request.edition === "data-center") {
        check.require(request.sen, ["sen"], "SEN of the license");
        check.require(request.technicalContactEmail, ["technicalContactEmail"], "e-mail of the technical contact");
      } else {
        const contact = request.authorizedContact;
        check.require(contact.role, ["authorizedContact", "role"], "role of the authorized contact (billing, technical or site admin)");
        check.require(contact.fullName, ["authorizedContact", "fullName"], "full name of the authorized contact");
        check.require(contact.email, ["authorizedContact", "email"], "e-mail of the authorized contact");
        check.require(contact.siteUrl, ["authorizedContact", "siteUrl"], "site URL");
      }
      return check.errors;
    }
  }
}

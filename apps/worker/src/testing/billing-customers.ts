import type { Branch, Organization } from "@kontor/ticketing";

/** What a {@link testCustomer} call names: its id and name always, any other field it sets apart. */
export type TestCustomerDetails = Pick<Organization, "id" | "name"> & Partial<Organization>;

/**
 * A business customer record (O1) for billing tests: billed centrally, documentation existing, no
 * branches and no ticket mail recipients. Unless `details` set them, it sits at Industriestraße 4,
 * 48231 Warendorf (DE-NW, Europe/Berlin) and receives its service reports and invoices at
 * `rechnungen@<id>.example`, the only mail domain it owns.
 */
export function testCustomer(details: TestCustomerDetails): Organization {
  return {
    address: { street: "Industriestraße 4", postalCode: "48231", city: "Warendorf", country: "DE" },
    branches: [],
    billing: "central",
    serviceReportRecipient: `rechnungen@${details.id}.example`,
    newTicketRecipients: [],
    statusChangeRecipients: [],
    initialInventoryWanted: false,
    documentation: "existing",
    mailDomains: [`${details.id}.example`],
    calendarId: "DE-NW",
    zone: "Europe/Berlin",
    ...details,
  };
}

/**
 * Donau Handels GmbH in Vienna: an EU business customer outside Germany (T3) with no VAT ID on
 * record; tests add `vatId` where the customer has one.
 */
export const VIENNA_BUSINESS_CUSTOMER: Organization = testCustomer({
  id: "org-donau",
  name: "Donau Handels GmbH",
  address: { street: "Kärntner Straße 5", postalCode: "1010", city: "Wien", country: "AT" },
  serviceReportRecipient: "buchhaltung@donau-handel.at",
  mailDomains: ["donau-handel.at"],
  calendarId: "DE-BY",
  zone: "Europe/Vienna",
});

/** Weber Logistik GmbH at the test customers' default address, Industriestraße 4 in Warendorf (DE-NW, Europe/Berlin). */
export const WEBER_LOGISTIK: Organization = testCustomer({
  id: "org-weber",
  name: "Weber Logistik GmbH",
  serviceReportRecipient: "rechnungen@weber-logistik.de",
  mailDomains: ["weber-logistik.de"],
});

/** Niederlassung Münster, Hafenweg 3, 48155 Münster (DE): a branch that receives services (O1). */
export const MUENSTER_BRANCH: Branch = {
  id: "br-muenster",
  name: "Niederlassung Münster",
  address: { street: "Hafenweg 3", postalCode: "48155", city: "Münster", country: "DE" },
  receivesGoods: false,
  receivesServices: true,
};

/**
 * Niederlassung Wien, Kärntner Ring 12, 1010 Wien (AT): a German customer's branch in another EU
 * country (O1, T3), with no VAT ID of its own; tests add `vatId` (e.g. `ATU13585627`) where the
 * branch is registered for VAT in Austria.
 */
export const WIEN_BRANCH: Branch = {
  id: "br-wien",
  name: "Niederlassung Wien",
  address: { street: "Kärntner Ring 12", postalCode: "1010", city: "Wien", country: "AT" },
  receivesGoods: true,
  receivesServices: true,
};

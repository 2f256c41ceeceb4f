import { organizationSchema, type Organization } from "@kontor/ticketing";

/**
 * The third demo customer beside Müller GmbH and Bäckerei Schmidt: an IT-affine tax office that
 * works with DATEV (O1: hence the DATEV consultant number), with a German VAT ID (T3, T4: valid
 * check digit; its invoices name it). Its id is also the scenario's marker: when it exists, the
 * scenario was loaded before.
 */
export const KANZLEI: Organization = organizationSchema.parse({
  id: "org-kanzlei-hoffmann",
  name: "Steuerkanzlei Hoffmann & Partner",
  address: { street: "Königsallee 48", postalCode: "40212", city: "Düsseldorf", country: "DE" },
  branches: [],
  billing: "central",
  serviceReportRecipient: "kanzlei@kanzlei-hoffmann.de",
  newTicketRecipients: ["it@kanzlei-hoffmann.de"],
  statusChangeRecipients: ["it@kanzlei-hoffmann.de"],
  initialInventoryWanted: false,
  documentation: "existing",
  vatId: "DE161803398",
  datevConsultantNumber: "472318",
  mailDomains: ["kanzlei-hoffmann.de"],
  calendarId: "DE-NW",
  zone: "Europe/Berlin",
});

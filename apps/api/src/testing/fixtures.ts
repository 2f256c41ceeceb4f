import type { Organization } from "@kontor/ticketing";

/** Müller GmbH, a customer in Cologne (seed 004 style), as the API stores it. */
export const MUELLER: Organization = {
  id: "org-mueller",
  name: "Müller GmbH",
  address: { street: "Hohenzollernring 12", postalCode: "50672", city: "Köln", country: "DE" },
  branches: [],
  billing: "central",
  serviceReportRecipient: "buchhaltung@mueller-gmbh.de",
  newTicketRecipients: [],
  statusChangeRecipients: [],
  initialInventoryWanted: false,
  documentation: "existing",
  mailDomains: ["mueller-gmbh.de"],
  calendarId: "DE-NW",
  zone: "Europe/Berlin",
};

/** Bäckerei Schmidt, a second customer: the "foreign organization" of cross-tenant tests. */
export const BAECKEREI: Organization = {
  ...MUELLER,
  id: "org-baeckerei",
  name: "Bäckerei Schmidt",
  address: { street: "Marktplatz 3", postalCode: "80331", city: "München", country: "DE" },
  serviceReportRecipient: "info@baeckerei-schmidt.de",
  mailDomains: ["baeckerei-schmidt.de"],
  calendarId: "DE-BY",
};

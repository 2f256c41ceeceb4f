import { DEFAULT_TICKET_NUMBER_FORMAT, DEFAULT_ZONE, type OutgoingMailSettings, type TicketNumberFormat } from "@kontor/ticketing";

/**
 * Sender of every ticket mail (K2, K6: from the support address, never a technician) and the
 * domain of our Message-IDs (K3/K4 threading and loop detection), as in seed 004.
 */
export const TICKET_MAIL_SETTINGS: OutgoingMailSettings = {
  supportAddress: "kundensupport@meinsystemhaus.de",
  supportName: "CSM Kundensupport",
  messageIdDomain: "tickets.meinsystemhaus.de",
};

/** The installation's ticket number format (K1): `T-2026-000123-8`. */
export const TICKET_NUMBER_FORMAT: TicketNumberFormat = DEFAULT_TICKET_NUMBER_FORMAT;

/** Id of the stored ticket number sequence. */
export const TICKET_NUMBER_SEQUENCE_ID = "tickets";

/** Zone whose calendar year restarts the ticket number sequence (P2: explicit, never the machine's). */
export const INSTALLATION_ZONE = DEFAULT_ZONE;

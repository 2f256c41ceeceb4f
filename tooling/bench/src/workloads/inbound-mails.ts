import { seededRandom } from "./seeded-random.js";

/** The support mailbox and Message-ID domain the generated mails are addressed to. */
export const SUPPORT_ADDRESS = "kundensupport@meinsystemhaus.de";
export const MESSAGE_ID_DOMAIN = "tickets.meinsystemhaus.de";

/** Customer organizations of the workload: the mail domain of each is `kunde<N>.de`. */
export const CUSTOMER_COUNT = 50;

/** Ticket numbers our confirmations were sent for; replies in the workload reference them. */
export const KNOWN_TICKETS = 500;

export function ticketNumber(index: number): string {
  return `T-2026-${String(index + 1).padStart(6, "0")}`;
}

export function confirmationMessageId(index: number): string {
  return `${ticketNumber(index)}.confirmation@${MESSAGE_ID_DOMAIN}`;
}

// A 1×1 PNG, enough to make mailparser decode a real attachment.
const PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

const SUBJECTS = [
  "Drucker im Lager druckt nicht",
  "Outlook startet nicht mehr",
  "VPN-Verbindung bricht ständig ab",
  "Neuer Mitarbeiter ab 1. Juli: Konto anlegen",
  "Festplatte auf FS01 fast voll",
  "Bitte Lizenz für Visio bestellen",
];

function header(date: string, from: string, subject: string, messageId: string): string {
  return [
    `From: ${from}`,
    `To: CSM Kundensupport <${SUPPORT_ADDRESS}>`,
    `Subject: ${subject}`,
    `Date: ${date}`,
    `Message-ID: <${messageId}>`,
    "MIME-Version: 1.0",
  ].join("\r\n");
}

/**
 * `count` raw RFC 5322 messages of the kinds a support mailbox receives, in a fixed mix: new
 * incidents (plain, HTML, with a screenshot), replies threaded by References to our
 * confirmations, replies carrying only the subject tag, out-of-office replies, delivery status
 * notifications and notes for the account manager.
 */
export function inboundMails(count: number): string[] {
  const random = seededRandom(20261122);
  const mails: string[] = [];
  for (let i = 0; i < count; i++) {
    const customer = Math.floor(random() * CUSTOMER_COUNT);
    const from = `Anna Becker <a.becker${i % 7}@kunde${customer}.de>`;
    const subject = SUBJECTS[i % SUBJECTS.length] ?? "Störung";
    const ticket = Math.floor(random() * KNOWN_TICKETS);
    const date = "Wed, 03 Jun 2026 09:15:00 +0200";
    const id = `m${i}.${customer}@mail.kunde${customer}.de`;
    const kind = random();
    if (kind < 0.4) {
      mails.push(
        `${header(date, from, subject, id)}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nHallo,\r\nseit heute früh funktioniert es nicht mehr.\r\nViele Grüße\r\nAnna Becker\r\n`,
      );
    } else if (kind < 0.5) {
      mails.push(
        `${header(date, from, subject, id)}\r\nContent-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSiehe Screenshot.\r\n--b1\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename="Screenshot.png"\r\nContent-Transfer-Encoding: base64\r\n\r\n${PNG_BASE64}\r\n--b1--\r\n`,
      );
    } else if (kind < 0.58) {
      mails.push(
        `${header(date, from, subject, id)}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Hallo,</p><p>das <b>Netzlaufwerk</b> ist weg.</p></body></html>\r\n`,
      );
    } else if (kind < 0.78) {
      const ours = confirmationMessageId(ticket);
      mails.push(
        `${header(date, from, `AW: [#${ticketNumber(ticket)}] Eingangsbestätigung: ${subject}`, id)}\r\nIn-Reply-To: <${ours}>\r\nReferences: <${ours}>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nDanke, es geht wieder.\r\n\r\n> Ihre Anfrage wurde aufgenommen.\r\n`,
      );
    } else if (kind < 0.84) {
      mails.push(
        `${header(date, "Unbekannt <info@fremdfirma.example>", `Re: [#${ticketNumber(ticket)}] ${subject}`, id)}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBitte um Rückruf.\r\n`,
      );
    } else if (kind < 0.92) {
      mails.push(
        `${header(date, from, `Automatische Antwort: [#${ticketNumber(ticket)}] Eingangsbestätigung`, id)}\r\nAuto-Submitted: auto-replied\r\nX-Auto-Response-Suppress: All\r\nIn-Reply-To: <${confirmationMessageId(ticket)}>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nIch bin bis zum 15.06. nicht im Büro.\r\n`,
      );
    } else if (kind < 0.96) {
      mails.push(
        `${header(date, `Mail Delivery System <MAILER-DAEMON@mail.kunde${customer}.de>`, "Undelivered Mail Returned to Sender", id)}\r\nAuto-Submitted: auto-replied\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="r1"\r\n\r\n--r1\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n--r1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mail.kunde${customer}.de\r\nFinal-Recipient: rfc822; x@kunde${customer}.de\r\nAction: failed\r\nStatus: 5.1.1\r\n--r1--\r\n`,
      );
    } else {
      mails.push(
        `${header(date, from, "Für Herrn Schulte: Angebot Rahmenvertrag", id)}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBitte an Herrn Schulte weiterleiten, er wartet auf unser Angebot.\r\n`,
      );
    }
  }
  return mails;
}

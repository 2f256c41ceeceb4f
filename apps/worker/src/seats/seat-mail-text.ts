import type { PurchaseOrderMailLine, SeatMail } from "@kontor/seats";

/** Subject and body of a seat mail. */
export interface SeatMailText {
  readonly subject: string;
  readonly text: string;
}

/** `2026-05-01` → `01.05.2026` (the customer reads German dates). */
function germanDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day ?? ""}.${month ?? ""}.${year ?? ""}`;
}

function licenses(count: number): string {
  return count === 1 ? "1 Lizenz" : `${count} Lizenzen`;
}

function lineList(lines: readonly PurchaseOrderMailLine[], withUsers: boolean): string {
  return lines
    .map((line) => `- ${line.productId}: ${licenses(line.licenses)}${withUsers ? `, ${line.usersWithoutAccess} Benutzer ohne Zugriff` : ""}`)
    .join("\n");
}

const SIGNATURE = "\n\nMit freundlichen Grüßen\nIhr Systemhaus";

/**
 * Renders a seat mail in German, worded after seed 003. The numbers, dates and ids come from
 * the mail as `@kontor/seats` produced it; nothing is recomputed here.
 */
export function seatMailText(mail: SeatMail): SeatMailText {
  switch (mail.kind) {
    case "access-granted":
      return {
        subject: `Zugriff auf ${mail.productId} erteilt`,
        text: `Guten Tag,\n\nSie haben ab sofort Zugriff auf ${mail.productId}.${SIGNATURE}`,
      };
    case "payment-reminder":
      return {
        subject: `Zahlung ausstehend: Kaufauftrag ${mail.poId}`,
        text:
          `Guten Tag,\n\nfür den Kaufauftrag ${mail.poId} steht die Zahlung noch aus:\n${lineList(mail.lines, false)}\n\n` +
          `Wird die Zahlung nicht innerhalb der nächsten ${mail.daysLeft} Tage, also bis zum ${germanDate(mail.lastDayToPay)}, veranlasst, ` +
          `können die Lizenzen entzogen werden; die zuletzt zugewiesenen Benutzer verlieren dann automatisch den Zugriff.${SIGNATURE}`,
      };
    case "licenses-suspended":
      return {
        subject: `${licenses(mail.suspendedLicenses)} ausgesetzt: Kaufauftrag ${mail.poId}`,
        text:
          `Guten Tag,\n\nda die Zahlung für den Kaufauftrag ${mail.poId} nicht fristgerecht eingegangen ist, wurden ${licenses(mail.suspendedLicenses)} ausgesetzt:\n` +
          `${lineList(mail.lines, true)}\n\n` +
          `Bis die Bezahlung vereinbart ist, können Sie keine weiteren Kaufaufträge veranlassen. Nach der Zahlung erhalten alle Benutzer auf der Liste „Kein Zugriff“ ihren Zugriff zurück.${SIGNATURE}`,
      };
    case "access-withdrawn":
      return {
        subject: `Lizenz für ${mail.productId} entzogen`,
        text:
          mail.reason === "unpaid"
            ? `Guten Tag,\n\nIhre Lizenz für ${mail.productId} wurde entzogen, weil die Zahlung für den Kaufauftrag ${mail.causeId} aussteht. Ihr Administrator kann den Zugriff durch die Zahlung wiederherstellen.${SIGNATURE}`
            : `Guten Tag,\n\nIhre Lizenz für ${mail.productId} wurde entzogen, weil sie nicht verlängert wurde. Bitte wenden Sie sich an Ihren Administrator.${SIGNATURE}`,
      };
    case "access-restored":
      return {
        subject: `Zugriff auf ${mail.productId} wiederhergestellt`,
        text: `Guten Tag,\n\nIhr Zugriff auf ${mail.productId} ist wiederhergestellt.${SIGNATURE}`,
      };
  }
}

import type { SeatNotice } from "./seat-notice.js";

/** The German text of a notice, worded after seed 003. */
export interface NoticeText {
  readonly title: string;
  readonly body: string;
  /** What the admin can do about it (seed 003 lists two remedies for scenarios 1 and 2). */
  readonly actions: readonly string[];
}

/** Seed 003's title of the scenario 1 and 2 notices. */
export const PAYMENT_REQUIRED_TITLE = "Zahlung für einige Lizenzen erforderlich";

/** Seed 003's two remedies (S4). */
export const PAYMENT_REQUIRED_ACTIONS: readonly string[] = Object.freeze([
  "Auftrag für die unbezahlten Lizenzen erteilen",
  "Zuweisung von Benutzern zum betreffenden Produkt aufheben, um das Lizenzdefizit auszugleichen",
]);

/** `2026-03-31` → `31.03.2026`. */
function germanDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day ?? ""}.${month ?? ""}.${year ?? ""}`;
}

function licenses(count: number): string {
  return count === 1 ? "1 Lizenz" : `${count} Lizenzen`;
}

/**
 * Renders a {@link SeatNotice} in German. The data stays in the notice; this is one way to show
 * it, with the wording of seed 003.
 */
export function noticeTextDe(notice: SeatNotice): NoticeText {
  switch (notice.kind) {
    case "payment-required": {
      const users = `Auf der Liste „Müssen bezahlt werden“ stehen ${notice.mustBePaidUsers} Benutzer.`;
      const body =
        notice.scenario === 1
          ? `Für ${licenses(notice.unpaidLicenses)} von ${notice.productId} aus dem Kaufauftrag ${notice.poId} steht die Zahlung aus. ${users} Diese Meldung wird bis zum ${germanDate(notice.lastDayShown)} angezeigt oder bis Sie die Begleichung veranlassen.`
          : `Die Zahlung für ${licenses(notice.unpaidLicenses)} von ${notice.productId} aus dem Kaufauftrag ${notice.poId} steht noch aus. Wird sie nicht bis zum ${germanDate(notice.lastDayToPay)} veranlasst, werden die Lizenzen entzogen; die zuletzt zugewiesenen Benutzer verlieren dann automatisch den Zugriff. ${users}`;
      return { title: PAYMENT_REQUIRED_TITLE, body, actions: PAYMENT_REQUIRED_ACTIONS };
    }
    case "licenses-suspended":
      return {
        title: "Zahlung ausstehend: Lizenzen ausgesetzt",
        body: `${licenses(notice.suspendedLicenses)} von ${notice.productId} aus dem Kaufauftrag ${notice.poId} wurden nach Ablauf des ${germanDate(notice.lastDayToPay)} ausgesetzt. ${notice.usersWithoutAccess} Benutzer haben keinen Zugriff mehr (Liste „Kein Zugriff“). Bis Sie die Bezahlung mit Ihrem Fachhändler vereinbart haben, können Sie keine weiteren Kaufaufträge veranlassen.`,
        actions: ["Zahlung für die ausstehenden Lizenzen anweisen"],
      };
    case "settlement-done":
      return {
        title: "Begleichung aller unbezahlten Lizenzen veranlasst",
        body: "Die Begleichung aller unbezahlten Lizenzen wurde veranlasst. Die Zahlen wurden entsprechend angepasst.",
        actions: [],
      };
  }
}

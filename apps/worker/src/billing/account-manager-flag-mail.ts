import { germanMonthName } from "./billing-month-name.js";

/** A C4 flag for the account manager, as the month close raised it. */
export interface AccountManagerFlag {
  readonly contractId: string;
  readonly month: string;
  /** `overbooked`: the month closed negative; `oversized`: the balance exceeds the policy's months of credit. */
  readonly flag: "overbooked" | "oversized";
  readonly balanceMinutes: number;
}

/** Minutes as German hours: `-90` → `−1,5 Std.` */
function hours(minutes: number): string {
  const text = (Math.abs(minutes) / 60).toLocaleString("de-DE", { maximumFractionDigits: 2 });
  return `${minutes < 0 ? "−" : ""}${text} Std.`;
}

/**
 * The account manager's notice of a C4 flag: an overbooked contingent (the customer works more
 * than was bought; the correction invoice follows the policy) or an oversized one (hours pile
 * up; a smaller contingent may fit better). German, like every mail to staff.
 */
export function accountManagerFlagMail(flag: AccountManagerFlag, organizationName: string, monthlyMinutes: number): { readonly subject: string; readonly text: string } {
  const month = germanMonthName(flag.month);
  const head = `Kontingent ${flag.contractId} von ${organizationName}, Monatsabschluss ${month}: Saldo ${hours(flag.balanceMinutes)} (monatlich ${hours(monthlyMinutes)}).`;
  if (flag.flag === "overbooked") {
    return {
      subject: `Überbucht: Kontingent ${flag.contractId} (${organizationName}) – ${month}`,
      text: [
        head,
        "",
        "Das Kontingent ist überbucht: der Monat schloss mit negativem Saldo (C4).",
        "Bleibt es negativ, stellt Kontor nach der Richtlinie eine Korrekturrechnung; sprechen Sie mit dem Kunden über ein größeres Kontingent.",
      ].join("\n"),
    };
  }
  return {
    subject: `Überdimensioniert: Kontingent ${flag.contractId} (${organizationName}) – ${month}`,
    text: [
      head,
      "",
      "Das Guthaben wächst über mehrere Monatskontingente hinaus (C4): der Kunde nutzt weniger, als er kauft.",
      "Prüfen Sie mit dem Kunden ein kleineres Kontingent.",
    ].join("\n"),
  };
}

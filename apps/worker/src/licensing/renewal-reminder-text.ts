import { addDays } from "@kontor/licensing";
import type { RenewalReminderPayload } from "./renewal-reminder-event.js";

/** Subject and body of a renewal reminder. */
export interface RenewalReminderText {
  readonly subject: string;
  readonly text: string;
}

/** `2028-02-28` → `28.02.2028`. */
function germanDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day ?? ""}.${month ?? ""}.${year ?? ""}`;
}

/**
 * Renders a renewal reminder in German. The last covered day is the day before the term end
 * (L15 counts the end as the first day of the next term); renewing continues from the end in
 * 12-month steps, whenever the renewal is bought, so a late renewal gains nothing.
 */
export function renewalReminderText(reminder: RenewalReminderPayload): RenewalReminderText {
  const product = reminder.productName ?? reminder.productId;
  const what = reminder.billingModel === "annual-subscription" ? "Ihr Abonnement" : "die Wartung (Software-Maintenance)";
  const subject = reminder.billingModel === "annual-subscription" ? `Verlängerung fällig: Abonnement ${product}` : `Verlängerung fällig: Wartung ${product}`;
  const identification = [
    reminder.sen === null ? undefined : `SEN: ${reminder.sen}`,
    reminder.siteUrl === null ? undefined : `Site: ${reminder.siteUrl}`,
    reminder.userTier === null ? undefined : `Benutzerstufe: ${reminder.userTier}`,
  ].filter((line) => line !== undefined);
  const text = [
    "Guten Tag,",
    "",
    `${what} für ${product} endet in ${reminder.threshold} Tagen: Der letzte abgedeckte Tag ist der ${germanDate(addDays(reminder.termEnd, -1))}.`,
    ...identification,
    "",
    `Eine Verlängerung schließt lückenlos am ${germanDate(reminder.termEnd)} an, auch wenn sie später bestellt wird. Bitte teilen Sie uns mit, ob wir ein Angebot für die Verlängerung erstellen sollen.`,
    "",
    "Mit freundlichen Grüßen",
    "Ihr Systemhaus",
  ].join("\n");
  return { subject, text };
}

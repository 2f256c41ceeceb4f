import { localDayText } from "../service-desk-local-time.js";
import type { AssetExpiryAlert } from "./asset-expiry-alert.js";

/** `in 30 Tagen`, `heute`, `seit 3 Tagen`. */
function daysText(daysLeft: number): string {
  if (daysLeft === 0) return "heute";
  if (daysLeft > 0) return daysLeft === 1 ? "morgen" : `in ${daysLeft} Tagen`;
  return daysLeft === -1 ? "seit gestern" : `seit ${-daysLeft} Tagen`;
}

/**
 * Subject and text of the internal K11 mail to the customer's account manager: what runs out
 * (warranty of the asset, or a linked license), on which day, and how soon.
 */
export function assetExpiryMailText(alert: AssetExpiryAlert): { readonly subject: string; readonly text: string } {
  const warranty = alert.type.startsWith("warranty");
  const expired = alert.type.endsWith("expired");
  const what = warranty ? `Garantie von ${alert.assetName}` : `Lizenz ${alert.licenseProduct ?? alert.licenseId ?? ""} auf ${alert.assetName}`;
  const day = localDayText(alert.expiresOn);
  const subject = `${expired ? "Abgelaufen" : "Läuft ab"}: ${what} (${alert.organizationName}) – ${day}`;
  const lines = [
    `Kunde: ${alert.organizationName}`,
    `Asset: ${alert.assetName}${alert.serialNumber === undefined ? "" : ` (Seriennummer ${alert.serialNumber})`}`,
    warranty ? "Betrifft: Herstellergarantie" : `Betrifft: Lizenz ${alert.licenseProduct ?? ""}`.trimEnd(),
    `Letzter gültiger Tag: ${day} (${expired ? "abgelaufen " : ""}${daysText(alert.daysLeft)})`,
    expired ? "Bitte mit dem Kunden Verlängerung oder Ersatz klären." : "Bitte rechtzeitig ein Verlängerungsangebot abstimmen.",
  ];
  return { subject, text: lines.join("\n") };
}

/**
 * An IBAN as the review queue shows it: country code, check digits and the last four characters,
 * the rest as `*`, in groups of four (`DE89370400440532013000` → `DE89 **** **** **** **30 00`).
 * The full IBAN of a debtor stays in the sealed camt file only. Spaces are ignored; anything
 * shorter than 9 characters is masked entirely but the country code.
 */
export function maskIban(iban: string): string {
  const compact = iban.replace(/\s+/g, "").toUpperCase();
  const kept = compact.length >= 9 ? compact.slice(0, 4) + "*".repeat(compact.length - 8) + compact.slice(-4) : compact.slice(0, 2) + "*".repeat(Math.max(compact.length - 2, 0));
  return kept.replace(/(.{4})(?=.)/g, "$1 ");
}

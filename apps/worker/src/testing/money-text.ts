import { Money, type MoneyJson } from "@kontor/money";

/** A stored amount as billing tests compare it: to the cent, with its currency (`"950.00 EUR"`). */
export function moneyText(json: MoneyJson): string {
  return `${Money.fromJSON(json).toFixed()} ${json.currency}`;
}

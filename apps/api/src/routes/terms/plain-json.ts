import { Money, type MoneyJson } from "@kontor/money";

/** `T` as JSON: `Money` becomes `{ amount, currency }`, everything else stays as it is. */
export type PlainJson<T> = T extends Money
  ? MoneyJson
  : T extends readonly (infer Item)[]
    ? PlainJson<Item>[]
    : T extends object
      ? { -readonly [Key in keyof T]: PlainJson<T[Key]> }
      : T;

/**
 * A domain decision as a response body: money with exactly the currency's minor-unit digits
 * (`"40.00"`, where `Money.toJSON` would give `"40"`), arrays and objects copied.
 */
export function plainJson<T>(value: T): PlainJson<T> {
  if (value instanceof Money) return { amount: value.toFixed(), currency: value.currency } as PlainJson<T>;
  if (Array.isArray(value)) return value.map((item: unknown) => plainJson(item)) as PlainJson<T>;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainJson(item)])) as PlainJson<T>;
  }
  return value as PlainJson<T>;
}

// The Damm quasigroup of order 10 (H. Michael Damm, 2004). Chosen over Luhn because it detects
// every single-digit error AND every adjacent transposition (Luhn misses 09 <-> 90); ISO 7064
// MOD 11,10 would be a valid alternative, Damm is a plain table walk that is easy to verify.
const DAMM_TABLE: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

const DIGITS = /^\d+$/;

function dammInterim(digits: string): number {
  let interim = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const row = DAMM_TABLE[interim];
    const next = row?.[digits.charCodeAt(index) - 48];
    if (next === undefined) return -1;
    interim = next;
  }
  return interim;
}

/**
 * The Damm check digit (0–9) of a string of decimal digits.
 *
 * @param digits one or more ASCII digits, e.g. `"2026000123"`
 * @returns the check digit, or `undefined` when `digits` is empty or contains a non-digit
 */
export function dammCheckDigit(digits: string): number | undefined {
  if (!DIGITS.test(digits)) return undefined;
  const interim = dammInterim(digits);
  return interim < 0 ? undefined : interim;
}

/**
 * Whether `digitsWithCheck` (payload followed by its Damm check digit) is valid: running the
 * table over all digits ends in 0.
 */
export function isValidDamm(digitsWithCheck: string): boolean {
  return digitsWithCheck.length >= 2 && DIGITS.test(digitsWithCheck) && dammInterim(digitsWithCheck) === 0;
}

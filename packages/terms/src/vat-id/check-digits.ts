/**
 * Check-digit algorithms of national VAT IDs, as published by the tax administrations (and
 * collected in the EU Commission's VIES documentation). Each function takes the number without
 * its country prefix, already in the country's format, and returns whether the check digit(s)
 * match, or `undefined` when the number belongs to a form without a published algorithm (for
 * example the personal numbers of natural persons in some states).
 */

const digitsOf = (value: string): number[] => Array.from(value, (c) => c.charCodeAt(0) - 48);

/** Σ digits × weights over the first `weights.length` digits. */
function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return sum;
}

/** Digit sum of a product below 100 (18 → 9), as in Luhn-style algorithms. */
const crossSum = (value: number): number => Math.floor(value / 10) + (value % 10);

/** Luhn (ISO/IEC 7812) over the whole string, check digit last. */
function luhnValid(value: string): boolean {
  let sum = 0;
  const digits = digitsOf(value);
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    const digit = digits[i] ?? 0;
    sum += double ? crossSum(digit * 2) : digit;
  }
  return sum % 10 === 0;
}

/** ISO 7064 MOD 11,10 (DE, HR): the last digit checks all the ones before it. */
function mod11_10Valid(value: string): boolean {
  const digits = digitsOf(value);
  let product = 10;
  for (let i = 0; i < digits.length - 1; i++) {
    let sum = ((digits[i] ?? 0) + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const check = 11 - product === 10 ? 0 : 11 - product;
  return check === digits[digits.length - 1];
}

/** Remainder of a long decimal string modulo `m`, without leaving safe integers. */
function mod(value: string, m: number): number {
  let rest = 0;
  for (const char of value) rest = (rest * 10 + (char.charCodeAt(0) - 48)) % m;
  return rest;
}

/** AT "U" + 8 digits: weights 1,2,1,2,1,2,1 with digit sums; check = (10 − (S + 4) mod 10) mod 10. */
function at(number: string): boolean {
  const d = digitsOf(number.slice(1));
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += i % 2 === 1 ? crossSum((d[i] ?? 0) * 2) : (d[i] ?? 0);
  return (10 - ((sum + 4) % 10)) % 10 === d[7];
}

/** BE 10 digits: the last two are 97 − (first eight mod 97). */
function be(number: string): boolean {
  return 97 - mod(number.slice(0, 8), 97) === Number(number.slice(8));
}

/** BG 9 digits (legal entities): weights 1…8 mod 11, or 3…10 if that gives 10; 10 → 0. */
function bg(number: string): boolean | undefined {
  if (number.length !== 9) return undefined;
  const d = digitsOf(number);
  let check = weightedSum(d, [1, 2, 3, 4, 5, 6, 7, 8]) % 11;
  if (check === 10) check = (weightedSum(d, [3, 4, 5, 6, 7, 8, 9, 10]) % 11) % 10;
  return check === d[8];
}

/** CY 8 digits + letter: odd positions mapped through a table, letter = A… by sum mod 26. */
function cy(number: string): boolean {
  const oddMap = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
  const d = digitsOf(number.slice(0, 8));
  let sum = 0;
  d.forEach((digit, i) => (sum += i % 2 === 0 ? (oddMap[digit] ?? 0) : digit));
  return String.fromCharCode(65 + (sum % 26)) === number[8];
}

/** CZ 8 digits (legal entities): weights 8…2, check = (11 − S mod 11) mod 10. */
function cz(number: string): boolean | undefined {
  if (number.length !== 8) return undefined;
  const d = digitsOf(number);
  return (11 - (weightedSum(d, [8, 7, 6, 5, 4, 3, 2]) % 11)) % 10 === d[7];
}

/** DE 9 digits: ISO 7064 MOD 11,10. */
const de = mod11_10Valid;

/** DK 8 digits: weights 2,7,6,5,4,3,2,1, sum divisible by 11. */
function dk(number: string): boolean {
  return weightedSum(digitsOf(number), [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0;
}

/** EE 9 digits: weights 3,7,1,3,7,1,3,7; check = (10 − S mod 10) mod 10. */
function ee(number: string): boolean {
  const d = digitsOf(number);
  return (10 - (weightedSum(d, [3, 7, 1, 3, 7, 1, 3, 7]) % 10)) % 10 === d[8];
}

/** EL 9 digits: weights 256,128,…,2; check = (S mod 11) mod 10. */
function el(number: string): boolean {
  const d = digitsOf(number);
  return (weightedSum(d, [256, 128, 64, 32, 16, 8, 4, 2]) % 11) % 10 === d[8];
}

const NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

/**
 * ES NIF: natural persons (DNI `12345678Z`, NIE `X1234567L`, K/L/M) end in the letter of
 * number mod 23; legal entities (CIF `A1234567x`) end in a digit or a letter of a Luhn-like sum,
 * digit-only for A, B, E, H and letter-only for K, N, P, Q, R, S, W.
 */
function es(number: string): boolean {
  const first = number[0] ?? "";
  const last = number[8] ?? "";
  if (/^\d{8}[A-Z]$/.test(number)) return NIF_LETTERS[Number(number.slice(0, 8)) % 23] === last;
  if (/^[XYZ]\d{7}[A-Z]$/.test(number)) {
    return NIF_LETTERS[Number(String("XYZ".indexOf(first)) + number.slice(1, 8)) % 23] === last;
  }
  if (/^[KLM]\d{7}[A-Z]$/.test(number)) return NIF_LETTERS[Number(number.slice(1, 8)) % 23] === last;
  if (!/^[A-HJNP-SUVW]\d{7}[0-9A-J]$/.test(number)) return false;
  const d = digitsOf(number.slice(1, 8));
  let sum = 0;
  d.forEach((digit, i) => (sum += i % 2 === 0 ? crossSum(digit * 2) : digit));
  const check = (10 - (sum % 10)) % 10;
  const asDigit = String(check);
  const asLetter = "JABCDEFGHI"[check];
  if ("ABEH".includes(first)) return last === asDigit;
  if ("KNPQRSW".includes(first)) return last === asLetter;
  return last === asDigit || last === asLetter;
}

/** FI 8 digits: weights 7,9,10,5,8,4,2; check = 11 − S mod 11 (0 when the remainder is 0; 1 invalid). */
function fi(number: string): boolean {
  const d = digitsOf(number);
  const rest = weightedSum(d, [7, 9, 10, 5, 8, 4, 2]) % 11;
  if (rest === 1) return false;
  return (rest === 0 ? 0 : 11 - rest) === d[7];
}

const FR_KEY_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/**
 * FR 2-character key + 9-digit SIREN. The SIREN passes Luhn (except Monaco's `000…`); a numeric
 * key is (SIREN × 100 + 12) mod 97; an alphanumeric ("new style") key follows the DGFiP rule.
 */
function fr(number: string): boolean {
  const siren = number.slice(2);
  if (!siren.startsWith("000") && !luhnValid(siren)) return false;
  const key = number.slice(0, 2);
  if (/^\d\d$/.test(key)) return Number(key) === mod(`${siren}12`, 97);
  const first = FR_KEY_ALPHABET.indexOf(key[0] ?? "");
  const second = FR_KEY_ALPHABET.indexOf(key[1] ?? "");
  const check = first < 10 ? first * 24 + second - 10 : first * 34 + second - 100;
  return (mod(siren, 11) + 1 + Math.floor(check / 11)) % 11 === check % 11;
}

/** HR 11 digits (OIB): ISO 7064 MOD 11,10. */
const hr = mod11_10Valid;

/** HU 8 digits: weights 9,7,3,1,9,7,3; check = (10 − S mod 10) mod 10. */
function hu(number: string): boolean {
  const d = digitsOf(number);
  return (10 - (weightedSum(d, [9, 7, 3, 1, 9, 7, 3]) % 10)) % 10 === d[7];
}

/**
 * IE: 7 digits + check letter (+ optional second letter), or the old form `1A23456B`, which is
 * read as `0234561B`. Check letter = "WABC…V"[(Σ digits × 8…2 + 9 × second letter) mod 23].
 */
function ie(number: string): boolean {
  const letters = "WABCDEFGHIJKLMNOPQRSTUV";
  const modern = /^\d[A-Z+*]\d{5}[A-W]$/.test(number)
    ? `0${number.slice(2, 7)}${number[0] ?? ""}${number[7] ?? ""}`
    : number;
  let sum = weightedSum(digitsOf(modern.slice(0, 7)), [8, 7, 6, 5, 4, 3, 2]);
  if (modern.length === 9) sum += 9 * letters.indexOf(modern[8] ?? "");
  return letters[sum % 23] === modern[7];
}

/** IT 11 digits (partita IVA): Luhn. */
const it = luhnValid;

/** LT 9 or 12 digits: weights 1,2,…; if the remainder is 10, weights 3,4,…; 10 → 0. */
function lt(number: string): boolean {
  const d = digitsOf(number);
  const n = d.length - 1;
  const first = Array.from({ length: n }, (_, i) => (i % 9) + 1);
  const second = Array.from({ length: n }, (_, i) => ((i + 2) % 9) + 1);
  let check = weightedSum(d, first) % 11;
  if (check === 10) check = (weightedSum(d, second) % 11) % 10;
  return check === d[n];
}

/** LU 8 digits: the first six mod 89 equal the last two. */
function lu(number: string): boolean {
  return Number(number.slice(0, 6)) % 89 === Number(number.slice(6));
}

/** LV 11 digits, legal entities (first digit above 3): weights 9,1,4,8,3,10,2,5,7,6,1, S mod 11 = 3. */
function lv(number: string): boolean | undefined {
  if (Number(number[0]) <= 3) return undefined;
  return weightedSum(digitsOf(number), [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1]) % 11 === 3;
}

/** MT 8 digits: weights 3,4,6,7,8,9 on the first six, the last two make S divisible by 37. */
function mt(number: string): boolean {
  const d = digitsOf(number);
  return (weightedSum(d, [3, 4, 6, 7, 8, 9]) + Number(number.slice(6))) % 37 === 0;
}

/**
 * NL 9 digits + "B" + 2 digits. Legal entities: weights 9…2 on the first eight, S mod 11 is the
 * ninth digit. Sole proprietors since 2020: "NL" + the number, letters as 10…35, is 1 mod 97
 * (ISO 7064 MOD 97-10). Either check passes.
 */
function nl(number: string): boolean {
  const d = digitsOf(number.slice(0, 9));
  if (weightedSum(d, [9, 8, 7, 6, 5, 4, 3, 2]) % 11 === d[8]) return true;
  const numeric = Array.from(`NL${number}`, (c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55))).join("");
  return mod(numeric, 97) === 1;
}

/** PL 10 digits (NIP): weights 6,5,7,2,3,4,5,6,7; S mod 11 is the last digit. */
function pl(number: string): boolean {
  const d = digitsOf(number);
  return weightedSum(d, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 === d[9];
}

/** PT 9 digits (NIF): weights 9…2; check = 11 − S mod 11, 10 and 11 → 0. */
function pt(number: string): boolean {
  const d = digitsOf(number);
  const check = 11 - (weightedSum(d, [9, 8, 7, 6, 5, 4, 3, 2]) % 11);
  return (check > 9 ? 0 : check) === d[8];
}

/** RO 2–10 digits (CIF), right-aligned on weights 7,5,3,2,1,7,5,3,2; check = (10 S mod 11) mod 10. */
function ro(number: string): boolean {
  const d = digitsOf(number.padStart(10, "0"));
  return ((weightedSum(d, [7, 5, 3, 2, 1, 7, 5, 3, 2]) * 10) % 11) % 10 === d[9];
}

/** SE 12 digits ending in 01: Luhn over the organisation number (first ten). */
function se(number: string): boolean {
  return luhnValid(number.slice(0, 10));
}

/** SI 8 digits: weights 8…2; check = 11 − S mod 11, 10 → 0, 11 invalid. */
function si(number: string): boolean {
  const d = digitsOf(number);
  const check = 11 - (weightedSum(d, [8, 7, 6, 5, 4, 3, 2]) % 11);
  if (check === 11) return false;
  return (check === 10 ? 0 : check) === d[7];
}

/** SK 10 digits: the number is divisible by 11. */
function sk(number: string): boolean {
  return mod(number, 11) === 0;
}

/** XI (Northern Ireland, UK scheme): 9 digits (or 9 + 3 branch digits) with the mod 97 / 9755 check. */
function xi(number: string): boolean | undefined {
  if (!/^\d{9}(\d{3})?$/.test(number)) return undefined;
  const d = digitsOf(number);
  const sum = weightedSum(d, [8, 7, 6, 5, 4, 3, 2]) + Number(number.slice(7, 9));
  return sum % 97 === 0 || (sum + 55) % 97 === 0;
}

/** Check-digit functions by VAT prefix. Prefixes missing here have no published algorithm. */
export const CHECK_DIGITS: Readonly<Record<string, (number: string) => boolean | undefined>> = {
  AT: at, BE: be, BG: bg, CY: cy, CZ: cz, DE: de, DK: dk, EE: ee, EL: el, ES: es, FI: fi, FR: fr,
  HR: hr, HU: hu, IE: ie, IT: it, LT: lt, LU: lu, LV: lv, MT: mt, NL: nl, PL: pl, PT: pt, RO: ro,
  SE: se, SI: si, SK: sk, XI: xi,
};

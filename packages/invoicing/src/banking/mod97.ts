/**
 * ISO 7064 MOD 97-10 remainder of an alphanumeric string, letters counting as 10 (A) to 35 (Z),
 * as IBANs and SEPA creditor identifiers use it. Computed digit by digit, so strings of any
 * length stay exact without bigint. Returns `undefined` for anything but `0-9A-Z`.
 */
export function mod97(text: string): number | undefined {
  let remainder = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      remainder = (remainder * 10 + (code - 48)) % 97;
    } else if (code >= 65 && code <= 90) {
      // A letter stands for two digits.
      remainder = (remainder * 100 + (code - 55)) % 97;
    } else {
      return undefined;
    }
  }
  return remainder;
}

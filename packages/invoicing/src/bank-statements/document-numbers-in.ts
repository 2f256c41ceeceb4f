import { formatDocumentNumber, numberFormatTokens } from "../numbering/document-number.js";
import type { NumberSeries } from "../numbering/number-series.js";

// A separator of the format (`-_/.`) as payers write it: itself, another one, spaces, or nothing.
const SEPARATOR = "[-_/.\\s]{0,3}";

interface NumberSearch {
  readonly pattern: RegExp;
  /** For each capture group in order: whether it is the year (and its digits) or the sequence. */
  readonly groups: readonly ({ readonly kind: "year"; readonly digits: 2 | 4 } | { readonly kind: "sequence" })[];
}

// Series are few: build each search pattern once.
const searches = new Map<string, NumberSearch>();

function searchOf(format: string): NumberSearch {
  const cached = searches.get(format);
  if (cached !== undefined) return cached;
  const groups: NumberSearch["groups"][number][] = [];
  let source = "";
  for (const token of numberFormatTokens(format)) {
    if (token.kind === "year") {
      groups.push({ kind: "year", digits: token.digits });
      source += `(\\d{${String(token.digits)}})`;
    } else if (token.kind === "sequence") {
      groups.push({ kind: "sequence" });
      source += `(\\d{${String(token.digits)}})`;
    } else {
      for (const character of token.text) {
        source += /[-_/.]/.test(character) ? SEPARATOR : character.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
      }
    }
  }
  // Whole digit groups: no letter or digit may touch the number on either side.
  const search = { pattern: new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, "giu"), groups };
  searches.set(format, search);
  return search;
}

/**
 * The numbers of `series` in free text such as a transfer's remittance, the way payers and banks
 * mangle them: case-insensitive, and the format's separators (`-_/.`) may be missing, another
 * separator or spaces — for `RE-{YYYY}-{SEQ:6}`, `"RE 2026 000002"`, `"re2026000002"` and
 * `"RE-2026-000002,"` all name `RE-2026-000002`. The digit groups are whole: no letter or digit
 * may precede or follow the number (`"RE-2026-0000021"` names nothing). Returns the canonical
 * numbers (as {@link formatDocumentNumber} writes them; a two-digit year is 20YY), each once,
 * in order of first appearance. Sequence 0 is no number.
 */
export function documentNumbersIn(series: NumberSeries, text: string): string[] {
  const { pattern, groups } = searchOf(series.format);
  const found: string[] = [];
  for (const match of text.matchAll(pattern)) {
    let year = 2000;
    let sequence = 0;
    groups.forEach((group, index) => {
      const value = Number(match[index + 1]);
      if (group.kind === "sequence") sequence = value;
      else year = group.digits === 4 ? value : 2000 + value;
    });
    if (sequence < 1) continue;
    const number = formatDocumentNumber(series, { year, sequence });
    if (number.ok && !found.includes(number.value)) found.push(number.value);
  }
  return found;
}

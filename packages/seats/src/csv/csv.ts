/** Characters that make spreadsheet programs read a cell as a formula (CSV injection). */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/**
 * One CSV field (RFC 4180). A value starting with `=`, `+`, `-`, `@`, tab or CR gets a leading
 * apostrophe so that a spreadsheet shows it as text instead of running it (OWASP "CSV
 * injection"); a field containing a quote, comma, CR or LF is quoted, with quotes doubled.
 */
export function csvField(value: string): string {
  const guarded = FORMULA_TRIGGERS.has(value.charAt(0)) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** Rows as RFC 4180 CSV: fields by {@link csvField}, every record ended by CRLF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  let text = "";
  for (const row of rows) text += `${row.map(csvField).join(",")}\r\n`;
  return text;
}

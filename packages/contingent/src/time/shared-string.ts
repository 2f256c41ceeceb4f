const strings = new Map<string, string>();

/**
 * One shared instance per distinct date or month string (`"2026-01-15"`, `"2026-01"`). Recorded
 * entries repeat a handful of dates and months thousands of times; sharing them keeps accounts
 * small and lets month close read them from cache instead of one scattered copy per entry. The
 * value is unchanged, so the cache is invisible (bounded, cleared when it grows large).
 */
export function sharedString(value: string): string {
  const known = strings.get(value);
  if (known !== undefined) return known;
  // A property key is V8's canonical (internalized) copy of the string, the same one JSON.parse
  // gives short string values and string literals have: equal strings then compare by identity.
  const canonical = Object.keys({ [value]: true })[0] ?? value;
  if (strings.size >= 10_000) strings.clear();
  strings.set(value, canonical);
  return canonical;
}

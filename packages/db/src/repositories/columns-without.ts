/** A table's columns without one of them, e.g. a large document or file lists never load. */
export function columnsWithout<Columns extends Record<string, unknown>, Key extends keyof Columns>(columns: Columns, key: Key): Omit<Columns, Key> {
  return Object.fromEntries(Object.entries(columns).filter(([name]) => name !== key)) as Omit<Columns, Key>;
}

// Walking the object tree fast-xml-parser gives: the camt reader, and the test readers of CII and pain.008.

type Node = Record<string, unknown>;

/** The first child element `name` of `node`. */
export function child(node: unknown, name: string): unknown {
  if (typeof node !== "object" || node === null) return undefined;
  const value = (node as Node)[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Every child element `name` of `node`, in document order. */
export function children(node: unknown, name: string): unknown[] {
  if (typeof node !== "object" || node === null) return [];
  const value = (node as Node)[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The element at a `/`-separated path below `node`, first children only. */
export function at(node: unknown, path: string): unknown {
  return path.split("/").reduce<unknown>((current, name) => child(current, name), node);
}

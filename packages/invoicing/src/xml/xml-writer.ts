/**
 * A tiny XML writer: elements, attributes and text, escaped, indented by two spaces. Enough for
 * CII invoices without pulling in a heavy dependency.
 */

/** An XML element. Text children and element children are not mixed in CII. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: readonly (readonly [string, string])[];
  readonly children: readonly XmlElement[];
  readonly text: string | null;
}

/** Anything {@link el} accepts as children; `null`, `undefined` and `false` are skipped. */
export type XmlChild = XmlElement | null | undefined | false | readonly XmlChild[];

// Everything outside XML 1.0's `Char` production (most control characters, lone surrogates,
// U+FFFE/U+FFFF) cannot be carried at all, not even escaped: drop it.
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text content: `&`, `<`, `>`; drops characters XML 1.0 cannot represent. */
export function escapeXmlText(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;");
}

/** Escapes an attribute value (double-quoted): also `"` and line breaks/tabs. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replaceAll('"', "&quot;")
    .replaceAll("\t", "&#9;")
    .replaceAll("\n", "&#10;")
    .replaceAll("\r", "&#13;");
}

function flatten(children: readonly XmlChild[], into: XmlElement[]): XmlElement[] {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) flatten(child as readonly XmlChild[], into);
    else into.push(child as XmlElement);
  }
  return into;
}

/** An element with attributes (entries with `undefined` values are left out) and children. */
export function el(
  name: string,
  attributes: Readonly<Record<string, string | undefined>>,
  ...children: readonly XmlChild[]
): XmlElement {
  return {
    name,
    attributes: Object.entries(attributes).flatMap(([key, value]) =>
      value === undefined ? [] : [[key, value] as const],
    ),
    children: flatten(children, []),
    text: null,
  };
}

/** An element holding text: `text("ram:ID", "RE-2026-000123")`. */
export function text(
  name: string,
  value: string,
  attributes: Readonly<Record<string, string | undefined>> = {},
): XmlElement {
  return { ...el(name, attributes), text: value };
}

/** `text(name, value)` when `value` is defined, else nothing. */
export function optionalText(
  name: string,
  value: string | undefined,
  attributes: Readonly<Record<string, string | undefined>> = {},
): XmlElement | null {
  return value === undefined ? null : text(name, value, attributes);
}

function write(element: XmlElement, depth: number, out: string[]): void {
  const indent = "  ".repeat(depth);
  const attributes = element.attributes
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(value)}"`)
    .join("");
  if (element.text !== null) {
    out.push(`${indent}<${element.name}${attributes}>${escapeXmlText(element.text)}</${element.name}>`);
  } else if (element.children.length === 0) {
    out.push(`${indent}<${element.name}${attributes}/>`);
  } else {
    out.push(`${indent}<${element.name}${attributes}>`);
    for (const child of element.children) write(child, depth + 1, out);
    out.push(`${indent}</${element.name}>`);
  }
}

/** The document as UTF-8 XML text with declaration and a final newline. */
export function serializeXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, out);
  return `${out.join("\n")}\n`;
}

import { XMLParser, XMLValidator } from "fast-xml-parser";
import { issue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import { camtMessageTypeOf, type CamtMessageType } from "./camt-message-type.js";

/** Elements that repeat in camt.053/054 and are read as arrays even when they occur once. */
const REPEATED = new Set(["Stmt", "Ntfctn", "Ntry", "NtryDtls", "TxDtls", "Ustrd", "Strd", "Bal", "TxsSummry"]);

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Character references (`M&#252;ller`) become the characters they stand for.
  htmlEntities: true,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(name),
});

// The root start tag after the XML declaration, processing instructions and comments.
const ROOT_TAG = /^\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->)\s*)*<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)((?:\s[^>]*)?)\/?>/;

/** A camt file parsed into fast-xml-parser's object tree, with its message type. */
export interface CamtDocument {
  readonly type: CamtMessageType;
  /** The message element (`BkToCstmrStmt` or `BkToCstmrDbtCdtNtfctn`), or `undefined` when missing. */
  readonly message: unknown;
}

function namespaceOf(attributes: string, prefix: string | undefined): string | undefined {
  const name = prefix === undefined ? "xmlns" : `xmlns:${prefix}`;
  const escaped = name.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
  const match = new RegExp(`\\s${escaped}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match === null ? undefined : (match[1] ?? match[2]);
}

/**
 * Checks and parses a camt file: no DOCTYPE (refused before anything else, so no entity is ever
 * expanded), well-formed XML, a `Document` root whose namespace is camt.053 or camt.054 in
 * version 001.02–001.13. Namespace prefixes are dropped, so `<ns2:Ntry>` reads as `Ntry`.
 */
export function parseCamtDocument(xml: string): Result<CamtDocument> {
  const text = xml.startsWith("\uFEFF") ? xml.slice(1) : xml;
  if (/<!DOCTYPE/i.test(text)) {
    return failure([issue("BANK_STATEMENT_DOCTYPE", "The file has a <!DOCTYPE>: camt files have none, and its entities are not expanded")]);
  }
  // fast-xml-parser 5.12 points to the separate fast-xml-validator package, which is not a
  // dependency; its built-in validator is the same code and reports line and column.
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    return failure([issue("BANK_STATEMENT_MALFORMED", `Not well-formed XML at line ${String(line)}, column ${String(col)}: ${msg}`)]);
  }
  const root = ROOT_TAG.exec(text);
  const rootName = root?.[2];
  if (root === null || rootName !== "Document") {
    const found = rootName === undefined ? "no root element" : `root element <${rootName}>`;
    return failure([issue("BANK_STATEMENT_UNSUPPORTED", `The file has ${found}, not an ISO 20022 <Document> of camt.053 or camt.054`)]);
  }
  const type = camtMessageTypeOf(namespaceOf(root[3] ?? "", root[1]));
  if (!type.ok) {
    return failure([issue("BANK_STATEMENT_UNSUPPORTED", `The file is ${type.found}, not camt.053 or camt.054 (versions 001.02 to 001.13)`)]);
  }
  const tree = parser.parse(text) as Record<string, unknown>;
  const document = tree.Document;
  const message = typeof document === "object" && document !== null ? (document as Record<string, unknown>)[type.value.root] : undefined;
  return success({ type: type.value, message });
}

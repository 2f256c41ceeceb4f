/** The camt messages {@link readBankStatementFile} reads, with the root element of each. */
const CAMT_MESSAGES = {
  "camt.053": { kind: "statement", root: "BkToCstmrStmt", item: "Stmt" },
  "camt.054": { kind: "notification", root: "BkToCstmrDbtCdtNtfctn", item: "Ntfctn" },
} as const;

/** The oldest and newest supported version (`001.02` … `001.13`). */
const FIRST_VERSION = 2;
const LAST_VERSION = 13;

const ISO_20022_NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:([a-z]{4}\.\d{3}\.\d{3}\.\d{2})$/;

/** A supported camt message: what the namespace says and where its content is. */
export interface CamtMessageType {
  /** `statement` (camt.053) or `notification` (camt.054). */
  readonly kind: "statement" | "notification";
  /** e.g. `camt.053.001.08`. */
  readonly messageType: string;
  /** The message element below `Document`: `BkToCstmrStmt` or `BkToCstmrDbtCdtNtfctn`. */
  readonly root: string;
  /** The repeated block: `Stmt` or `Ntfctn`. */
  readonly item: string;
}

/**
 * The camt message of a `Document` namespace such as
 * `urn:iso:std:iso:20022:tech:xsd:camt.053.001.08`, or a description of what the namespace is
 * instead (for the `BANK_STATEMENT_UNSUPPORTED` message).
 */
export function camtMessageTypeOf(namespace: string | undefined): { ok: true; value: CamtMessageType } | { ok: false; found: string } {
  if (namespace === undefined || namespace === "") return { ok: false, found: "a Document without an ISO 20022 namespace" };
  const match = ISO_20022_NAMESPACE.exec(namespace);
  if (match?.[1] === undefined) return { ok: false, found: `a Document of namespace ${namespace}` };
  const messageType = match[1];
  const [area, number, variant, version] = messageType.split(".");
  const key = `${area ?? ""}.${number ?? ""}`;
  const message = key === "camt.053" || key === "camt.054" ? CAMT_MESSAGES[key] : undefined;
  const versionNumber = Number(version);
  if (message === undefined || variant !== "001" || versionNumber < FIRST_VERSION || versionNumber > LAST_VERSION) {
    return { ok: false, found: messageType };
  }
  return { ok: true, value: { kind: message.kind, messageType, root: message.root, item: message.item } };
}

import { XMLParser } from "fast-xml-parser";
import { at, children } from "../xml/xml-tree.js";

type Node = Record<string, unknown>;

const REPEATED = new Set(["PmtInf", "DrctDbtTxInf"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => REPEATED.has(name),
});

// Keeps the order of the children: element order is what the XSD checks.
const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, parseTagValue: false });

function textAt(node: unknown, path: string): string | undefined {
  const found = at(node, path);
  if (found === undefined) return undefined;
  if (typeof found === "string") return found;
  const text = (found as Node)["#text"];
  return typeof text === "string" ? text : "";
}

function attributeAt(node: unknown, path: string, attribute: string): string | undefined {
  const found = at(node, path);
  if (typeof found !== "object" || found === null) return undefined;
  const value = (found as Node)[`@${attribute}`];
  return typeof value === "string" ? value : undefined;
}

/** A bank of a pain.008 file: its BIC, or `NOTPROVIDED`. */
function agentOf(node: unknown): { bic: string | undefined; other: string | undefined } {
  return { bic: textAt(node, "FinInstnId/BICFI"), other: textAt(node, "FinInstnId/Othr/Id") };
}

/** One `DrctDbtTxInf`, read by its pain.008.001.08 paths. */
export interface Pain008Transaction {
  readonly endToEndId: string | undefined;
  readonly amount: string | undefined;
  readonly currency: string | undefined;
  readonly mandateId: string | undefined;
  readonly mandateSignedOn: string | undefined;
  readonly debtorAgent: { bic: string | undefined; other: string | undefined };
  readonly debtorName: string | undefined;
  readonly debtorIban: string | undefined;
  readonly remittance: string | undefined;
}

/** One `PmtInf`, read by its pain.008.001.08 paths. */
export interface Pain008PaymentInformation {
  readonly id: string | undefined;
  readonly method: string | undefined;
  readonly numberOfTransactions: string | undefined;
  readonly controlSum: string | undefined;
  readonly serviceLevel: string | undefined;
  readonly localInstrument: string | undefined;
  readonly sequenceType: string | undefined;
  readonly collectionDate: string | undefined;
  readonly creditorName: string | undefined;
  readonly creditorIban: string | undefined;
  readonly creditorAgent: { bic: string | undefined; other: string | undefined };
  readonly chargeBearer: string | undefined;
  readonly creditorId: string | undefined;
  readonly creditorIdScheme: string | undefined;
  readonly transactions: readonly Pain008Transaction[];
}

/** A pain.008 file as its bank reads it. */
export interface Pain008File {
  readonly root: string | undefined;
  readonly namespace: string | undefined;
  readonly messageId: string | undefined;
  readonly createdAt: string | undefined;
  readonly numberOfTransactions: string | undefined;
  readonly controlSum: string | undefined;
  readonly initiatingParty: string | undefined;
  readonly paymentInformation: readonly Pain008PaymentInformation[];
}

/**
 * Parses a pain.008.001.08 file with fast-xml-parser and reads it by the paths of the ISO 20022
 * message, independently of the writer.
 */
export function readPain008(xml: string): Pain008File {
  const document = parser.parse(xml) as Node;
  const root = document.Document;
  const initiation = at(root, "CstmrDrctDbtInitn");
  const header = at(initiation, "GrpHdr");
  return {
    root: Object.keys(document).find((key) => !key.startsWith("?")),
    namespace: attributeAt(document, "Document", "xmlns"),
    messageId: textAt(header, "MsgId"),
    createdAt: textAt(header, "CreDtTm"),
    numberOfTransactions: textAt(header, "NbOfTxs"),
    controlSum: textAt(header, "CtrlSum"),
    initiatingParty: textAt(header, "InitgPty/Nm"),
    paymentInformation: children(initiation, "PmtInf").map((block) => ({
      id: textAt(block, "PmtInfId"),
      method: textAt(block, "PmtMtd"),
      numberOfTransactions: textAt(block, "NbOfTxs"),
      controlSum: textAt(block, "CtrlSum"),
      serviceLevel: textAt(block, "PmtTpInf/SvcLvl/Cd"),
      localInstrument: textAt(block, "PmtTpInf/LclInstrm/Cd"),
      sequenceType: textAt(block, "PmtTpInf/SeqTp"),
      collectionDate: textAt(block, "ReqdColltnDt"),
      creditorName: textAt(block, "Cdtr/Nm"),
      creditorIban: textAt(block, "CdtrAcct/Id/IBAN"),
      creditorAgent: agentOf(at(block, "CdtrAgt")),
      chargeBearer: textAt(block, "ChrgBr"),
      creditorId: textAt(block, "CdtrSchmeId/Id/PrvtId/Othr/Id"),
      creditorIdScheme: textAt(block, "CdtrSchmeId/Id/PrvtId/Othr/SchmeNm/Prtry"),
      transactions: children(block, "DrctDbtTxInf").map((transaction) => ({
        endToEndId: textAt(transaction, "PmtId/EndToEndId"),
        amount: textAt(transaction, "InstdAmt"),
        currency: attributeAt(transaction, "InstdAmt", "Ccy"),
        mandateId: textAt(transaction, "DrctDbtTx/MndtRltdInf/MndtId"),
        mandateSignedOn: textAt(transaction, "DrctDbtTx/MndtRltdInf/DtOfSgntr"),
        debtorAgent: agentOf(at(transaction, "DbtrAgt")),
        debtorName: textAt(transaction, "Dbtr/Nm"),
        debtorIban: textAt(transaction, "DbtrAcct/Id/IBAN"),
        remittance: textAt(transaction, "RmtInf/Ustrd"),
      })),
    })),
  };
}

type OrderedNode = Record<string, unknown>;

function elementName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ":@" && key !== "#text");
}

/**
 * The names of the child elements of the first element at `path` (`/`-separated element names
 * from the root), in document order: `childOrder(xml, "Document/CstmrDrctDbtInitn/PmtInf")`.
 */
export function childOrder(xml: string, path: string): string[] {
  let level = orderedParser.parse(xml) as OrderedNode[];
  for (const name of path.split("/")) {
    const found = level.find((node) => elementName(node) === name);
    if (found === undefined) return [];
    level = found[name] as OrderedNode[];
  }
  return level.flatMap((node) => {
    const name = elementName(node);
    return name === undefined ? [] : [name];
  });
}

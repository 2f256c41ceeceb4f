import { Money } from "@kontor/money";
import { DateTime } from "luxon";
import { issue, issuesFromZod, type InvoicingIssue } from "../errors/invoicing-issue.js";
import { failure, success, type Result } from "../errors/result.js";
import { el, serializeXml, text, type XmlElement } from "../xml/xml-writer.js";
import type { DirectDebitCollection } from "./direct-debit-collection.js";
import { groupCollections, type CollectionGroup } from "./group-collections.js";
import { PAIN_008_CODES, PAIN_008_NAMESPACE } from "./pain008-codes.js";
import type { SepaDirectDebitFile, SepaPaymentInformation } from "./sepa-direct-debit-file.js";
import { sepaDirectDebitFileInputSchema } from "./sepa-direct-debit-file-input.js";
import { SEPA_IDENTIFIER_MAX_LENGTH } from "./sepa-text.js";

const EUR = "EUR";

function amountOf(collection: DirectDebitCollection): Money {
  return Money.of(collection.amount.amount, EUR);
}

/** `BICFI` when the bank's BIC is known, else `Othr/Id` `NOTPROVIDED` (IBAN-only). */
function financialInstitution(bic: string | undefined): XmlElement {
  return el(
    "FinInstnId",
    {},
    bic === undefined ? el("Othr", {}, text("Id", PAIN_008_CODES.agentNotProvided)) : text("BICFI", bic),
  );
}

function transaction(collection: DirectDebitCollection): XmlElement {
  // DirectDebitTransactionInformation23: PmtId, InstdAmt, DrctDbtTx, DbtrAgt, Dbtr, DbtrAcct, RmtInf.
  return el(
    "DrctDbtTxInf",
    {},
    el("PmtId", {}, text("EndToEndId", collection.endToEndId)),
    text("InstdAmt", amountOf(collection).toFixed(), { Ccy: EUR }),
    el(
      "DrctDbtTx",
      {},
      el("MndtRltdInf", {}, text("MndtId", collection.mandate.reference), text("DtOfSgntr", collection.mandate.signedOn)),
    ),
    el("DbtrAgt", {}, financialInstitution(collection.debtor.bic)),
    el("Dbtr", {}, text("Nm", collection.debtor.name)),
    el("DbtrAcct", {}, el("Id", {}, text("IBAN", collection.debtor.iban))),
    el("RmtInf", {}, text("Ustrd", collection.remittance)),
  );
}

/** The creditor's side of every `PmtInf`. */
interface Creditor {
  readonly name: string;
  readonly iban: string;
  readonly bic?: string | undefined;
}

function paymentInformationElement(group: CollectionGroup, block: SepaPaymentInformation, creditor: Creditor): XmlElement {
  // PaymentInstruction29: PmtInfId, PmtMtd, NbOfTxs, CtrlSum, PmtTpInf, ReqdColltnDt, Cdtr,
  // CdtrAcct, CdtrAgt, ChrgBr, CdtrSchmeId, DrctDbtTxInf+.
  return el(
    "PmtInf",
    {},
    text("PmtInfId", block.id),
    text("PmtMtd", PAIN_008_CODES.paymentMethod),
    text("NbOfTxs", String(block.numberOfTransactions)),
    text("CtrlSum", block.controlSum.toFixed()),
    el(
      "PmtTpInf",
      {},
      el("SvcLvl", {}, text("Cd", PAIN_008_CODES.serviceLevel)),
      el("LclInstrm", {}, text("Cd", PAIN_008_CODES.localInstrument)),
      text("SeqTp", block.sequenceType),
    ),
    text("ReqdColltnDt", block.collectionDate),
    el("Cdtr", {}, text("Nm", creditor.name)),
    el("CdtrAcct", {}, el("Id", {}, text("IBAN", creditor.iban))),
    el("CdtrAgt", {}, financialInstitution(creditor.bic)),
    text("ChrgBr", PAIN_008_CODES.chargeBearer),
    el(
      "CdtrSchmeId",
      {},
      el(
        "Id",
        {},
        el("PrvtId", {}, el("Othr", {}, text("Id", block.creditorId), el("SchmeNm", {}, text("Prtry", PAIN_008_CODES.creditorSchemeName)))),
      ),
    ),
    group.collections.map(transaction),
  );
}

/**
 * Writes a SEPA Core direct debit file, ISO 20022 pain.008.001.08, for the bank: one `PmtInf`
 * per (collection date, sequence type, creditor ID) by ascending date, its transactions in the
 * order given, `NbOfTxs` and `CtrlSum` in the group header and in every `PmtInf`. Elements follow
 * the order of the pain.008.001.08 XSD; service level `SEPA`, local instrument `CORE`, charge
 * bearer `SLEV`. Pure: the creation instant is an input (P2), amounts are `Money` (P3).
 *
 * `input` is checked against {@link sepaDirectDebitFileInputSchema}. Errors (code, path):
 * - `INVALID_INPUT` with zod's path (`collections.2.debtor.iban`, `messageId`, …), including
 *   identifiers outside the SEPA rules, amounts outside 0.01 … 999999999.99, names with nothing
 *   left in the SEPA character set; at `messageId` also when `<messageId>-<n>`, the ID of the last
 *   `PmtInf`, would be longer than 35 characters
 * - `DIRECT_DEBIT_CURRENCY` at `collections.<n>.amount.currency`: not EUR
 * - `DIRECT_DEBIT_DUPLICATE_END_TO_END_ID` at `collections.<n>.endToEndId`: the end-to-end ID of
 *   an earlier collection of this file (one invoice is collected once per file; it may be
 *   collected again in a later file, which is no error here)
 *
 * The XML holds the debtors' IBANs: whoever stores it stores it sealed.
 */
export function writeSepaDirectDebitFile(input: unknown): Result<SepaDirectDebitFile> {
  const parsed = sepaDirectDebitFileInputSchema.safeParse(input);
  if (!parsed.success) return failure(issuesFromZod(parsed.error));
  const file = parsed.data;

  const errors: InvoicingIssue[] = [];
  const firstWithId = new Map<string, number>();
  file.collections.forEach((collection, index) => {
    if (collection.amount.currency !== EUR) {
      errors.push(
        issue(
          "DIRECT_DEBIT_CURRENCY",
          `A SEPA direct debit collects EUR only; ${collection.endToEndId} is in ${collection.amount.currency}`,
          ["collections", index, "amount", "currency"],
        ),
      );
    }
    const first = firstWithId.get(collection.endToEndId);
    if (first === undefined) {
      firstWithId.set(collection.endToEndId, index);
    } else {
      errors.push(
        issue(
          "DIRECT_DEBIT_DUPLICATE_END_TO_END_ID",
          `${collection.endToEndId} is collected by collection ${String(first)} of this file already`,
          ["collections", index, "endToEndId"],
        ),
      );
    }
  });
  const groups = groupCollections(file.collections);
  const lastPaymentInformationId = `${file.messageId}-${String(groups.length)}`;
  if (lastPaymentInformationId.length > SEPA_IDENTIFIER_MAX_LENGTH) {
    errors.push(
      issue(
        "INVALID_INPUT",
        `The message ID is too long for the payment information ID ${lastPaymentInformationId} (at most ${String(SEPA_IDENTIFIER_MAX_LENGTH)} characters)`,
        ["messageId"],
      ),
    );
  }
  if (errors.length > 0) return failure(errors);

  const blocks = groups.map((group, index) => ({
    group,
    information: Object.freeze({
      id: `${file.messageId}-${String(index + 1)}`,
      collectionDate: group.collectionDate,
      sequenceType: group.sequenceType,
      creditorId: group.creditorId,
      numberOfTransactions: group.collections.length,
      controlSum: Money.sum(group.collections.map(amountOf), EUR),
    }) satisfies SepaPaymentInformation,
  }));
  const numberOfTransactions = file.collections.length;
  const controlSum = Money.sum(file.collections.map(amountOf), EUR);

  // CreDtTm: the instant in UTC to the second, without fraction (one form for every bank).
  const createdAt = DateTime.fromISO(file.createdAt, { setZone: true }).toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
  const document = el(
    "Document",
    { xmlns: PAIN_008_NAMESPACE },
    el(
      "CstmrDrctDbtInitn",
      {},
      // GroupHeader83: MsgId, CreDtTm, NbOfTxs, CtrlSum, InitgPty.
      el(
        "GrpHdr",
        {},
        text("MsgId", file.messageId),
        text("CreDtTm", createdAt),
        text("NbOfTxs", String(numberOfTransactions)),
        text("CtrlSum", controlSum.toFixed()),
        el("InitgPty", {}, text("Nm", file.initiatingParty)),
      ),
      blocks.map(({ group, information }) => paymentInformationElement(group, information, file.creditor)),
    ),
  );

  return success(
    Object.freeze({
      xml: serializeXml(document),
      messageId: file.messageId,
      numberOfTransactions,
      controlSum,
      paymentInformation: Object.freeze(blocks.map((block) => block.information)),
    }),
  );
}

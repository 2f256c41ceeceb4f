import { Money } from "@kontor/money";
import { INVOICE_NUMBER_SERIES, type BankEntry, type BankMatchKnowledge, type BankTransaction, type CollectionToMatch, type InvoiceToMatch, type PendingCollectionToMatch } from "../index.js";

/** The reseller's main account (Commerzbank test IBAN) and its second account. */
export const MAIN_ACCOUNT = "DE02120300000000202051";
export const SECOND_ACCOUNT = "DE02500105170137075030";

const NS = (message: string) => `urn:iso:std:iso:20022:tech:xsd:${message}`;

/**
 * A camt.053.001.08 statement of a German bank for 2026-12-08, as the bank delivers it (prefix
 * free, `Sts/Cd`, parties under `Pty`). Two `Stmt`:
 * - main account: Ntry[1] a transfer "RE-2026-000002 Bäckerei Schmidt" 1,487.50 EUR, value date
 *   2026-12-08; Ntry[2] a batch credit 357.00 with two TxDtls (119.00 with its own amount and
 *   reference, 238.00 only in AmtDtls and without reference); Ntry[3] a direct debit return
 *   (DBIT, MD06) of collection RE-2026-000501 over 1,190.00 plus 3.00 fee = 1,193.00
 * - second account: Ntry[1] a pending credit of 50.00
 */
export const CAMT_053_V08 = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="${NS("camt.053.001.08")}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrStmt>
    <GrpHdr>
      <MsgId>STMT-2026-12-08-0001</MsgId>
      <CreDtTm>2026-12-08T22:15:03.000+01:00</CreDtTm>
    </GrpHdr>
    <Stmt>
      <Id>0202051-2026-234</Id>
      <ElctrncSeqNb>234</ElctrncSeqNb>
      <CreDtTm>2026-12-08T22:15:03.000+01:00</CreDtTm>
      <Acct>
        <Id><IBAN>${MAIN_ACCOUNT}</IBAN></Id>
        <Ccy>EUR</Ccy>
        <Ownr><Nm>Kontor Systemhaus GmbH</Nm></Ownr>
        <Svcr><FinInstnId><BICFI>BYLADEM1001</BICFI></FinInstnId></Svcr>
      </Acct>
      <Bal>
        <Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp>
        <Amt Ccy="EUR">10000.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Dt><Dt>2026-12-07</Dt></Dt>
      </Bal>
      <Bal>
        <Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>
        <Amt Ccy="EUR">10651.50</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Dt><Dt>2026-12-08</Dt></Dt>
      </Bal>
      <Ntry>
        <Amt Ccy="EUR">1487.50</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-12-09</Dt></BookgDt>
        <ValDt><Dt>2026-12-08</Dt></ValDt>
        <AcctSvcrRef>2026120800017</AcctSvcrRef>
        <BkTxCd>
          <Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn>
          <Prtry><Cd>NTRF+166+9310</Cd><Issr>DK</Issr></Prtry>
        </BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs>
              <EndToEndId>NOTPROVIDED</EndToEndId>
            </Refs>
            <Amt Ccy="EUR">1487.50</Amt>
            <CdtDbtInd>CRDT</CdtDbtInd>
            <RltdPties>
              <Dbtr><Pty><Nm>Bäckerei Schmidt e.K.</Nm></Pty></Dbtr>
              <DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct>
              <Cdtr><Pty><Nm>Kontor Systemhaus GmbH</Nm></Pty></Cdtr>
              <CdtrAcct><Id><IBAN>${MAIN_ACCOUNT}</IBAN></Id></CdtrAcct>
            </RltdPties>
            <RmtInf><Ustrd>RE-2026-000002 Bäckerei Schmidt</Ustrd></RmtInf>
          </TxDtls>
        </NtryDtls>
        <AddtlNtryInf>SEPA-GUTSCHRIFT</AddtlNtryInf>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">357.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><DtTm>2026-12-08T09:12:44+01:00</DtTm></BookgDt>
        <ValDt><Dt>2026-12-08</Dt></ValDt>
        <AcctSvcrRef>2026120800018</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <Btch><NbOfTxs>2</NbOfTxs></Btch>
          <TxDtls>
            <Refs>
              <AcctSvcrRef>2026120800018-A</AcctSvcrRef>
              <EndToEndId>RE-2026-000003</EndToEndId>
            </Refs>
            <Amt Ccy="EUR">119.00</Amt>
            <CdtDbtInd>CRDT</CdtDbtInd>
            <RltdPties>
              <Dbtr><Pty><Nm>Praxis Dr. Özdemir</Nm></Pty></Dbtr>
              <DbtrAcct><Id><IBAN>DE44 5001 0517 5407 3249 31</IBAN></Id></DbtrAcct>
            </RltdPties>
            <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>
          </TxDtls>
          <TxDtls>
            <Refs><EndToEndId>KD4711</EndToEndId></Refs>
            <AmtDtls><TxAmt><Amt Ccy="EUR">238.00</Amt></TxAmt></AmtDtls>
            <CdtDbtInd>CRDT</CdtDbtInd>
            <RltdPties><Dbtr><Pty><Nm>Hansen IT</Nm></Pty></Dbtr></RltdPties>
            <RmtInf><Ustrd>Rechnung re 2026 000004</Ustrd></RmtInf>
            <AddtlTxInf>SAMMLER-GUTSCHRIFT</AddtlTxInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">1193.00</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-12-08</Dt></BookgDt>
        <ValDt><Dt>2026-12-07</Dt></ValDt>
        <AcctSvcrRef>2026120800019</AcctSvcrRef>
        <BkTxCd>
          <Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn>
          <Prtry><Cd>NRTI+109+9999</Cd><Issr>DK</Issr></Prtry>
        </BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs>
              <MsgId>LS-2026-11-20-001</MsgId>
              <PmtInfId>LS-2026-11-20-001-1</PmtInfId>
              <EndToEndId>RE-2026-000501</EndToEndId>
              <MndtId>MANDAT-10042</MndtId>
            </Refs>
            <AmtDtls>
              <InstdAmt><Amt Ccy="EUR">1190.00</Amt></InstdAmt>
              <TxAmt><Amt Ccy="EUR">1193.00</Amt></TxAmt>
            </AmtDtls>
            <Chrgs><TtlChrgsAndTaxAmt Ccy="EUR">3.00</TtlChrgsAndTaxAmt></Chrgs>
            <RltdPties>
              <Dbtr><Pty><Nm>Müller &amp; Söhne GmbH</Nm></Pty></Dbtr>
              <DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct>
              <Cdtr><Pty><Nm>Kontor Systemhaus GmbH</Nm></Pty></Cdtr>
            </RltdPties>
            <RmtInf><Ustrd>Rechnung RE-2026-000501 vom 17.11.2026</Ustrd></RmtInf>
            <RtrInf>
              <Rsn><Cd>MD06</Cd></Rsn>
              <AddtlInf>Rueckgabe/Erstattung</AddtlInf>
            </RtrInf>
          </TxDtls>
        </NtryDtls>
        <AddtlNtryInf>RUECKLASTSCHRIFT</AddtlNtryInf>
      </Ntry>
    </Stmt>
    <Stmt>
      <Id>7075030-2026-112</Id>
      <Acct><Id><IBAN>${SECOND_ACCOUNT}</IBAN></Id></Acct>
      <Ntry>
        <Amt Ccy="EUR">50.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>PDNG</Cd></Sts>
        <ValDt><Dt>2026-12-09</Dt></ValDt>
        <AcctSvcrRef>2026120800020</AcctSvcrRef>
        <AddtlNtryInf>VORMERKPOSTEN</AddtlNtryInf>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;

/**
 * A camt.053.001.02 statement with prefixed elements (`ns2:`), `Sts` as text, `Dbtr/Nm` without
 * `Pty` and the remittance in two `Ustrd` lines; one credit of 1,487.50 EUR without `TxDtls/Amt`.
 */
export const CAMT_053_V02 = `<?xml version="1.0" encoding="UTF-8"?>
<ns2:Document xmlns:ns2="${NS("camt.053.001.02")}">
  <ns2:BkToCstmrStmt>
    <ns2:GrpHdr><ns2:MsgId>052026120700001</ns2:MsgId><ns2:CreDtTm>2026-12-07T20:00:00</ns2:CreDtTm></ns2:GrpHdr>
    <ns2:Stmt>
      <ns2:Id>052026120700001-1</ns2:Id>
      <ns2:Acct><ns2:Id><ns2:IBAN>de02 1203 0000 0000 2020 51</ns2:IBAN></ns2:Id><ns2:Ccy>EUR</ns2:Ccy></ns2:Acct>
      <ns2:Ntry>
        <ns2:Amt Ccy="EUR">1487.50</ns2:Amt>
        <ns2:CdtDbtInd>CRDT</ns2:CdtDbtInd>
        <ns2:RvslInd>false</ns2:RvslInd>
        <ns2:Sts>BOOK</ns2:Sts>
        <ns2:BookgDt><ns2:Dt>2026-12-07</ns2:Dt></ns2:BookgDt>
        <ns2:ValDt><ns2:Dt>2026-12-07</ns2:Dt></ns2:ValDt>
        <ns2:AcctSvcrRef>STARTUMS-4711</ns2:AcctSvcrRef>
        <ns2:BkTxCd><ns2:Prtry><ns2:Cd>NTRF+166</ns2:Cd><ns2:Issr>ZKA</ns2:Issr></ns2:Prtry></ns2:BkTxCd>
        <ns2:NtryDtls>
          <ns2:TxDtls>
            <ns2:Refs><ns2:EndToEndId>E2E-88341</ns2:EndToEndId></ns2:Refs>
            <ns2:RltdPties>
              <ns2:Dbtr><ns2:Nm>Bäckerei Schmidt e.K.</ns2:Nm></ns2:Dbtr>
              <ns2:DbtrAcct><ns2:Id><ns2:IBAN>DE89370400440532013000</ns2:IBAN></ns2:Id></ns2:DbtrAcct>
            </ns2:RltdPties>
            <ns2:RmtInf>
              <ns2:Ustrd>Rechnung RE-2026-000002 vom 0</ns2:Ustrd>
              <ns2:Ustrd>1.12.2026 Kd-Nr. 10042</ns2:Ustrd>
            </ns2:RmtInf>
          </ns2:TxDtls>
        </ns2:NtryDtls>
      </ns2:Ntry>
    </ns2:Stmt>
  </ns2:BkToCstmrStmt>
</ns2:Document>
`;

/**
 * A camt.054.001.08 notification of one booked credit of 238.00 EUR (value date 2026-12-10), the
 * bank's reference 2026121000042; the entry has no `TxDtls`.
 */
export const CAMT_054_V08 = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="${NS("camt.054.001.08")}">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr><MsgId>NTFCTN-2026-12-10-17</MsgId><CreDtTm>2026-12-10T11:02:00+01:00</CreDtTm></GrpHdr>
    <Ntfctn>
      <Id>NTFCTN-2026-12-10-17-1</Id>
      <Acct><Id><IBAN>${MAIN_ACCOUNT}</IBAN></Id></Acct>
      <Ntry>
        <Amt Ccy="EUR">238.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-12-10</Dt></BookgDt>
        <ValDt><DtTm>2026-12-10T10:58:00+01:00</DtTm></ValDt>
        <AcctSvcrRef>2026121000042</AcctSvcrRef>
        <AddtlNtryInf>Gutschrift RE-2026-000004</AddtlNtryInf>
      </Ntry>
    </Ntfctn>
  </BkToCstmrDbtCdtNtfctn>
</Document>
`;

/**
 * A camt.053.001.08 file with the given `Ntry` elements on the main account (for amounts, dates
 * and error cases).
 */
export function statementWith(...entries: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="${NS("camt.053.001.08")}">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT-TEST</MsgId><CreDtTm>2026-12-08T22:15:03+01:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-TEST-1</Id>
      <Acct><Id><IBAN>${MAIN_ACCOUNT}</IBAN></Id></Acct>
      ${entries.join("\n      ")}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}

/** A booked credit entry of `amount` EUR on 2026-12-08 with `remittance`. */
export function creditEntry(amount: string, remittance = "RE-2026-000002"): string {
  return `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-12-08</Dt></BookgDt><ValDt><Dt>2026-12-08</Dt></ValDt><NtryDtls><TxDtls><Amt Ccy="EUR">${amount}</Amt><RmtInf><Ustrd>${remittance}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`;
}

// ---- matcher fixtures -------------------------------------------------------------------------

export const eur = (amount: string) => Money.of(amount, "EUR");

/** A booked entry (booking date 2026-12-09, value date 2026-12-08) of one transaction. */
export function entryOf(transaction: BankTransaction, overrides: Partial<BankEntry> = {}): BankEntry {
  return {
    amount: transaction.amount,
    direction: "credit",
    reversal: false,
    status: "booked",
    bookingDate: "2026-12-09",
    valueDate: "2026-12-08",
    accountServicerReference: "2026120800017",
    bankTransactionCode: { domain: "PMNT", family: "RCDT", subFamily: "ESCT" },
    transactions: [transaction],
    ...overrides,
  };
}

/** A transfer of `amount` EUR with `remittanceText`. */
export function transferOf(amount: string, remittanceText: string, overrides: Partial<BankTransaction> = {}): BankTransaction {
  return {
    amount: eur(amount),
    bankReference: "2026120800017",
    endToEndId: null,
    mandateReference: null,
    debtor: { name: "Bäckerei Schmidt e.K.", iban: "DE89370400440532013000" },
    creditor: { name: "Kontor Systemhaus GmbH", iban: MAIN_ACCOUNT },
    remittanceText,
    creditorReference: null,
    returnReason: null,
    additionalInfo: null,
    ...overrides,
  };
}

/** An invoice to match: `inv-<sequence>` numbered RE-2026-<sequence>, with `open` EUR open. */
export function invoiceToMatch(sequence: number, open: string | Money): InvoiceToMatch {
  const number = `RE-2026-${String(sequence).padStart(6, "0")}`;
  return { invoiceId: `inv-${String(sequence)}`, number, open: typeof open === "string" ? eur(open) : open };
}

/** The collection of RE-2026-000501: 1,190.00 EUR, payment pay-501. */
export const COLLECTION_501: CollectionToMatch = { endToEndId: "RE-2026-000501", invoiceId: "inv-501", paymentId: "pay-501", amount: eur("1190.00") };

/** The pending collection of RE-2026-000502 in file dd-1: 351.86 EUR. */
export const PENDING_502: PendingCollectionToMatch = { endToEndId: "RE-2026-000502", batchId: "dd-1", invoiceId: "inv-502", amount: eur("351.86") };

/** What the matcher knows: these invoices by number, the collection of RE-2026-000501 and the pending one of RE-2026-000502. */
export function knowledge(
  invoices: readonly InvoiceToMatch[],
  collections: readonly CollectionToMatch[] = [COLLECTION_501],
  pendingCollections: readonly PendingCollectionToMatch[] = [PENDING_502],
): BankMatchKnowledge {
  return {
    invoiceSeries: INVOICE_NUMBER_SERIES,
    invoices: new Map(invoices.map((invoice) => [invoice.number, invoice])),
    collections: new Map(collections.map((collection) => [collection.endToEndId, collection])),
    pendingCollections: new Map(pendingCollections.map((collection) => [collection.endToEndId, collection])),
  };
}

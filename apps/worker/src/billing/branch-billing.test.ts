import { type ContractInput, type TimeEntryInput } from "@kontor/contingent";
import { insertOrganization, insertSepaMandate, schema, type DatabaseHandle } from "@kontor/db";
import { testDatabaseKind } from "@kontor/db/testing";
import type { MoneyJson } from "@kontor/money";
import type { Organization } from "@kontor/ticketing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MUENSTER_BRANCH, testCustomer, WIEN_BRANCH } from "../testing/billing-customers.js";
import { firstOutboxEvent, redeliverToBillingHandler } from "../testing/billing-outbox-events.js";
import type { CaptureSmtpServer, CapturedMail } from "../testing/capture-smtp-server.js";
import { TEST_COOPERATION_TERMS } from "../testing/cooperation-terms.js";
import { pdfOf } from "../testing/mail-pdf.js";
import { moneyText } from "../testing/money-text.js";
import { tenHourContingent } from "../testing/ten-hour-contingent.js";
import { dropStoredBranchId, insertTestContract, recordTestTimeEntries } from "../testing/test-contracts.js";
import { startTestWorker, type TestWorker } from "../testing/test-worker.js";
import type { WorkerContext } from "../worker-context.js";
import { INVOICE_DUE_TOPIC } from "./billing-outbox-handlers.js";
import { billingPartyOf } from "./billing-party.js";
import { monthCloseJob } from "./month-close-job.js";
import { readPdfText } from "./pdf-text.js";
import { DEFAULT_BILLING_SETTINGS } from "./billing-settings.js";
import { BILLED_SEPARATELY_TOPIC } from "./separate-billing-handlers.js";

// 00:10 on Tuesday, 1 December 2026 in Berlin (CET, UTC+1): November has ended.
const NOW = new Date("2026-11-30T23:10:00Z");
/** A valid German VAT ID (check digits verified by T4). */
const HAFEN_VAT_ID = "DE811907980";

/**
 * Hafen Logistik GmbH, head office at the test customers' default address (Industriestraße 4,
 * 48231 Warendorf), bills its branches **separately** (O1); German VAT ID; branches in Münster
 * and in Wien. Invoices and reports go to `rechnungen@org-hafen.example`.
 */
const HAFEN: Organization = testCustomer({ id: "org-hafen", name: "Hafen Logistik GmbH", billing: "separate", vatId: HAFEN_VAT_ID, branches: [MUENSTER_BRANCH, WIEN_BRANCH] });

/** The Austrian VAT ID of a branch in Wien registered for VAT there (check digits verified by T4). */
const WIEN_VAT_ID = "ATU13585627";

/**
 * Hafen Spedition GmbH: the same head office and German VAT ID, billing **separately** its branch
 * in Wien, which is registered for VAT in Austria and has its own VAT ID on record (O1, T3).
 */
const SPEDITION: Organization = testCustomer({ id: "org-spedition", name: "Hafen Spedition GmbH", billing: "separate", vatId: HAFEN_VAT_ID, branches: [{ ...WIEN_BRANCH, vatId: WIEN_VAT_ID }] });

/** Zentral Handel GmbH: the same head office address and Münster branch, billed **centrally** (O1). */
const ZENTRAL: Organization = testCustomer({ id: "org-zentral", name: "Zentral Handel GmbH", billing: "central", vatId: HAFEN_VAT_ID, branches: [MUENSTER_BRANCH] });

/** The Münster branch's rental of 1,250.00 a month (C8: billed separately by direct debit). */
const HAFEN_RENTAL: ContractInput = { kind: "rental-flat-rate", id: "ct-hafen-miete", customerId: HAFEN.id, branchId: MUENSTER_BRANCH.id, startDate: "2026-11-01", terms: TEST_COOPERATION_TERMS, monthlyPrice: "1250.00" };

/** Seed 004's 10-hour contingent (950.00 a month) of `customerId`, serving `branchId`. */
function contingentFor(id: string, customerId: string, branchId: string | null): ContractInput {
  return { ...tenHourContingent(id, customerId), branchId };
}

/** Two hours of remote work in Münster on 12 November: inside the contingent, the invoice is the monthly 950.00. */
function work(contractId: string): TimeEntryInput {
  return {
    id: `${contractId}-e1`,
    contractId,
    workDate: "2026-11-12",
    rawMinutes: 120,
    technician: "S. Wassmann",
    ticketRef: "T-2026-000301-0",
    workType: "remote-support",
    location: "remote",
    billable: true,
    description: "Lagerscanner eingerichtet",
  };
}

interface StoredInvoice {
  readonly seller: { readonly vatId?: string };
  readonly buyer: { readonly name: string; readonly vatId?: string; readonly address: { readonly lines: readonly string[]; readonly postcode: string; readonly city: string; readonly countryCode: string } };
  readonly notes: readonly string[];
  readonly totals: { readonly lineNetTotal: MoneyJson; readonly taxTotal: MoneyJson; readonly grandTotal: MoneyJson; readonly vatBreakdown: readonly { readonly category: string; readonly rate: string; readonly exemptionReason?: string }[] };
  readonly source: { readonly paymentMeans: { readonly kind: string } };
}

/** The buyer's postal address as the stored EN 16931 XML states it (BG-8). */
interface XmlBuyerAddress {
  /** BT-50, BT-51 */
  readonly lines: readonly string[];
  /** BT-53 */
  readonly postcode: string | undefined;
  /** BT-52 */
  readonly city: string | undefined;
  /** BT-55 */
  readonly country: string | undefined;
}

function xmlBuyerAddress(xml: string): XmlBuyerAddress {
  const party = /<ram:BuyerTradeParty>([\s\S]*?)<\/ram:BuyerTradeParty>/.exec(xml)?.[1];
  const address = party === undefined ? undefined : /<ram:PostalTradeAddress>([\s\S]*?)<\/ram:PostalTradeAddress>/.exec(party)?.[1];
  if (address === undefined) throw new Error("the XML has no buyer address");
  const element = (name: string) => new RegExp(`<ram:${name}>([^<]*)</ram:${name}>`).exec(address)?.[1];
  return {
    lines: ["LineOne", "LineTwo", "LineThree"].map(element).filter((line): line is string => line !== undefined),
    postcode: element("PostcodeCode"),
    city: element("CityName"),
    country: element("CountryID"),
  };
}

describe(`O1 branch billing of contract months on ${testDatabaseKind()} (O1, T3, C8)`, () => {
  let worker: TestWorker;
  let database: DatabaseHandle;
  let smtp: CaptureSmtpServer;
  let context: WorkerContext;

  beforeAll(async () => {
    worker = await startTestWorker({ now: NOW });
    ({ database, smtp, context } = worker);
    const recordedAt = new Date("2026-10-20T09:00:00Z");
    for (const organization of [HAFEN, ZENTRAL, SPEDITION]) await insertOrganization(database.db, organization, recordedAt);
    const contracts = [
      contingentFor("ct-hafen-muenster", HAFEN.id, MUENSTER_BRANCH.id),
      contingentFor("ct-zentral-muenster", ZENTRAL.id, MUENSTER_BRANCH.id),
      contingentFor("ct-hafen-firma", HAFEN.id, null),
      contingentFor("ct-hafen-alt", HAFEN.id, null),
      contingentFor("ct-hafen-wien", HAFEN.id, WIEN_BRANCH.id),
      contingentFor("ct-spedition-wien", SPEDITION.id, WIEN_BRANCH.id),
      // A branch the customer record does not have (removed since, or never there).
      contingentFor("ct-hafen-geschlossen", HAFEN.id, "br-geschlossen"),
      HAFEN_RENTAL,
    ];
    for (const input of contracts) {
      const stored = await insertTestContract(database, input, recordedAt);
      if (input.kind === "contingent") await recordTestTimeEntries(database, stored, [work(input.id)], new Date("2026-11-12T16:00:00Z"));
      // A row as written before contracts named a branch: no `branchId` in the JSON at all.
      if (input.id === "ct-hafen-alt") await dropStoredBranchId(database, stored);
    }
    await insertSepaMandate(
      database.db,
      { id: "sm-hafen", organizationId: HAFEN.id, mandateReference: "HAFEN-2026-01", debtorIban: "DE89370400440532013000", debtorName: "Hafen Logistik GmbH", signedOn: "2026-10-15", createdBy: "staff-back-office" },
      recordedAt,
    );
    for (const item of await monthCloseJob.plan(context, NOW)) expect(await monthCloseJob.runItem(context, item, NOW)).toMatchObject({ status: "closed" });
  });
  afterAll(() => worker.close());

  async function invoiceOf(contractId: string): Promise<{ readonly document: StoredInvoice; readonly xml: string }> {
    const rows = await database.db.select({ document: schema.invoices.document, xml: schema.invoices.xml }).from(schema.invoices).where(eq(schema.invoices.sourceKey, `contingent:${contractId}:2026-11`));
    expect(rows).toHaveLength(1);
    const [row] = rows;
    if (row?.xml === null || row?.xml === undefined) throw new Error(`no finalized invoice of ${contractId}`);
    return { document: row.document as StoredInvoice, xml: row.xml };
  }

  async function invoicesOf(contractId: string): Promise<unknown[]> {
    return database.db.select({ id: schema.invoices.id }).from(schema.invoices).where(eq(schema.invoices.sourceKey, `contingent:${contractId}:2026-11`));
  }

  /** Handles the contract's `invoice-due` event and returns the mails it sent: the service report, then the invoice (C8). */
  async function billMonth(contractId: string): Promise<{ readonly report: CapturedMail; readonly invoice: CapturedMail }> {
    const before = smtp.mails.length;
    await redeliverToBillingHandler(context, await firstOutboxEvent(database, INVOICE_DUE_TOPIC, contractId));
    const [report, invoice, ...others] = smtp.mails.slice(before);
    expect(others).toEqual([]);
    if (report === undefined || invoice === undefined) throw new Error(`${contractId}: report or invoice mail missing`);
    expect([report.parsed.subject?.startsWith(`Servicebericht SR-${contractId}-2026-11`), invoice.parsed.subject?.startsWith("Rechnung ")]).toEqual([true, true]);
    return { report, invoice };
  }

  it("O1: pure: billingPartyOf gives the company, the separately billed branch (with its own VAT ID when it has one, else the organization's), or the head office with the organization's VAT ID and a note naming the branch as the customer record names it", () => {
    expect(billingPartyOf(HAFEN, { id: "ct-x", branchId: null })).toMatchObject({ buyer: { name: "Hafen Logistik GmbH", address: { lines: ["Industriestraße 4"], city: "Warendorf" } }, taxCountry: "DE", notes: [] });
    expect(billingPartyOf(HAFEN, { id: "ct-x", branchId: "br-wien" })).toMatchObject({
      buyer: { name: "Hafen Logistik GmbH", vatId: HAFEN_VAT_ID, address: { lines: ["Niederlassung Wien", "Kärntner Ring 12"], postcode: "1010", city: "Wien", countryCode: "AT" } },
      taxCountry: "AT",
      notes: [],
    });
    // A separately billed branch with its own VAT ID is the buyer with that ID; the company itself keeps the organization's.
    expect(billingPartyOf(SPEDITION, { id: "ct-x", branchId: "br-wien" })).toMatchObject({
      buyer: { name: "Hafen Spedition GmbH", vatId: WIEN_VAT_ID, address: { lines: ["Niederlassung Wien", "Kärntner Ring 12"], countryCode: "AT" } },
      taxCountry: "AT",
      notes: [],
    });
    expect(billingPartyOf(SPEDITION, { id: "ct-x", branchId: null }).buyer.vatId).toBe(HAFEN_VAT_ID);
    // Billed centrally, the head office is the buyer with the organization's VAT ID even when the branch has its own.
    const filialeWien: Organization = { ...ZENTRAL, branches: [{ ...WIEN_BRANCH, name: "Filiale Wien", vatId: WIEN_VAT_ID }] };
    expect(billingPartyOf(filialeWien, { id: "ct-x", branchId: "br-wien" })).toMatchObject({
      buyer: { vatId: HAFEN_VAT_ID, address: { lines: ["Industriestraße 4"], countryCode: "DE" } },
      taxCountry: "DE",
      notes: ["Leistungsempfänger: Filiale Wien, Kärntner Ring 12, 1010 Wien, AT."],
    });
    expect(() => billingPartyOf(HAFEN, { id: "ct-x", branchId: "br-nirgends" })).toThrow("O1: contract ct-x serves branch br-nirgends, which organization org-hafen (Hafen Logistik GmbH) does not have");
  });

  it("O1, T3, C8: billed separately, the Münster branch's contingent month goes to Niederlassung Münster, Hafenweg 3, 48155 Münster (XML BT-50..55, PDF, service report) at 19 % VAT", async () => {
    const { report, invoice } = await billMonth("ct-hafen-muenster");
    const { document, xml } = await invoiceOf("ct-hafen-muenster");
    expect(document.buyer).toMatchObject({ name: "Hafen Logistik GmbH", vatId: HAFEN_VAT_ID, address: { lines: ["Niederlassung Münster", "Hafenweg 3"], postcode: "48155", city: "Münster", countryCode: "DE" } });
    expect(xmlBuyerAddress(xml)).toEqual({ lines: ["Niederlassung Münster", "Hafenweg 3"], postcode: "48155", city: "Münster", country: "DE" });
    expect(document.notes.filter((note) => note.startsWith("Leistungsempfänger"))).toEqual([]);
    // T3, T5: a German billing address, 19 % of 950.00 = 180.50.
    expect(document.totals.vatBreakdown.map((entry) => [entry.category, entry.rate])).toEqual([["S", "19"]]);
    expect([moneyText(document.totals.lineNetTotal), moneyText(document.totals.taxTotal), moneyText(document.totals.grandTotal)]).toEqual(["950.00 EUR", "180.50 EUR", "1130.50 EUR"]);
    // The documents still go to the customer's one billing mail address (O1 names no other).
    expect([report.envelopeTo, invoice.envelopeTo]).toEqual([["rechnungen@org-hafen.example"], ["rechnungen@org-hafen.example"]]);

    const invoicePdf = await readPdfText(pdfOf(invoice));
    expect(invoicePdf).toContain("Hafen Logistik GmbH Niederlassung Münster Hafenweg 3 48155 Münster");
    expect(invoicePdf).not.toContain("Industriestraße 4");
    expect(invoicePdf).toContain("1.130,50");
    const reportPdf = await readPdfText(pdfOf(report));
    expect(reportPdf).toContain("Hafen Logistik GmbH Niederlassung Münster Hafenweg 3 48155 Münster");
    expect(reportPdf).not.toContain("Industriestraße 4");
    expect(reportPdf).toContain("Lagerscanner eingerichtet");
  });

  it("O1: billed centrally, the same month goes to the head office in Warendorf, and the invoice names the branch served: 'Leistungsempfänger: Niederlassung Münster, Hafenweg 3, 48155 Münster.'", async () => {
    const { report, invoice } = await billMonth("ct-zentral-muenster");
    const { document, xml } = await invoiceOf("ct-zentral-muenster");
    expect(document.buyer).toMatchObject({ name: "Zentral Handel GmbH", address: { lines: ["Industriestraße 4"], postcode: "48231", city: "Warendorf", countryCode: "DE" } });
    expect(xmlBuyerAddress(xml)).toEqual({ lines: ["Industriestraße 4"], postcode: "48231", city: "Warendorf", country: "DE" });
    const note = "Leistungsempfänger: Niederlassung Münster, Hafenweg 3, 48155 Münster.";
    expect(document.notes).toEqual(["Leistungsnachweis: Servicebericht SR-ct-zentral-muenster-2026-11, vorab per E-Mail zugestellt.", note]);
    // BT-22 in the XML and printed on the PDF.
    expect(xml).toContain(`<ram:Content>${note}</ram:Content>`);
    expect(await readPdfText(pdfOf(invoice))).toContain(note);
    expect(document.totals.vatBreakdown.map((entry) => [entry.category, entry.rate])).toEqual([["S", "19"]]);
    const reportPdf = await readPdfText(pdfOf(report));
    expect(reportPdf).toContain("Zentral Handel GmbH Industriestraße 4 48231 Warendorf");
    expect(reportPdf).not.toContain("Hafenweg 3");
  });

  it("O1: a contract of the company itself (no branch) is billed to the head office under separate billing too, unchanged; so is a stored contract without branchId", async () => {
    for (const contractId of ["ct-hafen-firma", "ct-hafen-alt"]) {
      const { report, invoice } = await billMonth(contractId);
      const { document, xml } = await invoiceOf(contractId);
      expect(document.buyer).toMatchObject({ name: "Hafen Logistik GmbH", address: { lines: ["Industriestraße 4"], postcode: "48231", city: "Warendorf", countryCode: "DE" } });
      expect(xmlBuyerAddress(xml)).toEqual({ lines: ["Industriestraße 4"], postcode: "48231", city: "Warendorf", country: "DE" });
      expect(document.notes).toEqual([`Leistungsnachweis: Servicebericht SR-${contractId}-2026-11, vorab per E-Mail zugestellt.`]);
      expect(document.totals.vatBreakdown.map((entry) => [entry.category, entry.rate])).toEqual([["S", "19"]]);
      expect(await readPdfText(pdfOf(invoice))).not.toContain("Münster");
      expect(await readPdfText(pdfOf(report))).toContain("Hafen Logistik GmbH Industriestraße 4 48231 Warendorf");
    }
  });

  it("O1, C8: the Münster branch's rental month, billed separately by direct debit, is addressed to Niederlassung Münster", async () => {
    const before = smtp.mails.length;
    await redeliverToBillingHandler(context, await firstOutboxEvent(database, BILLED_SEPARATELY_TOPIC, HAFEN_RENTAL.id));
    const [mail, ...others] = smtp.mails.slice(before);
    expect(others).toEqual([]);
    if (mail === undefined) throw new Error("no invoice mail");
    const { document, xml } = await invoiceOf(HAFEN_RENTAL.id);
    expect(document.source.paymentMeans.kind).toBe("sepa-direct-debit");
    expect(document.buyer).toMatchObject({ name: "Hafen Logistik GmbH", address: { lines: ["Niederlassung Münster", "Hafenweg 3"], postcode: "48155", city: "Münster", countryCode: "DE" } });
    expect(xmlBuyerAddress(xml)).toEqual({ lines: ["Niederlassung Münster", "Hafenweg 3"], postcode: "48155", city: "Münster", country: "DE" });
    // T5: 19 % of 1,250.00 = 237.50.
    expect([moneyText(document.totals.lineNetTotal), moneyText(document.totals.taxTotal)]).toEqual(["1250.00 EUR", "237.50 EUR"]);
    const pdf = await readPdfText(pdfOf(mail));
    expect(pdf).toContain("Hafen Logistik GmbH Niederlassung Münster Hafenweg 3 48155 Münster");
    expect(pdf).toContain("Mietpauschale November 2026");
  });

  it("O1, T3, T4: the separately billed branch in Wien (AT), without a VAT ID of its own, of a German organization with a German VAT ID is refused by determineTax (T4_VAT_ID_COUNTRY_MISMATCH: the DE VAT ID is not from AT, where the billing address is); the error names contract and branch, and no invoice or report is stored", async () => {
    const reportsBefore = await database.db.select({ id: schema.serviceReports.id }).from(schema.serviceReports);
    const mailsBefore = smtp.mails.length;
    const billing = redeliverToBillingHandler(context, await firstOutboxEvent(database, INVOICE_DUE_TOPIC, "ct-hafen-wien"));
    await expect(billing).rejects.toThrow(/No tax for contract ct-hafen-wien for branch br-wien \(Niederlassung Wien\) of organization org-hafen, billed separately \(O1\) \(billing address in AT\): T4_VAT_ID_COUNTRY_MISMATCH/);
    expect(await invoicesOf("ct-hafen-wien")).toEqual([]);
    // The handler's transaction is rolled back: the report stored and mailed first is gone too.
    expect(await database.db.select({ id: schema.serviceReports.id }).from(schema.serviceReports)).toEqual(reportsBefore);
    expect(smtp.mails.length).toBe(mailsBefore);
  });

  it("O1, T3: the separately billed branch in Wien with its own Austrian VAT ID (ATU13585627) is billed by reverse charge: 950.00 net, 0.00 VAT, the note and both VAT IDs (seller's and the branch's) in the stored invoice, the XML and the PDF", async () => {
    const { invoice } = await billMonth("ct-spedition-wien");
    const { document, xml } = await invoiceOf("ct-spedition-wien");
    expect(document.buyer).toMatchObject({ name: "Hafen Spedition GmbH", vatId: WIEN_VAT_ID, address: { lines: ["Niederlassung Wien", "Kärntner Ring 12"], postcode: "1010", city: "Wien", countryCode: "AT" } });
    expect(xmlBuyerAddress(xml)).toEqual({ lines: ["Niederlassung Wien", "Kärntner Ring 12"], postcode: "1010", city: "Wien", country: "AT" });
    // T3: reverse charge, 0 % with the §13b note (BT-120).
    expect([moneyText(document.totals.lineNetTotal), moneyText(document.totals.taxTotal), moneyText(document.totals.grandTotal)]).toEqual(["950.00 EUR", "0.00 EUR", "950.00 EUR"]);
    expect(document.totals.vatBreakdown.map((entry) => [entry.category, entry.rate, entry.exemptionReason?.includes("Steuerschuldnerschaft des Leistungsempfängers")])).toEqual([["AE", "0", true]]);
    // Both VAT IDs: the seller's (BT-31) and the branch's (BT-48), not the organization's German one.
    const sellerVatId = DEFAULT_BILLING_SETTINGS.seller.vatId ?? "seller VAT ID";
    expect([document.seller.vatId, document.buyer.vatId]).toEqual([sellerVatId, WIEN_VAT_ID]);
    const buyerParty = /<ram:BuyerTradeParty>([\s\S]*?)<\/ram:BuyerTradeParty>/.exec(xml)?.[1] ?? "";
    const sellerParty = /<ram:SellerTradeParty>([\s\S]*?)<\/ram:SellerTradeParty>/.exec(xml)?.[1] ?? "";
    expect(buyerParty).toContain(`<ram:ID schemeID="VA">${WIEN_VAT_ID}</ram:ID>`);
    expect(sellerParty).toContain(`<ram:ID schemeID="VA">${sellerVatId}</ram:ID>`);
    expect(xml).not.toContain(HAFEN_VAT_ID);
    expect(xml).toContain("Steuerschuldnerschaft des Leistungsempfängers");

    expect(invoice.envelopeTo).toEqual(["rechnungen@org-spedition.example"]);
    const pdf = await readPdfText(pdfOf(invoice));
    expect(pdf).toContain("Hafen Spedition GmbH Niederlassung Wien Kärntner Ring 12 1010 Wien");
    expect(pdf).toContain("Steuerschuldnerschaft des Leistungsempfängers");
    expect(pdf).toContain(WIEN_VAT_ID);
    expect(pdf).toContain(sellerVatId);
    expect(pdf).not.toContain(HAFEN_VAT_ID);
    expect(pdf).toContain("950,00");
  });

  it("O1: a contract serving a branch the customer record does not have fails with an error naming contract, branch and organization; nothing is stored or mailed", async () => {
    const mailsBefore = smtp.mails.length;
    await expect(redeliverToBillingHandler(context, await firstOutboxEvent(database, INVOICE_DUE_TOPIC, "ct-hafen-geschlossen"))).rejects.toThrow(
      "O1: contract ct-hafen-geschlossen serves branch br-geschlossen, which organization org-hafen (Hafen Logistik GmbH) does not have",
    );
    expect(await invoicesOf("ct-hafen-geschlossen")).toEqual([]);
    expect(await database.db.select({ id: schema.serviceReports.id }).from(schema.serviceReports).where(eq(schema.serviceReports.contractId, "ct-hafen-geschlossen"))).toEqual([]);
    expect(smtp.mails.length).toBe(mailsBefore);
  });
});

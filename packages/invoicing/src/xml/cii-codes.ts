import type { InvoiceType } from "../documents/invoice-input.js";

/** UNTDID 1001 document type codes (BT-3): invoice 380, credit note 381, corrected invoice 384. */
export const INVOICE_TYPE_CODES: Readonly<Record<InvoiceType, string>> = Object.freeze({
  invoice: "380",
  "credit-note": "381",
  "corrected-invoice": "384",
});

/** The CII profiles Kontor writes. */
export type CiiProfile = "xrechnung-3" | "en16931";

/** Specification identifier (BT-24) per profile. */
export const CII_GUIDELINE_IDS: Readonly<Record<CiiProfile, string>> = Object.freeze({
  "xrechnung-3": "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
  en16931: "urn:cen.eu:en16931:2017",
});

/** Business process type (BT-23) Kontor declares: the Peppol billing process. */
export const CII_BUSINESS_PROCESS_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

/** The namespaces of a UN/CEFACT Cross Industry Invoice (D16B), by prefix. */
export const CII_NAMESPACES = Object.freeze({
  rsm: "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
  ram: "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
  qdt: "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
  udt: "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
});

/** UNTDID 4461 payment means codes (BT-81): SEPA credit transfer 58, SEPA direct debit 59. */
export const PAYMENT_MEANS_CODES = Object.freeze({
  "sepa-credit-transfer": "58",
  "sepa-direct-debit": "59",
});

/** UNTDID 1001 code of a supporting document reference (BT-122): 916 "related document". */
export const SUPPORTING_DOCUMENT_TYPE_CODE = "916";

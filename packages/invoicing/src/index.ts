/**
 * `@kontor/invoicing`: invoices, credit notes and correction invoices with the content §14 UStG
 * requires, gap-free document numbering, EN 16931 e-invoices in UN/CEFACT CII syntax
 * (XRechnung 3) and PDF documents — invoice and credit note as PDF/A-3 with the embedded
 * `factur-x.xml`, order confirmation (L1), delivery note (L5) and service report (C8);
 * payments, open amounts and T6 late-payment claims of finalized invoices; SEPA direct debit
 * collection files (ISO 20022 pain.008.001.08) for invoices collected under a mandate (C8, T7);
 * bank statements (camt.053/camt.054) read and matched to invoices and collections (T6, C8).
 *
 * The default DejaVu fonts for the PDFs come from the subpath `@kontor/invoicing/fonts`.
 *
 * @packageDocumentation
 */
export { issue, type InvoicingErrorCode, type InvoicingIssue } from "./errors/invoicing-issue.js";
export { failure, success, type Result } from "./errors/result.js";
export { InvoicingError, unwrap } from "./errors/invoicing-error.js";

export {
  CREDIT_NOTE_NUMBER_SERIES,
  DELIVERY_NOTE_NUMBER_SERIES,
  INVOICE_NUMBER_SERIES,
  ORDER_CONFIRMATION_NUMBER_SERIES,
  numberSeriesSchema,
  type NumberSeries,
  type NumberSeriesInput,
} from "./numbering/number-series.js";
export {
  checkNumberSequence,
  formatDocumentNumber,
  isDocumentNumber,
  nextDocumentNumber,
  parseDocumentNumber,
  type DocumentNumberParts,
} from "./numbering/document-number.js";

export { isoDateSchema, isoMonthSchema, periodSchema, type IsoDate, type Period } from "./documents/iso-date.js";
export {
  buyerSchema,
  contactSchema,
  electronicAddressSchema,
  partySchema,
  postalAddressSchema,
  sellerSchema,
  vatIdSchema,
  type Buyer,
  type BuyerInput,
  type Contact,
  type ElectronicAddress,
  type Party,
  type PartyInput,
  type PostalAddress,
  type Seller,
  type SellerInput,
} from "./documents/party.js";
export {
  DEFAULT_VAT_EXEMPTIONS,
  VAT_CATEGORY_CODES,
  lineVatSchema,
  vatCategoryCodeSchema,
  type LineVat,
  type VatCategoryCode,
  type VatExemption,
} from "./documents/vat-category.js";
export {
  DEFAULT_UNIT_CODES,
  UNIT_CODES,
  correctionLineSchema,
  invoiceLineInputSchema,
  licensePurchaseLineSchema,
  monthlyContingentLineSchema,
  payPerUseLineSchema,
  rentalMonthLineSchema,
  timeAndMaterialLineSchema,
  travelLineSchema,
  unitCodeSchema,
  type InvoiceLine,
  type InvoiceLineInput,
  type InvoiceLineKind,
  type ParsedInvoiceLine,
  type UnitCode,
} from "./documents/invoice-line.js";
export {
  paymentMeansSchema,
  paymentTermsSchema,
  sepaCreditTransferSchema,
  sepaDirectDebitSchema,
  type SepaCreditTransferInput,
  type PaymentMeans,
  type PaymentMeansInput,
  type PaymentTerms,
  type PaymentTermsInput,
} from "./documents/payment.js";
export { billingSettingsSchema, type BillingSettings } from "./documents/billing-settings.js";
export { documentNumberSchema, serviceReportIdSchema } from "./documents/identifiers.js";
export { ibanProblem, ibanSchema, isValidIban, normalizeIban } from "./banking/iban.js";
export { bicSchema, isValidBic } from "./banking/bic.js";
export { isValidSepaCreditorId, sepaCreditorIdSchema } from "./banking/sepa-creditor-id.js";
export {
  INVOICE_TYPES,
  invoiceInputSchema,
  precedingInvoiceSchema,
  type InvoiceInput,
  type InvoiceType,
  type ParsedInvoiceInput,
  type PrecedingInvoice,
} from "./documents/invoice-input.js";
export type {
  DraftInvoice,
  FinalizedInvoice,
  InvoiceDocument,
  InvoiceDocumentContent,
  ResolvedPaymentTerms,
} from "./documents/invoice-document.js";
export { lineVatFromTaxDetermination } from "./documents/line-vat-from-tax.js";
export { composeInvoice, type ComposeInvoiceOptions } from "./documents/compose-invoice.js";
export { finalizeInvoice, finalizeOptionsSchema, type FinalizeOptions } from "./documents/finalize-invoice.js";
export { addInvoiceLines, redateInvoice, removeInvoiceLine, reviseInvoice } from "./documents/revise-invoice.js";
export {
  composeCreditNote,
  creditNoteInputSchema,
  earlierCreditNoteSchema,
  type ComposeCreditNoteOptions,
  type CreditNoteInput,
  type EarlierCreditNote,
} from "./documents/compose-credit-note.js";
export { PAYMENT_METHODS, type PaymentMethod } from "./payments/payment-method.js";
export { paymentInputSchema, type PaymentInput } from "./payments/payment-input.js";
export type { RecordedPayment } from "./payments/recorded-payment.js";
export { PAYMENT_REVERSAL_REASONS, type PaymentReversal, type PaymentReversalReason } from "./payments/payment-reversal.js";
export { paymentReversalInputSchema, type PaymentReversalInput } from "./payments/payment-reversal-input.js";
export type { InvoiceCredit } from "./payments/invoice-credit.js";
export { payableInvoiceOf, type PayableInvoice } from "./payments/payable-invoice.js";
export { invoiceBalance, type InvoiceBalance } from "./payments/invoice-balance.js";
export { recordPayment, type RecordPaymentContext } from "./payments/record-payment.js";
export { reversePayment, type ReversePaymentContext } from "./payments/reverse-payment.js";
export {
  latePaymentClaim,
  type LatePaymentClaim,
  type LatePaymentClaimOptions,
  type LatePaymentSegment,
} from "./payments/late-payment-claim.js";

export {
  SEPA_IDENTIFIER_MAX_LENGTH,
  SEPA_NAME_MAX_LENGTH,
  SEPA_REMITTANCE_MAX_LENGTH,
  sepaIdentifierIssue,
  sepaIdentifierProblem,
  sepaIdentifierSchema,
  sepaTextSchema,
  toSepaText,
} from "./direct-debit/sepa-text.js";
export { SEPA_SEQUENCE_TYPES, type SepaSequenceType } from "./direct-debit/sepa-sequence-type.js";
export {
  directDebitCollectionSchema,
  sepaAmountSchema,
  type DirectDebitCollection,
  type DirectDebitCollectionInput,
} from "./direct-debit/direct-debit-collection.js";
export {
  directDebitCollectionOf,
  type DirectDebitCollectionContext,
  type DirectDebitInvoice,
  type DirectDebitMandate,
} from "./direct-debit/collection-of-invoice.js";
export { PAIN_008_CODES, PAIN_008_NAMESPACE } from "./direct-debit/pain008-codes.js";
export { sepaDirectDebitFileInputSchema, type SepaDirectDebitFileInput } from "./direct-debit/sepa-direct-debit-file-input.js";
export type { SepaDirectDebitFile, SepaPaymentInformation } from "./direct-debit/sepa-direct-debit-file.js";
export { writeSepaDirectDebitFile } from "./direct-debit/write-sepa-direct-debit-file.js";

export type {
  BankEntry,
  BankParty,
  BankStatement,
  BankStatementFile,
  BankTransaction,
  BankTransactionCode,
} from "./bank-statements/bank-statement-file.js";
export { readBankStatementFile } from "./bank-statements/read-bank-statement-file.js";
export { documentNumbersIn } from "./bank-statements/document-numbers-in.js";
export { invoiceNumbersOfTransaction } from "./bank-statements/invoice-numbers-of-transaction.js";
export {
  BANK_NOT_APPLICABLE_CODES,
  BANK_REVIEW_CODES,
  type BankNotApplicableCode,
  type BankReviewCode,
} from "./bank-statements/bank-match-codes.js";
export type {
  BankMatchKnowledge,
  BankPaymentAllocation,
  BankTransactionMatch,
  CollectionToMatch,
  InvoiceToMatch,
  PendingCollectionToMatch,
} from "./bank-statements/bank-transaction-match.js";
export { matchBankTransaction } from "./bank-statements/match-bank-transaction.js";

export type { InvoiceTotals, VatBreakdownEntry } from "./totals/invoice-totals.js";
export { calculateInvoiceTotals, type TotalsLine } from "./totals/calculate-invoice-totals.js";

export {
  CII_GUIDELINE_IDS,
  CII_NAMESPACES,
  INVOICE_TYPE_CODES,
  type CiiProfile,
} from "./xml/cii-codes.js";
export { ciiInvoiceElement, writeCiiInvoice, type CiiOptions } from "./xml/write-cii-invoice.js";
export {
  el,
  escapeXmlAttribute,
  escapeXmlText,
  serializeXml,
  text,
  type XmlChild,
  type XmlElement,
} from "./xml/xml-writer.js";

export {
  addresseeSchema,
  composeOrderConfirmation,
  orderConfirmationInputSchema,
  orderItemSchema,
  type Addressee,
  type OrderConfirmation,
  type OrderConfirmationInput,
  type OrderItem,
} from "./documents/order-confirmation.js";
export {
  composeDeliveryNote,
  deliveredLicenseSchema,
  deliveryNoteInputSchema,
  type DeliveredLicense,
  type DeliveryNote,
  type DeliveryNoteInput,
} from "./documents/delivery-note.js";
export {
  composeServiceReport,
  serviceEntrySchema,
  serviceReportInputSchema,
  type ServiceEntry,
  type ServiceReport,
  type ServiceReportInput,
} from "./documents/service-report.js";

export type { DocumentLanguage, PdfFonts, PdfRenderOptions } from "./pdf/pdf-fonts.js";
export { FACTURX_CONFORMANCE_LEVELS, FACTURX_FILE_NAME } from "./pdf/facturx-metadata.js";
export { renderInvoicePdf, type InvoicePdfOptions } from "./pdf/render-invoice-pdf.js";
export { renderOrderConfirmationPdf } from "./pdf/render-order-confirmation-pdf.js";
export { renderDeliveryNotePdf } from "./pdf/render-delivery-note-pdf.js";
export { renderServiceReportPdf } from "./pdf/render-service-report-pdf.js";


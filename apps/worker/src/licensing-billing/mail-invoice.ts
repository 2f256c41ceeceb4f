import type { KontorTransaction } from "@kontor/db";
import type { Organization } from "@kontor/ticketing";
import { invoiceMailKey } from "../billing/bill-contract-month.js";
import { billingRecipientOf } from "../billing/billing-customer.js";
import type { BillingSettings } from "../billing/billing-settings.js";
import { sendMailOnce } from "../mail-out/send-mail-once.js";
import type { WorkerContext } from "../worker-context.js";
import type { IssuedInvoice } from "./issue-sourced-invoice.js";

/** What an invoice mail says besides the PDF: the subject's topic and the sentence naming what is billed. */
export interface InvoiceMailText {
  /** After `Rechnung <number> – `, e.g. `Auftrag 4711` or `März 2026`. */
  readonly subjectTopic: string;
  /** The body's sentence after the greeting. */
  readonly billed: string;
}

/**
 * Mails an invoice's PDF to the customer's billing address once per invoice (dedupe key
 * `invoice-mail:<invoiceId>`, as month-end billing does). Call it in a transaction run by the
 * outbox delivery: the mail goes out after the commit.
 *
 * @returns `true` when it is being sent now, `false` when it had been sent already
 */
export async function mailInvoiceOnce(
  tx: KontorTransaction,
  context: WorkerContext,
  settings: BillingSettings,
  organization: Organization,
  invoice: IssuedInvoice,
  text: InvoiceMailText,
  outboxId?: number,
): Promise<boolean> {
  return sendMailOnce(
    tx,
    context,
    {
      dedupeKey: invoiceMailKey(invoice.id),
      from: { address: context.settings.mail.supportAddress, name: context.settings.mail.supportName },
      to: [billingRecipientOf(organization)],
      subject: `Rechnung ${invoice.number} – ${text.subjectTopic}`,
      text: ["Guten Tag,", "", text.billed, "", "Mit freundlichen Grüßen", settings.seller.name].join("\n"),
      headers: {},
      attachments: [{ filename: `${invoice.number}.pdf`, contentType: "application/pdf", content: invoice.pdf }],
    },
    outboxId,
  );
}

import { headerValue, type ParsedMail } from "./parsed-mail.js";

/** Why a mail counts as machine-generated (K4). */
export interface AutomatedMailFinding {
  /** `K4_BOUNCE` for delivery failures, `K4_AUTO_REPLY` for everything else automatic. */
  readonly code: "K4_BOUNCE" | "K4_AUTO_REPLY";
  /** Which signal decided it, for people reading the intake log. */
  readonly signal: string;
}

// All patterns are compiled once here; detection runs for every inbound mail.
const MULTIPART_REPORT = /^\s*multipart\/report\b/i;
const DELIVERY_STATUS = /report-type\s*=\s*"?delivery-status/i;
const BOUNCE_LOCAL_PART = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)(?:@|$)/i;
const NULL_RETURN_PATH = /^\s*<\s*>\s*$/;
const PRECEDENCE_AUTOMATED = /^\s*(?:bulk|junk|list|auto_reply)\s*$/i;
// Exchange puts `All` or `OOF, AutoReply` (also `DR`, `NDR`) on what it generates itself. `RN`
// and `NRN` alone only suppress read receipts and appear on ordinary client mail.
const SUPPRESS_AUTOMATED = /\b(?:all|oof|autoreply|dr|ndr)\b/i;
const AUTO_REPLY_SUBJECT =
  /^\s*(?:automatic reply|automatische antwort|autoreply|auto-reply|out of office|abwesenheitsnotiz|abwesend|r[ée]ponse automatique|undeliverable|unzustellbar|delivery status notification|mail delivery failed|returned mail)\s*:/i;
const BOUNCE_SUBJECT = /^\s*(?:undeliverable|unzustellbar|delivery status notification|mail delivery failed|returned mail)\b/i;

/** Headers whose mere presence marks an auto-responder (values vary by vendor). */
const AUTO_REPLY_HEADERS = ["x-autoreply", "x-autorespond", "x-autoresponder", "x-auto-reply"] as const;

/**
 * Exchange/Outlook out-of-office and inbox-rule markers. `x-ms-exchange-inbox-rules-loop` is set
 * when a mailbox rule generated or forwarded the mail; the others mark OOF replies.
 */
const EXCHANGE_AUTO_HEADERS = [
  "x-ms-exchange-inbox-rules-loop",
  "x-ms-exchange-generated-message-source",
  "x-ms-exchange-organization-autoreplytype",
] as const;

/**
 * Detects bounces and auto-replies (K4) from headers, content type, sender and subject. Cheap:
 * a handful of map reads and anchored regexes, no allocation beyond the finding.
 *
 * Signals, in order: `multipart/report` (delivery-status = bounce; other reports such as read
 * receipts = auto-reply), MAILER-DAEMON/postmaster sender, `Auto-Submitted` other than `no`,
 * `Precedence: bulk/junk/list/auto_reply`, `X-Auto-Response-Suppress`, `X-Autoreply`/
 * `X-Autorespond`, Exchange headers, an "Automatic reply:"/"Automatische Antwort:" subject, and
 * last an empty Return-Path `<>` (RFC 3834 asks responders to send with a null sender).
 */
export function detectAutomatedMail(mail: ParsedMail): AutomatedMailFinding | undefined {
  const headers = mail.headers;
  if (MULTIPART_REPORT.test(mail.contentType)) {
    return DELIVERY_STATUS.test(mail.contentType)
      ? { code: "K4_BOUNCE", signal: "Content-Type: multipart/report; report-type=delivery-status" }
      : { code: "K4_AUTO_REPLY", signal: "Content-Type: multipart/report" };
  }
  const sender = mail.from?.address ?? "";
  if (BOUNCE_LOCAL_PART.test(sender)) return { code: "K4_BOUNCE", signal: `From: ${sender}` };

  const autoSubmitted = headerValue(headers, "auto-submitted");
  if (autoSubmitted !== undefined) {
    const keyword = (autoSubmitted.split(";")[0] ?? "").trim().toLowerCase();
    // RFC 3834: anything but "no" is automatic, including unknown future keywords.
    if (keyword !== "no") return { code: "K4_AUTO_REPLY", signal: `Auto-Submitted: ${keyword}` };
  }
  const precedence = headerValue(headers, "precedence");
  if (precedence !== undefined && PRECEDENCE_AUTOMATED.test(precedence)) {
    return { code: "K4_AUTO_REPLY", signal: `Precedence: ${precedence.trim()}` };
  }
  const suppress = headerValue(headers, "x-auto-response-suppress");
  if (suppress !== undefined && SUPPRESS_AUTOMATED.test(suppress)) {
    return { code: "K4_AUTO_REPLY", signal: `X-Auto-Response-Suppress: ${suppress.trim()}` };
  }
  for (const name of AUTO_REPLY_HEADERS) {
    if (headers[name] !== undefined) return { code: "K4_AUTO_REPLY", signal: name };
  }
  for (const name of EXCHANGE_AUTO_HEADERS) {
    if (headers[name] !== undefined) return { code: "K4_AUTO_REPLY", signal: name };
  }
  if (AUTO_REPLY_SUBJECT.test(mail.subject)) {
    return BOUNCE_SUBJECT.test(mail.subject)
      ? { code: "K4_BOUNCE", signal: `Subject: ${mail.subject}` }
      : { code: "K4_AUTO_REPLY", signal: `Subject: ${mail.subject}` };
  }
  const returnPath = headerValue(headers, "return-path");
  if (returnPath !== undefined && NULL_RETURN_PATH.test(returnPath)) return { code: "K4_BOUNCE", signal: "Return-Path: <>" };
  return undefined;
}

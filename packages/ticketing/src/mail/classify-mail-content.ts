import type { TicketKind } from "../tickets/ticket-classification.js";
import type { AccountManager } from "../organizations/organization.js";

// Only the subject and the first characters of the body are read: the decision must stay cheap
// for long mails, and the signals are in the greeting and subject anyway.
const HEAD_CHARS = 400;

// K2: messages meant for a person (the account manager), not the service desk.
const PERSONAL_NOTE_SUBJECT =
  /(?:\bz\.\s?hd\.?|\bzu\s+händen\b|\battn\.?(?:\s|:)|\bfao\b|\bkundenbetreuer(?:in)?\b|\baccount\s+manager\b)/i;
const PERSONAL_NOTE_BODY =
  /\b(?:bitte\s+(?:an|weiterleiten\s+an)\s+(?:herrn?|frau)\s|an\s+(?:meinen|meine|unseren|unsere|ihren|ihre|den|die)\s+kundenbetreuer(?:in)?\b|(?:note|message)\s+for\s+(?:my\s+|our\s+|the\s+)?account\s+manager\b|f(?:ür|uer)\s+(?:meinen|meine|unseren|unsere|ihren|ihre|den|die)\s+kundenbetreuer(?:in)?\b)/i;
const GREETING = /^\s*(?:hallo|hi|hey|guten\s+(?:morgen|tag|abend)|sehr\s+geehrte[rs]?|liebe[rs]?|moin|servus|dear|hello|good\s+(?:morning|afternoon))\b[^\n]{0,80}/i;

// K1: request keywords (Anforderung); incidents win when both appear, since the support address
// exists for Störungen.
const REQUEST_WORDS =
  /\b(?:anforderung|bestellung|bestellen|angebot|anfrage|neue[rnms]?\s+(?:benutzer|mitarbeiter(?:in)?|arbeitsplatz|lizenz(?:en)?|postfach|laptop|notebook)|einrichten|einrichtung|freischalten|anlegen|bitte\s+um|request|please\s+(?:set\s+up|create|order)|new\s+(?:user|employee|laptop|mailbox)|onboarding|offboarding)\b/i;
const INCIDENT_WORDS =
  /\b(?:störung|stoerung|ausfall|ausgefallen|fehler|fehlermeldung|geht\s+nicht|funktioniert\s+nicht|defekt|absturz|abgestürzt|kein(?:en)?\s+zugriff|nicht\s+erreichbar|down|error|failed|fehlgeschlagen|outage|broken|not\s+working|voll(?:gelaufen)?)\b/i;

function head(text: string): string {
  return text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
}

function lastName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return (parts[parts.length - 1] ?? "").toLowerCase();
}

/**
 * K2: whether a new (not threaded) mail to the support address is a note for a person rather than
 * an incident or request: a subject like "z. Hd. Herrn Schulte"/"Für meinen Kundenbetreuer", a
 * body asking to pass it on, or a greeting that addresses the account manager by name. Such mail
 * is kept and marked unprocessed, never turned into a ticket.
 *
 * @returns a short explanation, or `undefined` when the mail is a ticket candidate
 */
export function personalNoteSignal(subject: string, text: string, accountManager: AccountManager | undefined): string | undefined {
  if (PERSONAL_NOTE_SUBJECT.test(subject)) return "subject addresses a person";
  const start = head(text);
  if (PERSONAL_NOTE_BODY.test(start)) return "body asks to pass the message on";
  if (accountManager !== undefined) {
    const greeting = GREETING.exec(start);
    const name = lastName(accountManager.name);
    if (greeting !== null && name.length > 1 && greeting[0].toLowerCase().includes(name)) {
      return `greeting addresses the account manager ${accountManager.name}`;
    }
  }
  return undefined;
}

/** K1: incident or request, guessed from subject and the start of the body; dispatch can correct it. */
export function guessTicketKind(subject: string, text: string): TicketKind {
  const start = head(text);
  if (INCIDENT_WORDS.test(subject) || INCIDENT_WORDS.test(start)) return "incident";
  if (REQUEST_WORDS.test(subject) || REQUEST_WORDS.test(start)) return "request";
  return "incident";
}

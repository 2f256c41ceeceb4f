// Markers of a quoted earlier message: Outlook (de/en), Gmail/Thunderbird ("On … wrote:",
// "Am … schrieb …:"), and the classic separators. Compiled once (K3 intake hot path).
const QUOTE_START =
  /^(?:-{2,}\s*(?:original message|ursprüngliche nachricht|urspr\. nachricht)\s*-{2,}|_{10,}|(?:von|from):\s.+\n(?:gesendet|sent):\s|on\s.{1,200}\swrote:|am\s.{1,200}\sschrieb\s.{0,200}:|>\s)/im;
const TAGS = /<[^>]*>/g;
const SCRIPT_STYLE = /<(script|style)\b[\s\S]*?<\/\1>/gi;
const ENTITY_NBSP = /&nbsp;/gi;
const WHITESPACE_RUNS = /[ \t]+/g;
const BLANK_LINES = /\n{3,}/g;

/** Plain text of an HTML body: good enough for a comment, not a renderer. */
export function htmlToText(html: string): string {
  return html
    .replace(SCRIPT_STYLE, "")
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, "\n")
    .replace(TAGS, "")
    .replace(ENTITY_NBSP, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(WHITESPACE_RUNS, " ")
    .replace(BLANK_LINES, "\n\n")
    .trim();
}

/**
 * The new part of a reply: everything before the first quote marker (K3 appends only what the
 * customer wrote, not our whole earlier mail again). Returns the full text when nothing is quoted.
 */
export function stripQuotedReply(text: string): string {
  const match = QUOTE_START.exec(text);
  if (match === null) return text.trim();
  const head = text.slice(0, match.index).trim();
  return head.length > 0 ? head : text.trim();
}

/** The body as text: the text part, or the HTML part converted, or `""`. */
export function bodyText(text: string | undefined, html: string | undefined): string {
  if (text !== undefined && text.trim().length > 0) return text;
  return html === undefined ? "" : htmlToText(html);
}

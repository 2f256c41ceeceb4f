import { createHash, randomBytes } from "node:crypto";

/**
 * SHA-256 of a token secret, hex. Tokens carry 256 random bits, so a fast hash is enough: no
 * dictionary exists to try, and a leaked table still yields no usable token.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** A new random token secret with a recognisable prefix (`kontor_at_…`), for secret scanners. */
export function newSecret(prefix: "at" | "lt" | "ms"): string {
  return `kontor_${prefix}_${randomBytes(32).toString("base64url")}`;
}

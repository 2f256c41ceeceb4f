import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * The data key secrets are sealed with: SHA-256 of `KONTOR_DATA_KEY`. Without the variable a
 * fixed development key is used, so an embedded install works out of the box; production
 * deployments set their own (rotating it needs re-sealing, not done yet).
 */
function dataKey(): Buffer {
  return createHash("sha256").update(process.env.KONTOR_DATA_KEY ?? "kontor-development-data-key", "utf8").digest();
}

const PREFIX = "v1:";

/**
 * Seals a customer secret (a license key, L13) with AES-256-GCM: `v1:` + base64url of IV, tag and
 * ciphertext. What is stored in the database or the outbox is never the plain secret.
 */
export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", dataKey(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** Opens a value of {@link sealSecret}; throws when it was tampered with or sealed under another key. */
export function openSecret(sealed: string): string {
  if (!sealed.startsWith(PREFIX)) throw new Error("not a sealed secret");
  const raw = Buffer.from(sealed.slice(PREFIX.length), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", dataKey(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const PREFIX = "v1:";

let configured: Buffer | undefined;
/** The HMAC key of {@link createKeyedHash}, derived from the data key it was made for. */
let keyedHashKey: { readonly dataKey: Buffer; readonly key: Buffer } | undefined;
/** Tests run without configuring: one random key per process, never a fixed, known one. */
let ephemeral: Buffer | undefined;

/**
 * Sets the data key secrets are sealed with (SHA-256 of `secret`). Processes call it once at
 * start, through {@link configureDataKeyFromEnvironment}.
 */
export function configureDataKey(secret: string): void {
  if (secret.length < 16) throw new Error("The data key must have at least 16 characters");
  configured = createHash("sha256").update(secret, "utf8").digest();
}

/**
 * The data key of a process: `KONTOR_DATA_KEY`; else, for the embedded database, a random key
 * kept in `keyFile` (created with mode 0600 on the first start, so the same install opens its
 * secrets again); a server-mode process without `KONTOR_DATA_KEY` refuses to start.
 */
export function configureDataKeyFromEnvironment(env: Readonly<Record<string, string | undefined>>, options: { readonly keyFile?: string }): "environment" | "key-file" {
  const fromEnv = env.KONTOR_DATA_KEY;
  if (fromEnv !== undefined && fromEnv !== "") {
    configureDataKey(fromEnv);
    return "environment";
  }
  if (options.keyFile === undefined) {
    throw new Error("KONTOR_DATA_KEY is not set: with DATABASE_URL every process needs the same data key (at least 16 characters) to seal and open license keys");
  }
  if (!existsSync(options.keyFile)) {
    mkdirSync(dirname(options.keyFile), { recursive: true });
    writeFileSync(options.keyFile, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  configureDataKey(readFileSync(options.keyFile, "utf8").trim());
  return "key-file";
}

function dataKey(): Buffer {
  if (configured !== undefined) return configured;
  if (process.env.VITEST !== undefined) return (ephemeral ??= randomBytes(32));
  throw new Error("No data key configured: call configureDataKeyFromEnvironment at process start");
}

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

/**
 * A keyed SHA-256 (HMAC) under a key derived from the data key: for fingerprints of requests
 * that may hold secrets (a password, a credential), stored to recognise a repeated request. A
 * plain hash of a weak secret could be guessed offline from the stored value; without the data
 * key this one cannot. Equal inputs give equal digests in every process of an install.
 */
export function createKeyedHash(): ReturnType<typeof createHmac> {
  const key = dataKey();
  if (keyedHashKey?.dataKey !== key) {
    keyedHashKey = { dataKey: key, key: createHash("sha256").update("kontor:keyed-hash\0").update(key).digest() };
  }
  return createHmac("sha256", keyedHashKey.key);
}

import { customType } from "drizzle-orm/pg-core";

/** Decodes PostgreSQL's hex text form (`\x255044…`), should a driver hand bytea over as text. */
function fromHex(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text.startsWith("\\x") ? text.slice(2) : text, "hex"));
}

/**
 * A `bytea` column as `Uint8Array`. node-postgres returns a `Buffer` and PGlite a `Uint8Array`;
 * both are normalized to a plain `Uint8Array` view, and both drivers accept a `Buffer` to write.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array | string }>({
  dataType() {
    return "bytea";
  },
  toDriver(value: Uint8Array): Uint8Array {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  },
  fromDriver(value: Uint8Array | string): Uint8Array {
    if (typeof value === "string") return fromHex(value);
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  },
});

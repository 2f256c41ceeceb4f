import { z } from "zod";

/** A software vendor whose products are resold (Atlassian, Microsoft, …). */
export interface Vendor {
  readonly id: string;
  readonly name: string;
}

/** zod schema of a {@link Vendor}. */
export const vendorSchema = z.object({ id: z.string().min(1), name: z.string().min(1) }).strict();

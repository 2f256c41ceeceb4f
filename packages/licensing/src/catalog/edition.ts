import { z } from "zod";

/** How a product is run: self-managed on the customer's `server` or `data-center`, or vendor-hosted `cloud`. */
export const EDITIONS = ["server", "data-center", "cloud"] as const;

/** A product edition; see {@link EDITIONS}. */
export type Edition = (typeof EDITIONS)[number];

/** zod schema of an {@link Edition}. */
export const editionSchema = z.enum(EDITIONS);

/** Whether an edition is self-managed, i.e. licensed by key (L5, L13, L17). Cloud has no key. */
export function isSelfManaged(edition: Edition): boolean {
  return edition !== "cloud";
}

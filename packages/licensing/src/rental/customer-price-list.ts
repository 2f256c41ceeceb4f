import { type Money, moneySchema } from "@kontor/money";
import { z } from "zod";

/** M1: the prices a customer pays per user and month, where they differ from the list price. */
export interface CustomerPriceList {
  readonly customerId: string;
  readonly prices: readonly { readonly productId: string; readonly pricePerUser: Money }[];
}

const customerPriceListObjectSchema = z
  .object({
    customerId: z.string().min(1),
    prices: z.array(z.object({ productId: z.string().min(1), pricePerUser: moneySchema }).strict()),
  })
  .strict();

/** zod schema of a {@link CustomerPriceList}. */
export const customerPriceListSchema: z.ZodType<CustomerPriceList, z.input<typeof customerPriceListObjectSchema>> =
  customerPriceListObjectSchema;

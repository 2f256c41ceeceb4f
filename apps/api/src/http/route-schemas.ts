import { z } from "zod";

/** Path parameter `id`. */
export const idParamsSchema = z.object({ id: z.string().min(1).max(100) });

/** Responses of 201/200 bodies that only confirm. */
export const acceptedSchema = z.object({ accepted: z.literal(true) });

/** Money in responses: `{ "amount": "119.00", "currency": "EUR" }`. */
export const moneyResponseSchema = z.object({ amount: z.string(), currency: z.string() });

/** ISO instant in responses. */
export const instantSchema = z.iso.datetime({ offset: true });

import { z } from "zod";

/** zod schema of a field error inside a problem document. */
export const problemFieldErrorSchema = z.object({
  path: z.string().meta({ example: "body.email" }),
  pointer: z.string().meta({ example: "/email" }),
  code: z.string(),
  message: z.string(),
});

/** zod schema of an RFC 9457 problem document, as every error response is documented. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().optional(),
    errors: z.array(problemFieldErrorSchema).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details (application/problem+json)" });

/** The error responses every authenticated route documents. */
export const standardErrorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
  429: problemSchema,
} as const;

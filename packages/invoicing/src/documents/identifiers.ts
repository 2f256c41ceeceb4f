import { z } from "zod";

/** zod schema of a document number as printed: letters, digits and `-_/.`, at most 35 characters. */
export const documentNumberSchema = z
  .string()
  .regex(/^[A-Za-z0-9\-_/.]{1,35}$/, "Document numbers use letters, digits and -_/. (at most 35)");

/**
 * zod schema of a service-report ID (C8): the same characters as a document number, because
 * it is printed in titles and PDF metadata.
 */
export const serviceReportIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9\-_/.]{1,100}$/, "Service-report IDs use letters, digits and -_/.");

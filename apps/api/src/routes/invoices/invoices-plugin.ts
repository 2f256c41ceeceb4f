import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { invoiceDocumentRoutes } from "./invoice-document-routes.js";
import { invoicePaymentRoutes } from "./invoice-payment-routes.js";
import { invoiceRoutes } from "./invoice-routes.js";

/** Every invoice route: drafts, finalization, credit notes, the stored PDF and XML, and payments. */
export const invoicesRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  await app.register(invoiceRoutes, deps);
  await app.register(invoiceDocumentRoutes, deps);
  await app.register(invoicePaymentRoutes, deps);
};

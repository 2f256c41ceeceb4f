import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";

/** Goods receipts: assets recorded before delivery and the pick-and-pack ticket (K9, K11). */
export const goodsReceiptsRoutes: FastifyPluginAsyncZod<ApiDeps> = async () => {};

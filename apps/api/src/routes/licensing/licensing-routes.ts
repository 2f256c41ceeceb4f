import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../../app/api-deps.js";
import { catalogRoutes } from "./catalog-routes.js";
import { licenseRefundRoutes } from "./license-refund-routes.js";
import { licenseRoutes } from "./license-routes.js";
import { orderRoutes } from "./order-routes.js";
import { priceListRoutes } from "./price-list-routes.js";
import { quoteRoutes } from "./quote-routes.js";
import { rentalRoutes } from "./rental-routes.js";

/** Every licensing route (L*, M*): catalog, quotes, orders, licenses, refunds, rentals, customer price lists. */
export const licensingRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  await app.register(catalogRoutes, deps);
  await app.register(quoteRoutes, deps);
  await app.register(orderRoutes, deps);
  await app.register(licenseRoutes, deps);
  await app.register(licenseRefundRoutes, deps);
  await app.register(rentalRoutes, deps);
  await app.register(priceListRoutes, deps);
};

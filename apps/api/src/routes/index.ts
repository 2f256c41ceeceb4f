import type { FastifyInstance } from "fastify";
import type { ApiDeps } from "../app/api-deps.js";
import { assetsRoutes } from "./assets/assets-routes.js";
import { authRoutes } from "./auth/auth-routes.js";
import { billingSettingsRoutes } from "./billing-settings/billing-settings-routes.js";
import { LICENSING_POLICY_DOMAIN } from "./installation-policies/domains/licensing-policy-domain.js";
import { installationPoliciesRoutes } from "./installation-policies/installation-policies-routes.js";
import { credentialsRoutes } from "./credentials/credentials-routes.js";
import { goodsReceiptsRoutes } from "./goods-receipts/goods-receipts-routes.js";
import { healthRoutes } from "./health.js";
import { inboundMailRoutes } from "./inbound-mails/inbound-mail-routes.js";
import { seatsRoutes } from "./seats/seats-routes.js";
import { contingentRoutes } from "./contingent/contingent-routes.js";
import { usageRoutes } from "./contingent/usage-routes.js";
import { invoicesRoutes } from "./invoices/invoices-plugin.js";
import { licensingRoutes } from "./licensing/licensing-routes.js";
import { organizationRoutes } from "./organizations/organization-routes.js";
import { portalUserRoutes } from "./organizations/portal-user-routes.js";
import { sepaMandateRoutes } from "./organizations/sepa-mandate-routes.js";
import { quoteRoutes } from "./terms/quote-routes.js";
import { serviceDeskRoutes } from "./tickets/service-desk-routes.js";
import { serviceReportRoutes } from "./service-reports/service-report-routes.js";

/** Every route plugin of the API. Each domain registers itself here with one line. */
export async function registerRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  await app.register(healthRoutes, deps);
  await app.register(authRoutes, deps);
  await app.register(organizationRoutes, deps);
  await app.register(portalUserRoutes, deps);
  await app.register(serviceDeskRoutes, deps);
  await app.register(licensingRoutes, deps);
  await app.register(quoteRoutes, deps);
  await app.register(invoicesRoutes, deps);
  await app.register(seatsRoutes, deps);
  await app.register(contingentRoutes, deps);
  await app.register(assetsRoutes, deps);
  await app.register(inboundMailRoutes, deps);
  await app.register(credentialsRoutes, deps);
  await app.register(goodsReceiptsRoutes, deps);
  await app.register(billingSettingsRoutes, deps);
  await app.register(installationPoliciesRoutes(LICENSING_POLICY_DOMAIN), deps);
  await app.register(serviceReportRoutes, deps);
  await app.register(usageRoutes, deps);
  await app.register(sepaMandateRoutes, deps);
}

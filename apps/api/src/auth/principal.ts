import type { Actor } from "@kontor/ticketing";

/** Who sent an authenticated request. */
export interface Principal {
  readonly userId: string;
  readonly credentialId: string;
  readonly email: string;
  /** The actor `can()` decides on (K10). */
  readonly actor: Actor;
  /** The organization a portal user belongs to; `undefined` for staff, who serve every customer. */
  readonly organizationId: string | undefined;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the authentication hook on every non-public route. */
    principal: Principal | undefined;
  }
  interface FastifyContextConfig {
    /** The route needs no API token (health, docs, login, monitoring intake with its own key). */
    public?: boolean;
  }
}

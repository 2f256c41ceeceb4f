import { randomBytes } from "node:crypto";
import { insertAccessCredential, insertCredentialAccessRequest, type Executor } from "@kontor/db";
import type { DemoTimeline } from "./demo-timeline.js";

/** What {@link seedDemoCredentials} stored. */
export interface DemoCredentials {
  readonly credentialIds: readonly string[];
  readonly accessRequestIds: readonly string[];
}

/**
 * K12: the admin login of Müller GmbH's firewall, recorded by the technician, and Müller's
 * portal manager's pending request to see it, so the dispatcher has one to approve. The
 * password is random per install (a demo must not ship a known password) and stored sealed.
 */
export async function seedDemoCredentials(
  tx: Executor,
  timeline: DemoTimeline,
  who: { readonly muellerId: string; readonly technicianId: string; readonly muellerPortalUserId: string | undefined },
): Promise<DemoCredentials> {
  const credential = await insertAccessCredential(
    tx,
    {
      id: "demo-credential-firewall",
      organizationId: who.muellerId,
      assetId: "demo-asset-firewall",
      label: "Firewall Zentrale – Admin-Zugang",
      username: "admin",
      secret: randomBytes(18).toString("base64url"),
      createdBy: who.technicianId,
    },
    timeline.at(timeline.previousMonthStart, 11),
  );
  if (who.muellerPortalUserId === undefined) return { credentialIds: [credential.id], accessRequestIds: [] };
  const request = await insertCredentialAccessRequest(
    tx,
    {
      id: "demo-credential-request-anna",
      credentialId: credential.id,
      portalUserId: who.muellerPortalUserId,
      reason: "Unser neuer Dienstleister für die Videoüberwachung braucht eine Portfreigabe.",
    },
    timeline.now,
  );
  return { credentialIds: [credential.id], accessRequestIds: [request.id] };
}

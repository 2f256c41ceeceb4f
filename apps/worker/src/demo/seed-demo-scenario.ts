import { findOrganization, findUserByEmail, insertOrganization, type DatabaseHandle, type Executor } from "@kontor/db";
import type { Organization } from "@kontor/ticketing";
import { seedDemoAssets } from "./demo-assets.js";
import { seedDemoCredentials } from "./demo-credentials.js";
import { seedDemoCatalog } from "./demo-catalog.js";
import { seedDemoContingent } from "./demo-contingent.js";
import { seedDemoLicenses } from "./demo-licenses.js";
import { seedDemoLicensingPolicies } from "./demo-licensing-policies.js";
import { seedDemoManagedServices } from "./demo-managed-services.js";
import { KANZLEI } from "./demo-organization.js";
import { seedDemoPriceList } from "./demo-price-list.js";
import { seedDemoPurchaseOrder } from "./demo-purchase-order.js";
import { seedDemoRentalContract } from "./demo-rental-contract.js";
import { seedDemoRentals } from "./demo-rentals.js";
import { seedDemoStaff } from "./demo-staff.js";
import { seedDemoTickets, type DemoTicketKey } from "./demo-tickets.js";
import { demoTimeline } from "./demo-timeline.js";

/** The organizations `seedDemoData` of `@kontor/api` loads before the scenario. */
const MUELLER_ID = "org-mueller";
const BAECKEREI_ID = "org-baeckerei";
const MUELLER_PORTAL_MANAGER = "anna.becker@mueller-gmbh.de";
/** The administrator `seedDemoData` creates; stands in for the account manager who agrees prices (M1). */
const DEMO_ADMIN = "admin@kontor.demo";

/** What the demo scenario loaded, or found loaded (`created: false`, ids empty, counts 0). */
export interface DemoScenarioSummary {
  /** `false` when an earlier start loaded the scenario already and nothing was added. */
  readonly created: boolean;
  /** The third organization, also the scenario's marker. */
  readonly organizationId: string;
  readonly licenseIds: readonly string[];
  readonly rentalIds: readonly string[];
  readonly contractId: string | undefined;
  readonly timeEntries: number;
  /** Ticket ids by their role in the story. */
  readonly ticketIds: Partial<Record<DemoTicketKey, string>>;
  /** The license order waiting to be purchased since `purchaseDueOn` (before today: overdue, L3). */
  readonly overdueOrder: { readonly id: string; readonly purchaseDueOn: string } | undefined;
  /** Müller GmbH's assets (K11) and maintenance plans (K9). */
  readonly assetIds: readonly string[];
  readonly planIds: readonly string[];
  /** Müller GmbH's stored firewall login and Anna's pending request to see it (K12). */
  readonly credentialIds: readonly string[];
  readonly accessRequestIds: readonly string[];
  /** The tax office's managed-services contract (C9) and its usage records of last and this month. */
  readonly managedServicesContractId: string | undefined;
  readonly usageRecordIds: readonly string[];
  /** Bäckerei Schmidt's rental flat rate (C1) and the SEPA mandate it is collected under (C8, T7). */
  readonly rentalContractId: string | undefined;
  readonly mandateId: string | undefined;
  /** The version of Müller GmbH's customer price list (M1); 0 when nothing was loaded. */
  readonly priceListVersion: number;
  /** The version of the installation's licensing policies with the Adobe demo policy (P1); 0 when nothing was loaded. */
  readonly licensingPoliciesVersion: number;
}

async function requiredOrganization(executor: Executor, id: string): Promise<Organization> {
  const row = await findOrganization(executor, id);
  if (row === undefined) throw new Error(`demo scenario: organization ${id} is missing; run seedDemoData first`);
  return row.record as Organization;
}

/**
 * Loads the demo scenario on top of `seedDemoData` (which must have run), relative to `now` in
 * Europe/Berlin: a third customer (a tax office with a German VAT ID, T3/T4), a catalog of
 * Atlassian, Microsoft and Adobe products, licenses of which two are due for a renewal reminder
 * (L15), two Microsoft 365 rentals active this month (M1–M6), Müller GmbH's 10-hour contingent
 * with ten time entries in last and this month (C2, C5, C6), six tickets across the K1 workflow,
 * a license order overdue for purchase (L3), Müller GmbH's firewall (its UTM subscription runs
 * out in 20 days, K11), NAS and monthly backup check (K9), and the firewall's admin login with
 * Müller's pending request to see it (K12).
 *
 * Three more contracts and prices give month-end billing something to show, each running since
 * the 1st of last month, so the first month close after the start closes last month and the
 * next month end closes this one:
 * - the tax office's managed services billed pay-per-use, with usage recorded for last and this
 *   month (C9: protected devices, backup servers, backup storage);
 * - Bäckerei Schmidt's rental flat rate of 1,250.00 EUR a month with an active SEPA mandate
 *   signed last month, so each month is billed separately and collected by direct debit (C8, T7);
 * - Müller GmbH's customer price list: Microsoft 365 Business Standard at 10.90 EUR per user
 *   instead of the list price (M1).
 *
 * The installation's licensing policies are the shipped defaults plus an Adobe demo vendor policy
 * (P1; demo values, not Adobe's terms), so the catalog's Adobe product can be quoted and ordered.
 *
 * Everything goes through the domain packages and is stored as the API stores it, in one
 * transaction: a failed start leaves nothing behind and the next one tries again. Runs once: when
 * the tax office exists, it returns at once and adds nothing.
 */
export async function seedDemoScenario(database: DatabaseHandle, now: Date): Promise<DemoScenarioSummary> {
  return database.db.transaction(async (tx) => {
    if ((await findOrganization(tx, KANZLEI.id)) !== undefined) {
      return {
        created: false,
        organizationId: KANZLEI.id,
        licenseIds: [],
        rentalIds: [],
        contractId: undefined,
        timeEntries: 0,
        ticketIds: {},
        overdueOrder: undefined,
        assetIds: [],
        planIds: [],
        credentialIds: [],
        accessRequestIds: [],
        managedServicesContractId: undefined,
        usageRecordIds: [],
        rentalContractId: undefined,
        mandateId: undefined,
        priceListVersion: 0,
        licensingPoliciesVersion: 0,
      };
    }
    const timeline = demoTimeline(now);
    const mueller = await requiredOrganization(tx, MUELLER_ID);
    const baeckerei = await requiredOrganization(tx, BAECKEREI_ID);
    await insertOrganization(tx, KANZLEI, timeline.at(timeline.previousMonthStart, 9));
    const staff = await seedDemoStaff(tx, now);
    const catalog = await seedDemoCatalog(tx, now);
    const admin = await findUserByEmail(tx, DEMO_ADMIN);
    if (admin === undefined) throw new Error(`demo scenario: user ${DEMO_ADMIN} is missing; run seedDemoData first`);
    // P1: the shipped defaults plus an Adobe demo policy, so the catalog's Adobe product can be quoted.
    const licensing = await seedDemoLicensingPolicies(tx, timeline, admin.id);

    const licenseIds = await seedDemoLicenses(tx, catalog, timeline, { mueller: mueller.id, kanzlei: KANZLEI.id });
    const rentalIds = await seedDemoRentals(tx, catalog, licensing.policies, timeline, { baeckerei, kanzlei: KANZLEI });
    const overdueOrder = await seedDemoPurchaseOrder(tx, catalog, licensing.policies, timeline, KANZLEI);
    const muellerPortalUserId = (await findUserByEmail(tx, MUELLER_PORTAL_MANAGER))?.id;
    const tickets = await seedDemoTickets(tx, timeline, {
      muellerId: mueller.id,
      baeckereiId: baeckerei.id,
      kanzleiId: KANZLEI.id,
      muellerPortalUserId,
      staff,
    });
    const contingent = await seedDemoContingent(tx, timeline, mueller.id, staff.technicianName, {
      onboarding: tickets.onboarding.number,
      printer: tickets.printer.number,
      vpn: tickets.vpn.number,
    });
    const assets = await seedDemoAssets(tx, timeline, mueller.id);
    const credentials = await seedDemoCredentials(tx, timeline, { muellerId: mueller.id, technicianId: staff.technicianId, muellerPortalUserId });
    const managedServices = await seedDemoManagedServices(tx, timeline, KANZLEI.id, staff.backOfficeId);
    const rentalContract = await seedDemoRentalContract(tx, timeline, baeckerei, staff.backOfficeId);
    const priceListVersion = await seedDemoPriceList(tx, catalog, timeline, mueller.id, admin.id);
    return {
      created: true,
      organizationId: KANZLEI.id,
      licenseIds,
      rentalIds,
      contractId: contingent.contractId,
      timeEntries: contingent.timeEntries,
      ticketIds: Object.fromEntries(Object.entries(tickets).map(([key, row]) => [key, row.id])),
      overdueOrder,
      ...assets,
      ...credentials,
      managedServicesContractId: managedServices.contractId,
      usageRecordIds: managedServices.usageRecordIds,
      rentalContractId: rentalContract.contractId,
      mandateId: rentalContract.mandateId,
      priceListVersion,
      licensingPoliciesVersion: licensing.version,
    };
  });
}

import { insertContract, insertSepaMandate, type Executor } from "@kontor/db";
import { openAccount, parseContract } from "@kontor/contingent";
import { ibanSchema } from "@kontor/invoicing";
import type { Organization } from "@kontor/ticketing";
import { demoValue } from "./demo-result.js";
import type { DemoTimeline } from "./demo-timeline.js";

/** Id of the bakery's demo rental flat rate. */
export const DEMO_RENTAL_CONTRACT_ID = "demo-baeckerei-mietpauschale";

/** The bakery's SEPA mandate: reference, and the test IBAN of the Bundesbank's examples (valid check digits). */
export const DEMO_MANDATE = { id: "demo-mandate-baeckerei", reference: "KONTOR-MANDAT-0001", iban: "DE89370400440532013000" } as const;

/** What the rental part of the scenario created. */
export interface DemoRentalContract {
  readonly contractId: string;
  readonly mandateId: string;
}

/**
 * Concludes the bakery's rental flat rate (C1: all IT rented for one monthly price, 1,250.00 EUR)
 * from the 1st of last month and records the direct-debit mandate the bakery signed that day (C8,
 * T7: 14 days' pre-notification, the default), as `POST /v1/organizations/:id/sepa-mandates` does
 * (IBAN checked, stored sealed). The month close bills each month separately and collects it
 * under this mandate with the installation's creditor ID. The terms list no response times, so
 * the tickets' reaction times stay the default ones (K7).
 */
export async function seedDemoRentalContract(executor: Executor, timeline: DemoTimeline, customer: Organization, recordedBy: string): Promise<DemoRentalContract> {
  const contract = demoValue(
    parseContract({
      kind: "rental-flat-rate",
      id: DEMO_RENTAL_CONTRACT_ID,
      customerId: customer.id,
      startDate: timeline.previousMonthStart,
      terms: {
        purpose: "Mietpauschale: Arbeitsplätze, Kassensysteme der Filialen, Server und Netzwerk",
        serviceHours: "Mo–Sa 06:00–18:00",
        backupResponsibility: "provider",
        rates: [
          { workType: "remote-support", description: "Fernwartung", hourlyRate: "95.00" },
          { workType: "on-site-service", description: "Vor-Ort-Service", hourlyRate: "110.00" },
        ],
        travel: { kind: "included" },
        accountManager: { name: "Sabrina Bruns", email: "kundenbetreuung@kontor.demo", phone: "+49 221 987650" },
      },
      monthlyPrice: "1250.00",
    }),
    "the rental flat rate",
  );
  await insertContract(executor, { id: contract.id, organizationId: customer.id, kind: contract.kind, contract, account: openAccount(contract) }, timeline.at(timeline.previousMonth(1), 9));
  const mandate = await insertSepaMandate(
    executor,
    {
      id: DEMO_MANDATE.id,
      organizationId: customer.id,
      mandateReference: DEMO_MANDATE.reference,
      debtorIban: ibanSchema.parse(DEMO_MANDATE.iban),
      debtorName: customer.name,
      signedOn: timeline.previousMonthStart,
      createdBy: recordedBy,
    },
    timeline.at(timeline.previousMonth(1), 10),
  );
  return { contractId: contract.id, mandateId: mandate.id };
}

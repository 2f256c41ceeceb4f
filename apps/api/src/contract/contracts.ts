import { organizationsContract } from "../routes/organizations/organizations.contract.js";
import { licensingContract } from "../routes/licensing/licensing.contract.js";
import { invoicesContract } from "../routes/invoices/invoices.contract.js";
import { termsContract } from "../routes/terms/terms.contract.js";
import { seatsContract } from "../routes/seats/seats.contract.js";
import { contingentContract } from "../routes/contingent/contingent.contract.js";
import { consumptionContract } from "../routes/contingent/consumption.contract.js";
import { ticketsContract } from "../routes/tickets/tickets.contract.js";
import { assetsContract } from "../routes/assets/assets.contract.js";
import { inboundMailsContract } from "../routes/inbound-mails/inbound-mails.contract.js";
import { credentialsContract } from "../routes/credentials/credentials.contract.js";
import { goodsReceiptsContract } from "../routes/goods-receipts/goods-receipts.contract.js";
import { billingSettingsContract } from "../routes/billing-settings/billing-settings.contract.js";
import { contingentPoliciesContract } from "../routes/installation-policies/contingent-policies.contract.js";
import { licensingPoliciesContract } from "../routes/installation-policies/licensing-policies.contract.js";
import { seatPoliciesContract } from "../routes/installation-policies/seat-policies.contract.js";
import { termsPoliciesContract } from "../routes/installation-policies/terms-policies.contract.js";
import { ticketingPoliciesContract } from "../routes/installation-policies/ticketing-policies.contract.js";
import { serviceReportsContract } from "../routes/service-reports/service-reports.contract.js";
import { sepaMandatesContract } from "../routes/organizations/sepa-mandates.contract.js";
import { directDebitsContract } from "../routes/direct-debits/direct-debits.contract.js";
import { bankStatementsContract } from "../routes/bank-statements/bank-statements.contract.js";
import type { EndpointContract } from "../testing/endpoint-contract.js";

/** Every route module's contract cases. Each domain adds its contract here with one line. */
export const CONTRACTS: readonly EndpointContract[] = [organizationsContract, licensingContract, termsContract, invoicesContract, seatsContract, contingentContract, consumptionContract, ticketsContract, assetsContract, inboundMailsContract, credentialsContract, goodsReceiptsContract, billingSettingsContract, licensingPoliciesContract, contingentPoliciesContract, seatPoliciesContract, termsPoliciesContract, ticketingPoliciesContract, serviceReportsContract, sepaMandatesContract, directDebitsContract, bankStatementsContract];

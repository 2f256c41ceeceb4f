import { estimateSettlement, determineTax, latePaymentInterest, netDueDate, paymentMethodEligibility, validateVatId } from "@kontor/terms";
import { calendarIdSchema } from "@kontor/calendar";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DateTime } from "luxon";
import type { ApiDeps } from "../../app/api-deps.js";
import { unwrap } from "../../http/domain-result.js";
import { badRequest, fieldError } from "../../http/problem.js";
import { standardErrorResponses } from "../../http/problem-schema.js";
import { installationTermsPolicies } from "../installation-policies/domains/terms-policy-domain.js";
import { plainJson } from "./plain-json.js";
import { quoteOrganization } from "./quote-organization.js";
import {
  dueDateQuoteBodySchema,
  dueDateQuoteSchema,
  paymentMethodsQuoteBodySchema,
  paymentMethodsQuoteSchema,
  taxQuoteBodySchema,
  taxQuoteSchema,
} from "./quote-schemas.js";

/**
 * Payment-method, tax and due-date quotes (`@kontor/terms`, T1–T7): pure computations for an
 * amount, a day and optionally a customer. Nothing is stored; `asOf` defaults to the clock.
 * Every rule runs under the installation's terms policies (P1: `PUT /v1/terms-policies`, else
 * the shipped defaults), read once per request.
 */
export const quoteRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.post(
    "/v1/quotes/payment-methods",
    {
      schema: {
        tags: ["quotes"],
        summary: "Payment methods an order may use (T1) and when each would settle (T2)",
        body: paymentMethodsQuoteBodySchema,
        response: { 200: paymentMethodsQuoteSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { body } = request;
      const organization = await quoteOrganization(deps, request, body.organizationId);
      const zone = body.zone ?? organization?.zone;
      const asOf = body.asOf ?? DateTime.fromJSDate(deps.clock.now(), { zone: zone ?? "Europe/Berlin" });
      // P1: T1 methods and T2 clearing times of the installation's payment-terms history.
      const payment = { policies: (await installationTermsPolicies(deps.database.db)).paymentTerms };
      const eligibility = unwrap(
        paymentMethodEligibility(
          { order: body.order, asOf, ...(zone === undefined ? {} : { zone }), ...(body.exchangeRates === undefined ? {} : { exchangeRates: body.exchangeRates }) },
          payment,
        ),
      );
      const settlements = eligibility.allowed.map((offer) =>
        unwrap(
          estimateSettlement(
            {
              method: offer.method,
              startedAt: body.startedAt ?? asOf,
              ...(zone === undefined ? {} : { zone }),
              ...(body.calendar === undefined ? {} : { calendar: body.calendar }),
            },
            payment,
          ),
        ),
      );
      return plainJson({ eligibility, settlements });
    },
  );

  app.post(
    "/v1/quotes/tax",
    {
      schema: {
        tags: ["quotes"],
        summary: "How a supply is taxed (T3), with every VAT ID checked first (T4)",
        body: taxQuoteBodySchema,
        response: { 200: taxQuoteSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { organizationId, contacts: given, ...body } = request.body;
      const organization = await quoteOrganization(deps, request, organizationId);
      const contacts = given ?? (organization === undefined ? undefined : { billing: { address: { country: organization.address.country } } });
      if (contacts === undefined) throw badRequest(fieldError("body", ["contacts"], "required", "is required unless organizationId names the customer"));
      // T4: a VAT ID that is given is checked before use, whatever the treatment turns out to be.
      if (body.seller.vatId !== undefined) unwrap(validateVatId(body.seller.vatId, ["seller", "vatId"]));
      if (body.buyer.vatId !== undefined) unwrap(validateVatId(body.buyer.vatId, ["buyer", "vatId"]));
      const zone = body.zone ?? organization?.zone;
      const asOf = body.asOf ?? DateTime.fromJSDate(deps.clock.now(), { zone: zone ?? "Europe/Berlin" });
      // P1, T3: the installation's tax-determining address rules and VAT and sales-tax tables.
      const policies = await installationTermsPolicies(deps.database.db);
      const tax = { taxPolicies: policies.tax, vatRateTables: policies.vatRateTables, usSalesTaxTables: policies.usSalesTaxTables };
      return plainJson(unwrap(determineTax({ ...body, asOf, contacts, ...(zone === undefined ? {} : { zone }) }, tax)));
    },
  );

  app.post(
    "/v1/quotes/due-date",
    {
      schema: {
        tags: ["quotes"],
        summary: "Net due date with §193 BGB (T1) and, for a late payment, interest and flat fee (T6)",
        body: dueDateQuoteBodySchema,
        response: { 200: dueDateQuoteSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { body } = request;
      const organization = await quoteOrganization(deps, request, body.organizationId);
      const zone = body.zone ?? organization?.zone;
      // The customer's calendar is the place of performance of a money debt (§269, §270 BGB).
      const customerCalendar = calendarIdSchema.safeParse(organization?.calendarId);
      const calendar = body.calendar ?? (customerCalendar.success ? customerCalendar.data : undefined);
      // P1: T1 net days and T6 base rates of the installation's histories.
      const policies = await installationTermsPolicies(deps.database.db);
      const due = unwrap(
        netDueDate(
          {
            invoiceDate: body.invoiceDate,
            ...(zone === undefined ? {} : { zone }),
            ...(body.netDays === undefined ? {} : { netDays: body.netDays }),
            ...(calendar === undefined ? {} : { calendar }),
          },
          { policies: policies.paymentTerms },
        ),
      );
      const late = body.latePayment;
      // Interest runs from the first day of default, the day after the due date (T6).
      const firstDayOfDefault = DateTime.fromISO(due.dueDate, { zone: "UTC" }).plus({ days: 1 }).toISODate() ?? due.dueDate;
      const latePayment =
        late === undefined || late.paidOn < firstDayOfDefault
          ? null
          : unwrap(
              latePaymentInterest(
                { principal: late.principal, from: firstDayOfDefault, until: late.paidOn, ...(late.debtor === undefined ? {} : { debtor: late.debtor }) },
                { policies: policies.latePayment },
              ),
            );
      return plainJson({ dueDate: due, latePayment });
    },
  );
};

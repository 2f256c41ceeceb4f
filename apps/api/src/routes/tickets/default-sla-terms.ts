import { createSlaTerms, type Organization, type SlaTarget, type SlaTerms, type SlaTermsInput } from "@kontor/ticketing";
import { unwrap } from "../../http/domain-result.js";

const WEEKDAY = [{ start: "08:00", end: "17:00" }];

/** Default business hours: Monday to Friday 08:00–17:00 (in the organization's zone). */
export const DEFAULT_WEEKLY_HOURS: SlaTermsInput["businessHours"]["weekly"] = { mon: WEEKDAY, tue: WEEKDAY, wed: WEEKDAY, thu: WEEKDAY, fri: WEEKDAY };

/** Default `normal` target: first response within 4, resolution within 18 business hours. */
export const DEFAULT_NORMAL_TARGET: SlaTarget = { firstResponseMinutes: 240, resolutionMinutes: 1080 };

/**
 * K7 fallback reaction times for a customer without a contract that lists response times (and the
 * source of the gaps a contract leaves, see `contractSlaTerms`): business hours Monday to Friday
 * 08:00–17:00 in the organization's zone and holiday calendar, first response within 4 and
 * resolution within 18 business hours for every priority (the README example of
 * `@kontor/ticketing`). The SLA job and the statistics use `contractSlaTerms`, which returns these
 * only when no contract in force on the ticket's day has response times.
 */
export function defaultSlaTerms(organization: Organization): SlaTerms {
  return unwrap(
    createSlaTerms({
      // Validated by `createSlaTerms`: an unknown calendar is its rule violation, not ours.
      calendar: organization.calendarId as SlaTermsInput["calendar"],
      businessHours: { zone: organization.zone, weekly: DEFAULT_WEEKLY_HOURS },
      targets: { normal: DEFAULT_NORMAL_TARGET },
    }),
  );
}

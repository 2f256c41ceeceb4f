import { createSlaTerms, type Organization, type SlaTerms, type SlaTermsInput } from "@kontor/ticketing";
import { unwrap } from "../../http/domain-result.js";

const WEEKDAY = [{ start: "08:00", end: "17:00" }];

/**
 * K7 reaction times used for statistics until contracts carry their own: business hours
 * Monday to Friday 08:00–17:00 in the organization's zone and holiday calendar, first response
 * within 4 and resolution within 18 business hours (the README example of `@kontor/ticketing`).
 */
export function defaultSlaTerms(organization: Organization): SlaTerms {
  return unwrap(
    createSlaTerms({
      // Validated by `createSlaTerms`: an unknown calendar is its rule violation, not ours.
      calendar: organization.calendarId as SlaTermsInput["calendar"],
      businessHours: { zone: organization.zone, weekly: { mon: WEEKDAY, tue: WEEKDAY, wed: WEEKDAY, thu: WEEKDAY, fri: WEEKDAY } },
      targets: { normal: { firstResponseMinutes: 240, resolutionMinutes: 1080 } },
    }),
  );
}

import type { Contract, ResponseTime } from "@kontor/contingent";
import { findContractsOfOrganizations, type Executor } from "@kontor/db";
import {
  createSlaTerms,
  type Organization,
  type SlaTarget,
  type SlaTerms,
  type SlaTermsInput,
  type TicketPriority,
} from "@kontor/ticketing";
import { DateTime } from "luxon";
import { unwrap } from "../../http/domain-result.js";
import { contractOf } from "../contingent/contract-store.js";
import { DEFAULT_NORMAL_TARGET, DEFAULT_WEEKLY_HOURS, defaultSlaTerms } from "./default-sla-terms.js";

/*
 * K7 reaction times from the customer's cooperation agreement and contracts (C1, seed 004).
 *
 * Which contracts count: every contract of the organization in force on the ticket's day (the
 * day the ticket was opened, in the organization's zone: `startDate <= day <= endDate`) whose
 * terms list response times. Every C1 kind carries the cooperation terms, so a customer with a
 * cooperation agreement and a contingent has two sets of response times.
 *
 * Several contracts in force: per priority the strictest (smallest) first-response and the
 * strictest resolution target win, and the business hours are the union of their service hours.
 * Seed 004 calls the cooperation agreement "das gemeinsame Minimum" that every further contract
 * ("Sie wollen mehr?") builds on: a contract adds promises, it never takes one back, so the
 * customer may rely on the best target any of them gives. The cooperation agreement therefore
 * has no precedence of its own; it simply is one of the promises.
 *
 * Gaps are filled from {@link defaultSlaTerms} (Mon–Fri 08:00–17:00, normal 4 h / 18 h):
 * - no contract in force with response times: the default terms as a whole;
 * - no parseable service hours in any counted contract: the default hours;
 * - no `normal` target in any counted contract: the default `normal` target (`createSlaTerms`
 *   needs one; priorities without a target fall back to `normal` there);
 * - a priority without a resolution target (`resolutionBusinessMinutes: null`): 18 business
 *   hours, but never less than that priority's first-response target.
 */

/** Contracts per organization id, as {@link loadContractsOfOrganizations} returns them. */
export type ContractsByOrganization = ReadonlyMap<string, readonly Contract[]>;

/**
 * The contracts of the given organizations, grouped by organization, in ONE query (no query per
 * organization: the SLA job handles the tickets of many customers per run).
 */
export async function loadContractsOfOrganizations(executor: Executor, organizationIds: readonly string[]): Promise<Map<string, Contract[]>> {
  const grouped = new Map<string, Contract[]>();
  for (const row of await findContractsOfOrganizations(executor, organizationIds)) {
    const list = grouped.get(row.organizationId) ?? [];
    list.push(contractOf(row));
    grouped.set(row.organizationId, list);
  }
  return grouped;
}

type WeekdayKey = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
const WEEKDAYS: readonly WeekdayKey[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/** Opening intervals per weekday in minutes after midnight, `[start, end)`. */
type WeeklyMinutes = Readonly<Record<WeekdayKey, readonly (readonly [number, number])[]>>;

// Longest spellings first so that "mon" is not read as "mo" + "n".
const DAY_NAMES: readonly (readonly [string, WeekdayKey])[] = [
  ["montag", "mon"], ["monday", "mon"], ["mon", "mon"], ["mo", "mon"],
  ["dienstag", "tue"], ["tuesday", "tue"], ["tues", "tue"], ["tue", "tue"], ["di", "tue"],
  ["mittwoch", "wed"], ["wednesday", "wed"], ["wed", "wed"], ["mi", "wed"],
  ["donnerstag", "thu"], ["thursday", "thu"], ["thurs", "thu"], ["thu", "thu"], ["do", "thu"],
  ["freitag", "fri"], ["friday", "fri"], ["fri", "fri"], ["fr", "fri"],
  ["samstag", "sat"], ["sonnabend", "sat"], ["saturday", "sat"], ["sat", "sat"], ["sa", "sat"],
  ["sonntag", "sun"], ["sunday", "sun"], ["sun", "sun"], ["so", "sun"],
];
const DAY = `(?:${DAY_NAMES.map(([name]) => name).join("|")})\\.?(?![a-zäöü])`;
const DAY_SPEC = `(?:täglich|daily|${DAY}(?:\\s*(?:-|,|/|&|\\+|und|and)\\s*${DAY})*)`;
const TIME = `\\d{1,2}(?:[:.]\\d{2})?`;
const TIME_RANGE = `${TIME}\\s*-\\s*${TIME}`;
const TIMES = `${TIME_RANGE}(?:\\s*(?:,|/|&|\\+|und|and)\\s*${TIME_RANGE})*`;
const SEGMENT = new RegExp(`^\\s*(${DAY_SPEC})\\s*:?\\s*(${TIMES})\\s*(?:[,;]|und|and)?`);
const AROUND_THE_CLOCK = /^\s*(?:24\s*\/\s*7|24\s*x\s*7|rund um die uhr|around the clock)\s*$/;

function dayOf(word: string): WeekdayKey | undefined {
  const bare = word.replace(/\.$/, "");
  return DAY_NAMES.find(([name]) => name === bare)?.[1];
}

function daysOf(spec: string): WeekdayKey[] | undefined {
  if (spec === "täglich" || spec === "daily") return [...WEEKDAYS];
  const days: WeekdayKey[] = [];
  for (const match of spec.matchAll(new RegExp(`(${DAY})(?:\\s*-\\s*(${DAY}))?`, "g"))) {
    const from = dayOf(match[1] ?? "");
    const to = match[2] === undefined ? from : dayOf(match[2]);
    if (from === undefined || to === undefined) return undefined;
    // A range may wrap the week ("Fr-Mo").
    for (let i = WEEKDAYS.indexOf(from); ; i = (i + 1) % 7) {
      days.push(WEEKDAYS[i] as WeekdayKey);
      if (WEEKDAYS[i] === to) break;
    }
  }
  return days.length === 0 ? undefined : days;
}

function minuteOf(time: string): number | undefined {
  const [hours = "", minutes = "00"] = time.split(/[:.]/);
  const h = Number(hours);
  const m = Number(minutes);
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return undefined;
  return h * 60 + m;
}

function rangesOf(times: string): [number, number][] | undefined {
  const ranges: [number, number][] = [];
  for (const match of times.matchAll(new RegExp(`(${TIME})\\s*-\\s*(${TIME})`, "g"))) {
    const start = minuteOf(match[1] ?? "");
    const end = minuteOf(match[2] ?? "");
    if (start === undefined || end === undefined || end <= start) return undefined;
    ranges.push([start, end]);
  }
  return ranges;
}

function emptyWeek(): Record<WeekdayKey, (readonly [number, number])[]> {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
}

/** Sorted, non-overlapping intervals: touching or overlapping ones are joined (the calendar rejects overlaps). */
function mergeRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Reads the free-text service hours of cooperation terms (`serviceHours`, e.g.
 * `"Mo–Fr 08:00–17:00"`, `"Mo-Do 8-17 Uhr, Fr 8-14 Uhr"`, `"Mon–Fri 08:00–12:00 und 13:00–17:00"`,
 * `"24/7"`) as weekly opening intervals. The text is the one the customer signed, so it is read
 * completely or not at all: anything not understood gives `undefined` (and the caller falls back
 * to the default hours) rather than a half-read schedule.
 *
 * @returns minutes after midnight per weekday, or `undefined` for empty or unreadable text
 */
export function parseServiceHours(text: string): WeeklyMinutes | undefined {
  let rest = text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+bis\s+/g, "-")
    .replace(/\buhr\b|\bh\b/g, " ")
    .trim();
  if (rest === "") return undefined;
  if (AROUND_THE_CLOCK.test(rest)) {
    const week = emptyWeek();
    for (const day of WEEKDAYS) week[day].push([0, 1440]);
    return week;
  }
  const week = emptyWeek();
  while (rest.trim() !== "") {
    const match = SEGMENT.exec(rest);
    if (match === null) return undefined;
    const days = daysOf(match[1] ?? "");
    const ranges = rangesOf(match[2] ?? "");
    if (days === undefined || ranges === undefined) return undefined;
    for (const day of days) week[day].push(...ranges);
    rest = rest.slice(match[0].length);
  }
  for (const day of WEEKDAYS) week[day] = mergeRanges(week[day]);
  return week;
}

const HH_MM = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

function weeklyInput(week: WeeklyMinutes): SlaTermsInput["businessHours"]["weekly"] {
  const weekly: Partial<Record<WeekdayKey, { start: string; end: string }[]>> = {};
  for (const day of WEEKDAYS) {
    if (week[day].length > 0) weekly[day] = week[day].map(([start, end]) => ({ start: HH_MM(start), end: HH_MM(end) }));
  }
  return weekly;
}

/** Whether a contract is in force on `day` (`YYYY-MM-DD`; ISO dates compare as strings). */
function inForce(contract: Contract, day: string): boolean {
  return contract.startDate <= day && (contract.endDate === null || day <= contract.endDate);
}

/** The contracts that decide the K7 terms of `day`: in force and with response times. */
function slaContractsOn(contracts: readonly Contract[], day: string): Contract[] {
  return contracts.filter((contract) => inForce(contract, day) && contract.terms.responseTimes.length > 0);
}

const PRIORITIES: readonly TicketPriority[] = ["low", "normal", "high", "critical"];

function strictestTargets(responseTimes: readonly ResponseTime[]): SlaTermsInput["targets"] {
  const targets: Partial<Record<TicketPriority, SlaTarget>> = {};
  for (const priority of PRIORITIES) {
    const agreed = responseTimes.filter((time) => time.priority === priority);
    if (agreed.length === 0) continue;
    const firstResponseMinutes = Math.min(...agreed.map((time) => time.firstResponseBusinessMinutes));
    const resolutions = agreed.flatMap((time) => (time.resolutionBusinessMinutes === null ? [] : [time.resolutionBusinessMinutes]));
    const resolutionMinutes = resolutions.length > 0 ? Math.min(...resolutions) : Math.max(DEFAULT_NORMAL_TARGET.resolutionMinutes, firstResponseMinutes);
    targets[priority] = { firstResponseMinutes, resolutionMinutes };
  }
  return { ...targets, normal: targets.normal ?? DEFAULT_NORMAL_TARGET };
}

/**
 * K7: the reaction times of an organization on `day`, from its contracts (see the rules at the
 * top of this file): targets per priority and service hours of the contracts in force with
 * response times (the strictest target and the union of hours when several are), in the
 * organization's zone and holiday calendar. Falls back to {@link defaultSlaTerms} when no
 * contract in force lists response times.
 *
 * @param organization the customer (zone and calendar of the business hours)
 * @param contracts the organization's contracts, any dates and kinds (filtered here)
 * @param day the ticket's day, `YYYY-MM-DD` in the organization's zone
 * @throws ProblemError (422) when the organization's calendar or zone is invalid, as `defaultSlaTerms` does
 */
export function contractSlaTerms(organization: Organization, contracts: readonly Contract[], day: string): SlaTerms {
  const counted = slaContractsOn(contracts, day);
  if (counted.length === 0) return defaultSlaTerms(organization);
  return termsOf(organization, counted);
}

function termsOf(organization: Organization, counted: readonly Contract[]): SlaTerms {
  const weeks = counted.flatMap((contract) => {
    const week = parseServiceHours(contract.terms.serviceHours);
    return week === undefined ? [] : [week];
  });
  let weekly: SlaTermsInput["businessHours"]["weekly"] = DEFAULT_WEEKLY_HOURS;
  if (weeks.length > 0) {
    const union = emptyWeek();
    for (const week of weeks) for (const day of WEEKDAYS) union[day].push(...week[day]);
    for (const day of WEEKDAYS) union[day] = mergeRanges(union[day]);
    weekly = weeklyInput(union);
  }
  // Service agreed round the clock ("24/7") runs on public holidays too: no holiday calendar.
  const aroundTheClock = weeks.some((week) => WEEKDAYS.every((day) => week[day].some(([start, end]) => start === 0 && end === 1440)));
  return unwrap(
    createSlaTerms({
      // Validated by `createSlaTerms`: an unknown calendar is its rule violation, not ours.
      calendar: aroundTheClock ? null : (organization.calendarId as SlaTermsInput["calendar"]),
      businessHours: { zone: organization.zone, weekly },
      targets: strictestTargets(counted.flatMap((contract) => contract.terms.responseTimes)),
    }),
  );
}

/**
 * K7: a lookup of the reaction times per ticket, for jobs and routes that evaluate the tickets of
 * many organizations: the terms of the organization's contracts in force on the day the ticket
 * was opened (in the organization's zone). Terms are built once per organization and set of
 * contracts in force, not once per ticket.
 *
 * @param contractsByOrganization contracts per organization id ({@link loadContractsOfOrganizations}); a missing organization has none
 * @returns `(organization, openedAt) => SlaTerms`; throws like {@link contractSlaTerms}
 */
export function contractSlaTermsResolver(contractsByOrganization: ContractsByOrganization): (organization: Organization, openedAt: string) => SlaTerms {
  const cache = new Map<string, SlaTerms>();
  return (organization, openedAt) => {
    const day = DateTime.fromISO(openedAt, { zone: organization.zone }).toISODate();
    // An unreadable instant cannot pick a day; the defaults are the documented fallback.
    const counted = day === null ? [] : slaContractsOn(contractsByOrganization.get(organization.id) ?? [], day);
    const key = `${organization.id}\u0000${counted.map((contract) => contract.id).join("\u0000")}`;
    let terms = cache.get(key);
    if (terms === undefined) {
      terms = counted.length === 0 ? defaultSlaTerms(organization) : termsOf(organization, counted);
      cache.set(key, terms);
    }
    return terms;
  };
}

/**
 * The calendar day of the scheduled jobs: a day in Europe/Paris, "YYYY-MM-DD". A daily job's run
 * is keyed by it, and its rules are computed from the start of that day, never from the moment the
 * run happens to start: every run for one day draws the same lines, so running again changes
 * nothing more. Pure, so that the CLI's parsing is tested without a database.
 */
import { parseCalendarDate } from "@/lib/calendar-date";
import { MINUTE_MS } from "@/lib/time";

export const JOBS_TIME_ZONE = "Europe/Paris";

// en-CA writes dates as YYYY-MM-DD.
const DAY_FORMAT = new Intl.DateTimeFormat("en-CA", { timeZone: JOBS_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The day it is in Paris at `moment`. */
export function dayAt(moment: Date): string {
  return DAY_FORMAT.format(moment);
}

/** "YYYY-MM-DD" if it names a real day, else null. */
export function parseDay(value: string): string | null {
  return parseCalendarDate(value) ? value : null;
}

/** Minutes Paris is ahead of UTC at `moment` (60 in winter, 120 in summer). */
function parisOffsetMinutes(moment: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: JOBS_TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(moment);
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - Math.floor(moment.getTime() / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/** Midnight in Paris on `day`, as an instant: the "now" of every job run for that day. */
export function startOfDay(day: string): Date {
  const utcMidnight = parseCalendarDate(day);
  if (!utcMidnight) throw new Error(`Not a day: ${day}`);
  // Paris midnight is UTC midnight minus the offset in force at that moment (taken twice around DST changes).
  const guess = new Date(utcMidnight.getTime() - parisOffsetMinutes(utcMidnight) * MINUTE_MS);
  return new Date(utcMidnight.getTime() - parisOffsetMinutes(guess) * MINUTE_MS);
}
